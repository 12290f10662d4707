import { z } from "zod";
import { AppError } from "@/lib/errors";

// Opaque keyset cursors: the sort key and id of the last row of a page, base64url-encoded JSON. Each list
// order has its own sort key under its own wire field, so a cursor of one order is refused by another
// instead of being misread.
type SortKey<K> = { wire: z.ZodType<number>; toWire: (key: K) => number; fromWire: (value: number) => K };

// ±8.64e15 ms is the range of a JavaScript Date: beyond it a tampered cursor would become an Invalid Date.
const MAX_TIME = 8.64e15;
const time: SortKey<Date> = { wire: z.number().int().min(-MAX_TIME).max(MAX_TIME), toWire: (date) => date.getTime(), fromWire: (t) => new Date(t) };
const count: SortKey<number> = { wire: z.number().int().min(0), toWire: (n) => n, fromWire: (n) => n };

const idShape = z.string().min(1).max(100);

// A cursor codec for rows ordered by `name` (then id), written under the wire field `field`.
export function keysetCursor<N extends string, K>(name: N, field: string, sort: SortKey<K>) {
  type Position = { [P in N]: K } & { id: string };
  return {
    encode(position: Position): string {
      return Buffer.from(JSON.stringify({ [field]: sort.toWire(position[name]), id: position.id })).toString("base64url");
    },
    decode(value: string | null | undefined): Position | null {
      if (!value) return null;
      try {
        const parsed = z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
        return { [name]: sort.fromWire(sort.wire.parse(parsed[field])), id: idShape.parse(parsed.id) } as Position;
      } catch {
        throw new AppError("bad_request:cursor", "The cursor is not valid. Start again from the first page.");
      }
    },
  };
}

export const sortKeys = { time, count };

// Most lists page by a timestamp.
export type Cursor = { createdAt: Date; id: string };
const timeCursor = keysetCursor("createdAt", "t", time);
export const encodeCursor = timeCursor.encode;
export const decodeCursor = timeCursor.decode;
