import "server-only";
import { languageModel } from "@/lib/ai/language-model";
import type { ModelCallStarted } from "@/lib/budgets/chat";
import { planTurn, type PreparedTurn } from "./prepare-turn";
import { startModelCall, type ModelCall } from "./reply-stream";

// A chat turn with its model call under way: the call starts as soon as the turn is read, while the
// user's message and the reply's placeholder are written, so the writes are off the time to first
// token. Nothing reaches the client before they are committed (the response is made after this
// resolves), and a failed write abandons the call and is answered as the error it is.
export async function startTurn(input: Parameters<typeof planTurn>[0], started?: ModelCallStarted): Promise<PreparedTurn & { call: ModelCall }> {
  const { store, ...turn } = await planTurn(input);
  const call = startModelCall({ model: languageModel(turn.model), messages: turn.history });
  started?.({ model: turn.model.id, history: turn.history });
  try {
    // One turn of the event loop puts the model request on the wire first: SQLite's driver runs its
    // statements synchronously, so without it the writes would finish before the request leaves.
    await new Promise((resolve) => setImmediate(resolve));
    await store();
  } catch (error) {
    call.abandon();
    throw error;
  }
  return { ...turn, call };
}
