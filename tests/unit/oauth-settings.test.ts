import { afterEach, describe, expect, it, vi } from "vitest";
import { loadEnv } from "@/lib/env";

afterEach(() => vi.unstubAllEnvs());

describe("sign-in provider settings", () => {
  it("stops at start when a provider is half configured, naming what is missing", () => {
    vi.stubEnv("AUTH_GITHUB_ID", "client");
    expect(() => loadEnv()).toThrowError(/^Invalid setting AUTH_GITHUB_SECRET: required when AUTH_GITHUB_ID is set$/);
  });

  it("names the missing OIDC setting", () => {
    vi.stubEnv("AUTH_OIDC_ISSUER", "https://id.example.com");
    vi.stubEnv("AUTH_OIDC_ID", "client");
    expect(() => loadEnv()).toThrowError(/^Invalid setting AUTH_OIDC_SECRET: required when AUTH_OIDC_ISSUER and AUTH_OIDC_ID are set$/);
  });

  it("accepts a complete provider and none at all", () => {
    vi.stubEnv("AUTH_GOOGLE_ID", "client");
    vi.stubEnv("AUTH_GOOGLE_SECRET", "secret");
    expect(() => loadEnv()).not.toThrow();
    vi.unstubAllEnvs();
    expect(() => loadEnv()).not.toThrow();
  });
});
