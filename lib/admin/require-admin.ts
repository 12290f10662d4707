import "server-only";
import { notFound } from "next/navigation";
import { getCurrentSession, type CurrentUser } from "@/lib/auth/guard";
import { roleOf, statusOf } from "@/lib/auth/roles";

// Admin pages: for anyone but an active admin (signed out, pending, member) they do not exist.
export async function requireAdminPage(): Promise<CurrentUser> {
  const current = await getCurrentSession();
  if (!current || roleOf(current.user.role) !== "admin" || statusOf(current.user.status) !== "active") notFound();
  return current.user;
}
