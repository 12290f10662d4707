// What every server action returns to its form.
export type FormState =
  | { ok: true; message?: string }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[] | undefined> }
  | null;
