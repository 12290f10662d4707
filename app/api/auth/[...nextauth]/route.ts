// GET/POST /api/auth/* — Auth.js (sign-in, callbacks, sign-out, CSRF)
export { GET, POST } from "@/lib/auth/route-handlers";
