import { expect, type APIResponse, type Page } from "@playwright/test";
import { recordSecret } from "../../support/secrets-ledger";
import { linkIn, mailTo, waitForMail } from "./mail";

// Invitations through the admin App API and the captured mail, as an admin and the invited person meet them.
export function invite(page: Page, email: string, role: "admin" | "member", origin = ""): Promise<APIResponse> {
  return page.request.post(`${origin}/api/admin/invitations`, { data: { email, role } });
}

// The invitation link from the newest invitation mail to `email` (sent after `before` mails to it).
export async function invitationLinkFor(email: string, before = 0): Promise<string> {
  const mail = await waitForMail(email, before + 1);
  expect(mail.subject).toMatch(/^You're invited to Keyline/);
  const link = linkIn(mail);
  recordSecret("invitation-token", new URL(link).pathname.split("/").pop());
  return link;
}

// Invites through the API and returns the invitation's id and mailed link.
export async function invitedWithLink(page: Page, email: string, role: "admin" | "member", origin = ""): Promise<{ id: string; link: string }> {
  const before = (await mailTo(email)).length;
  const response = await invite(page, email, role, origin);
  expect(response.status(), await response.text()).toBe(201);
  const { invitation } = (await response.json()) as { invitation: { id: string } };
  return { id: invitation.id, link: await invitationLinkFor(email, before) };
}

// Opens the invitation link and asks for the sign-in link; returns the magic link mailed to the invited address.
export async function acceptInvitation(page: Page, link: string, invitedEmail: string): Promise<string> {
  const before = (await mailTo(invitedEmail)).length;
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "You're invited to Keyline" })).toBeVisible();
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  return linkIn(await waitForMail(invitedEmail, before + 1));
}

export async function invitationRow(id: string, page: Page, origin = "") {
  const list = (await (await page.request.get(`${origin}/api/admin/invitations`)).json()) as { invitations: { id: string; status: string; usedBy: string | null; invitedBy: { email: string } | null; role: string; email: string }[] };
  return list.invitations.find((row) => row.id === id);
}
