import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as Admission from "@/lib/auth/admission";
import type { Db } from "@/lib/db/create-client";
import { useMigratedSqlite } from "./support/migrated-sqlite";

// SIGNUP=approval: a new pending account is made whatever happens to the mail to the admins, and each active
// admin (only they) is mailed its address and a link to its page.
const sendMail = vi.fn(async (_mail: { to: string; subject: string; text: string }) => {
  throw new Error("smtp down");
});
vi.mock("@/lib/mail/transport", () => ({ isMailConfigured: () => true, sendMail }));

let db: Db;
let admission: typeof Admission;

beforeAll(async () => {
  await useMigratedSqlite("pending-notice");
  vi.stubEnv("SIGNUP", "approval");
  vi.stubEnv("ADMIN_EMAILS", "boss@example.test,chief@example.test");
  vi.stubEnv("AUTH_URL", "https://keyline.example.test");
  db = (await import("@/lib/db/client")).db;
  admission = await import("@/lib/auth/admission");
});

describe("mail to admins about a pending account", () => {
  it("goes to every active admin after the account exists, and a failed send changes nothing", async () => {
    await db.user.createMany({
      data: [
        { email: "boss@example.test", role: "admin", status: "active" },
        { email: "deputy@example.test", role: "admin", status: "active" },
        { email: "former@example.test", role: "admin", status: "suspended" },
        { email: "member@example.test", role: "member", status: "active" },
      ],
    });
    const user = await admission.admitNewUser({ email: "newcomer@example.test", emailVerified: new Date() });
    expect(user).toMatchObject({ status: "pending", role: "member" });
    await vi.waitFor(() => expect(sendMail).toHaveBeenCalledTimes(2));
    const mails = sendMail.mock.calls.map(([mail]) => mail);
    expect(mails.map((mail) => mail.to).sort()).toEqual(["boss@example.test", "deputy@example.test"]);
    for (const mail of mails) {
      expect(mail.subject).toBe("New Keyline account waiting for approval: newcomer@example.test");
      expect(mail.text).toContain(`https://keyline.example.test/admin/users/${user.id}`);
    }
    expect(await db.user.count({ where: { email: "newcomer@example.test", status: "pending" } })).toBe(1);
  });

  it("is not sent for an account that does not wait", async () => {
    sendMail.mockClear();
    expect(await admission.admitNewUser({ email: "chief@example.test" })).toMatchObject({ status: "active", role: "admin" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sendMail).not.toHaveBeenCalled();
  });
});
