-- AlterTable
ALTER TABLE "User" ADD COLUMN "tokenBudget" TEXT;

-- CreateTable
CREATE TABLE "TokenBudgetCounter" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "windowStart" BIGINT NOT NULL,
    "used" INTEGER NOT NULL,
    CONSTRAINT "TokenBudgetCounter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TokenUsage" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "estimated" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "day", "model", "source"),
    CONSTRAINT "TokenUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TokenUsage_day_idx" ON "TokenUsage"("day");

