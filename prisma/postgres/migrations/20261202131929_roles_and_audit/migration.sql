-- AlterTable
ALTER TABLE "User" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "role" TEXT NOT NULL DEFAULT 'member',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'pending',
ADD COLUMN     "suspendedReason" TEXT;

-- CreateTable
CREATE TABLE "InstanceClaim" (
    "name" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstanceClaim_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "targetId" TEXT,
    "targetEmail" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "AuditEntry_targetId_idx" ON "AuditEntry"("targetId");

-- CreateIndex
CREATE INDEX "User_role_status_idx" ON "User"("role", "status");


-- Accounts that existed before sign-up policies keep working: active members, and the oldest of them
-- becomes the admin (a deployment upgraded in place keeps someone who can run it). That user also holds
-- the first-account claim, so no later sign-up becomes admin by being "first".
UPDATE "User" SET "status" = 'active', "approvedAt" = "createdAt";
UPDATE "User" SET "role" = 'admin' WHERE "id" = (SELECT "id" FROM "User" ORDER BY "createdAt" ASC, "id" ASC LIMIT 1);
INSERT INTO "InstanceClaim" ("name", "userId") SELECT 'first_account', "id" FROM "User" WHERE "role" = 'admin';
