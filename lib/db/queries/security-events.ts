import "server-only";
import { db } from "@/lib/db/client";
import type { RequestInfo } from "@/lib/http/request-info";

export type SecurityEventType =
  | "sign_in"
  | "sign_in_failed"
  | "new_device"
  | "sign_out"
  | "session_revoked"
  | "account_linked"
  | "account_unlinked"
  | "passkey_added"
  | "passkey_removed"
  | "passkey_renamed"
  | "api_key_created"
  | "api_key_revoked"
  | "api_key_new_ip"
  | "share_created"
  | "share_revoked"
  // What an admin did to this account (lib/admin/manage.ts); no details of the admin are kept here.
  | "admin_approved"
  | "admin_suspended"
  | "admin_reactivated"
  | "admin_role_changed"
  | "admin_signed_out"
  | "admin_budget_changed"
  | "oauth_app_connected"
  | "oauth_app_revoked"
  | "oauth_apps_revoked_all"
  | "oauth_refresh_token_reused";

type Client = Pick<typeof db, "securityEvent">;

export async function recordSecurityEvent(input: {
  userId: string;
  type: SecurityEventType;
  request?: RequestInfo;
  detail?: Record<string, string | number | boolean | null>;
}, client: Client = db) {
  await client.securityEvent.create({
    data: {
      userId: input.userId,
      type: input.type,
      ip: input.request?.ip ?? null,
      userAgent: input.request?.userAgent ?? null,
      detail: input.detail ?? undefined,
    },
  });
}

export async function listSecurityEvents({ userId, take = 50 }: { userId: string; take?: number }) {
  return db.securityEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, type: true, ip: true, userAgent: true, detail: true, createdAt: true },
  });
}

// The user agents of earlier sign-ins, newest first (the new-device check compares them).
export async function recentSignInUserAgents({ userId, before, take = 100 }: { userId: string; before: Date; take?: number }) {
  const rows = await db.securityEvent.findMany({
    where: { userId, type: "sign_in", createdAt: { lt: before } },
    orderBy: { createdAt: "desc" },
    take,
    select: { userAgent: true },
  });
  return rows.map((row) => row.userAgent);
}
