import { z } from "zod";
import { AppError } from "@/lib/errors";

// Opaque keyset cursors: (timestamp, id) of the last row of a page, base64url-encoded.
const cursorShape = z.object({ t: z.number().int(), id: z.string().min(1).max(100) });
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor({ createdAt, id }: Cursor): string {
  return Buffer.from(JSON.stringify({ t: createdAt.getTime(), id })).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = cursorShape.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { createdAt: new Date(parsed.t), id: parsed.id };
  } catch {
    throw new AppError("bad_request:cursor", "The cursor is not valid. Start again from the first page.");
  }
}
