import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import { getCurrentSession, requireUser, type CurrentUser } from "@/lib/auth/guard";
import { REAUTH_CODE, reauthenticateUrl, requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { toAppError } from "@/lib/errors";
import { requestInfoFrom, type RequestInfo } from "@/lib/http/request-info";
import type { ActionResult, ActionState } from "./action-result";

type Options<S extends z.ZodType> = {
  schema: S;
  // Sensitive changes: a sign-in within the last few minutes, or the answer sends the user to sign in
  // again and come back to returnTo.
  recentSignIn?: { returnTo: string };
  // The few actions a pending account may take (on its own account); all others send it to /pending.
  allowPending?: boolean;
};

export type ActionContext = { user: CurrentUser; sessionId: string; request: RequestInfo };
type Handler<S extends z.ZodType, T> = (input: z.output<S>, context: ActionContext) => Promise<Success<T>>;
type PublicHandler<S extends z.ZodType, T> = (input: z.output<S>, context: { request: RequestInfo }) => Promise<Success<T>>;
type Success<T> = { ok: true; data: T; message?: string };

export function done(): Success<undefined>;
export function done<T>(data: T, message?: string): Success<T>;
export function done<T>(data?: T, message?: string): Success<T | undefined> {
  return { ok: true, data, message };
}

// Server actions are public endpoints. Every action of a signed-in user goes through this: the session
// is checked (no session: off to sign in), a recent sign-in when asked, the input parsed with the
// action's schema, and any AppError (or invalid input) comes back as the action's result. Next's
// redirects and not-found travel on as they must.
export function sessionAction<S extends z.ZodType, T>(options: Options<S>, handler: Handler<S, T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => run(options.recentSignIn?.returnTo, () => withUser(options, input, handler));
}

// The same for forms (useActionState): the form's fields are the input.
export function sessionFormAction<S extends z.ZodType, T = undefined>(options: Options<S>, handler: Handler<S, T>) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> =>
    run(options.recentSignIn?.returnTo, () => withUser(options, fieldsOf(formData), handler));
}

// Sign-in forms: the caller is not signed in yet, so only the parsing and the error shape apply.
export function publicFormAction<S extends z.ZodType, T = undefined>(options: { schema: S }, handler: PublicHandler<S, T>) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> =>
    run(undefined, async () => handler(options.schema.parse(fieldsOf(formData)), { request: requestInfoFrom(await headers()) }));
}

// Sign-in buttons that post without any JavaScript (the /login page ships none for them): the form's
// fields are parsed the same way, and a refusal of any kind goes to the page `onFailure` names.
export function publicFormPost<S extends z.ZodType>(options: { schema: S; onFailure: string }, handler: (input: z.output<S>) => Promise<void>) {
  return async (formData: FormData): Promise<void> => {
    let failed = false;
    try {
      await handler(options.schema.parse(fieldsOf(formData)));
    } catch (error) {
      unstable_rethrow(error);
      console.error(`[action] refused: ${toAppError(error).code}`);
      failed = true;
    }
    if (failed) redirect(options.onFailure);
  };
}

async function withUser<S extends z.ZodType, T>(options: Options<S>, input: unknown, handler: Handler<S, T>): Promise<Success<T>> {
  const access = { allowPending: options.allowPending === true };
  const user = options.recentSignIn ? await requireRecentSignInOrSignIn(access) : await requireUser(access);
  const session = (await getCurrentSession())!;
  return handler(options.schema.parse(input), { user, sessionId: session.session.id, request: requestInfoFrom(await headers()) });
}

async function requireRecentSignInOrSignIn(access: { allowPending: boolean }): Promise<CurrentUser> {
  await requireUser(access);
  return requireRecentSignIn(access);
}

async function run<T>(reauthReturnTo: string | undefined, work: () => Promise<Success<T>>): Promise<ActionResult<T>> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    const appError = toAppError(error);
    return {
      ok: false,
      code: appError.code,
      // A form shows the schema's own words ("Type DELETE in capitals to confirm."), not the API's
      // "Invalid field: …" wording.
      message: error instanceof ZodError ? (error.issues[0]?.message ?? appError.message) : appError.message,
      fieldErrors: appError.fieldErrors,
      reauthenticateUrl: appError.code === REAUTH_CODE && reauthReturnTo ? reauthenticateUrl(reauthReturnTo) : undefined,
    };
  }
}

// A form's text fields (the last of a repeated name); files are never an action's input here.
function fieldsOf(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string") fields[name] = value;
  return fields;
}
