// GET /.well-known/oauth-protected-resource/mcp — Protected Resource Metadata for /mcp (RFC 9728)
import { errorResponse } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { protectedResourceMetadata } from "@/lib/mcp/endpoint";

export const dynamic = "force-dynamic";

export const GET = routeHandler<unknown>({ refuseCrossSite: false, errorResponse }, async () => Response.json(protectedResourceMetadata()));
