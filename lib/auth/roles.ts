// The values of User.role and User.status (stored as text on both engines).
export const ROLES = ["admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ["active", "pending", "suspended"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export function roleOf(value: string): Role {
  return value === "admin" ? "admin" : "member";
}

// Anything unexpected in the column counts as suspended: a bad value must not let anyone in.
export function statusOf(value: string): UserStatus {
  return value === "active" || value === "pending" ? value : "suspended";
}

export function isActiveAdmin(user: { role: string; status: string }): boolean {
  return roleOf(user.role) === "admin" && statusOf(user.status) === "active";
}
