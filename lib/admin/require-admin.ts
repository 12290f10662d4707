import "server-only";
import { notFound } from "next/navigation";
import { getCurrentSession, type CurrentUser } from "@/lib/auth/guard";
import { isActiveAdmin } from "@/lib/auth/roles";

// Admin pages: for anyone but an active admin (signed out, pending, member) they do not exist.
export async function requireAdminPage(): Promise<CurrentUser> {
  const current = await getCurrentSession();
  if (!current || !isActiveAdmin(current.user)) notFound();
  return current.user;
}
