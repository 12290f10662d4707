import "server-only";
import type { NextRequest } from "next/server";
import { requestInfoFrom } from "@/lib/http/request-info";
import { handlers } from "./config";
import { runWithSignInContext } from "./sign-in-context";

// Auth.js's handlers, run inside a context that tells the adapter who is signing in and how.
function withSignInContext(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest) => {
    const method = request.nextUrl.pathname.match(/\/callback\/([\w-]+)$/)?.[1] ?? null;
    return runWithSignInContext({ ...requestInfoFrom(request.headers), method }, () => handler(request));
  };
}

export const GET = withSignInContext(handlers.GET);
export const POST = withSignInContext(handlers.POST);
