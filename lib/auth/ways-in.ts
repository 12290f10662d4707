import "server-only";
import { countWaysIn, type WaysInClient } from "@/lib/db/queries/ways-in";
import { AppError } from "@/lib/errors";
import { isMailConfigured } from "@/lib/mail/transport";
import { oauthProviderOptions } from "./oauth-providers";

// Call before unlinking an account or deleting a passkey: the user must keep at least one way in.
// Pass the transaction's client when the removal runs in one (see deleteLinkedAccount).
export async function assertNotLastWayIn(userId: string, client?: WaysInClient): Promise<void> {
  const providers = oauthProviderOptions().map((provider) => provider.id);
  const { total } = await countWaysIn({ userId, emailSignInEnabled: isMailConfigured(), providers }, client);
  if (total <= 1) {
    throw new AppError(
      "conflict:last_way_in",
      "This is your last way to sign in. Add a passkey or link another account before removing it.",
    );
  }
}
