// What every server action returns to its form.
export type FormState =
  | { ok: true; message?: string }
  | {
      ok: false;
      code: string;
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      // Set when the action needs a fresh sign-in first (see lib/auth/recent-sign-in.ts).
      reauthenticateUrl?: string;
    }
  | null;
