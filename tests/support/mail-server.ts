// A real SMTP server that captures every message, with a small HTTP API for tests to read them.
//   SMTP on MAIL_SMTP_PORT (default 2525), HTTP on MAIL_HTTP_PORT (default 2580)
//   GET /messages?to=<address>   DELETE /messages   GET /health
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { recordSecret } from "./secrets-ledger";

type Captured = { to: string[]; from: string; subject: string; text: string; html: string; receivedAt: string };

const smtpPort = Number(process.env.MAIL_SMTP_PORT ?? 2525);
const httpPort = Number(process.env.MAIL_HTTP_PORT ?? 2580);
const messages: Captured[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        for (const link of (parsed.text ?? "").match(/https?:\/\/\S+/g) ?? []) {
          const token = new URL(link).searchParams.get("token");
          if (token) {
            recordSecret("magic-link", token);
            recordSecret("magic-link", link);
          }
        }
        messages.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch(callback);
  },
});

const api = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://127.0.0.1:${httpPort}`);
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === "/health") return send(200, { status: "ok" });
  if (url.pathname === "/messages" && request.method === "DELETE") {
    messages.length = 0;
    return send(200, { deleted: true });
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return send(200, { messages: to ? messages.filter((m) => m.to.includes(to)) : messages });
  }
  return send(404, { error: "not found" });
});

smtp.listen(smtpPort, "127.0.0.1", () => {
  api.listen(httpPort, "127.0.0.1", () => console.log(`mail capture: smtp ${smtpPort}, http ${httpPort}`));
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    smtp.close(() => api.close(() => process.exit(0)));
  });
}
