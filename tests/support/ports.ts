// Ports of the e2e rig's parts; the scripts that start them and the tests that call them share these.
export const ports = {
  app: Number(process.env.E2E_APP_PORT ?? 3100),
  smtp: Number(process.env.MAIL_SMTP_PORT ?? 2525),
  mailHttp: Number(process.env.MAIL_HTTP_PORT ?? 2580),
  model: Number(process.env.MODEL_SERVER_PORT ?? 4010),
  oauth: Number(process.env.OAUTH_SERVER_PORT ?? 4300),
  // Second app processes with a small per-key API limit, one per worker from this port up (api-rate-limit.spec.ts).
  limitedApp: Number(process.env.E2E_LIMITED_APP_PORT ?? 3110),
  // App processes with other sign-up policies (sign-up-policy.spec.ts): this port and the next. The rig's
  // OAuth server registers their callbacks too.
  policyApp: Number(process.env.E2E_POLICY_APP_PORT ?? Number(process.env.E2E_LIMITED_APP_PORT ?? 3110) + 40),
};

export const modelServerOrigin = `http://127.0.0.1:${ports.model}`;

export const oauthServerOrigin = `http://127.0.0.1:${ports.oauth}`;

export const appOrigin = `http://localhost:${ports.app}`;

export const policyAppOrigins = [ports.policyApp, ports.policyApp + 1].map((port) => `http://localhost:${port}`);
