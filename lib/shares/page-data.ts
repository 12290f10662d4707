import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/http/request-info";
import { readSharedSnapshot, type SharedSnapshot } from "./read";

export type SharedPageData = { kind: "ok"; snapshot: SharedSnapshot } | { kind: "not_found" } | { kind: "rate_limited" };

// The shared page and its metadata read the link once per request (one view, one unit of the IP's budget).
export const loadSharedPage = cache(async (token: string): Promise<SharedPageData> => {
  try {
    const snapshot = await readSharedSnapshot({ token, request: requestInfoFrom(await headers()), countView: true });
    return { kind: "ok", snapshot };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return { kind: "not_found" };
    if (error instanceof AppError && error.status === 429) return { kind: "rate_limited" };
    throw error;
  }
});
