import "server-only";
import { db } from "@/lib/db/client";

export async function findUserEmail({ userId }: { userId: string }): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return user?.email ?? null;
}
