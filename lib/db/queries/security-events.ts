import "server-only";
import { db } from "@/lib/db/client";
import type { RequestInfo } from "@/lib/http/request-info";

export type SecurityEventType =
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "session_revoked"
  | "account_linked"
  | "account_unlinked"
  | "passkey_added"
  | "passkey_removed"
  | "passkey_renamed"
  | "api_key_created"
  | "api_key_revoked"
  | "api_key_new_ip";

export async function recordSecurityEvent(input: {
  userId: string;
  type: SecurityEventType;
  request?: RequestInfo;
  detail?: Record<string, string | number | boolean | null>;
}) {
  await db.securityEvent.create({
    data: {
      userId: input.userId,
      type: input.type,
      ip: input.request?.ip ?? null,
      userAgent: input.request?.userAgent ?? null,
      detail: input.detail ?? undefined,
    },
  });
}
