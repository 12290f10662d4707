import { AppError } from "@/lib/errors";

// One body for a token that never existed, a revoked or expired link, and another user's share id.
export const shareNotFound = () => new AppError("not_found:share", "This shared link does not exist or is no longer available.");
