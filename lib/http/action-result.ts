// What every server action returns to the component that called it (forms through useActionState,
// buttons by calling it). Errors carry the AppError's code and a message fit to show as it is.
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      code: string;
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      // Set when the action needs a fresh sign-in first (lib/auth/recent-sign-in.ts).
      reauthenticateUrl?: string;
    };

// useActionState starts from null: nothing submitted yet.
export type ActionState<T = undefined> = ActionResult<T> | null;

export type FormAction<T = undefined> = (previous: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
