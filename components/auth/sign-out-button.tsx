import { ActionForm } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/http/action-result";

export function SignOutButton({ action }: { action: FormAction }) {
  return <ActionForm action={action} label="Sign out" />;
}
