// The admin console's calls to the App API: the error message the API gives, and whether a fresh sign-in
// would fix it.
export type AdminFailure = { message: string; reauthenticate: boolean };

export async function adminFetch(path: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<AdminFailure | null> {
  try {
    const response = await fetch(path, {
      method,
      headers: body ? { "content-type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.ok) return null;
    const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    return { message: data?.error?.message ?? "That did not work. Please try again.", reauthenticate: data?.error?.code === "forbidden:reauthenticate" };
  } catch {
    return { message: "Could not reach Keyline. Check your connection and try again.", reauthenticate: false };
  }
}
