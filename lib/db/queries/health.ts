import "server-only";
import { db } from "@/lib/db/client";

export async function pingDatabase(): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
