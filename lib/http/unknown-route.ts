// The App API's answer for a path that does not exist (app/api/[...path]/route.ts). Admin routes give the
// very same answer to anyone who is not an admin (lib/http/admin-route.ts), so they cannot be told apart.
export function unknownRouteResponse(): Response {
  return Response.json(
    { error: { code: "not_found:route", message: "There is nothing at this address." } },
    { status: 404, headers: { "cache-control": "no-store" } },
  );
}
