// The stored form of "no budget for this user, whatever BUDGET_TOKENS says" (User.tokenBudget).
export const EXEMPT_BUDGET = "exempt";
