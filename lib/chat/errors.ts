import { AppError } from "@/lib/errors";

// One body for a missing thread, a malformed id and someone else's thread.
export const threadNotFound = () => new AppError("not_found:thread", "This chat does not exist.");
