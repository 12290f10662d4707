// oidc-provider ships no types; this names the few parts Keyline uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface GrantInstance {
    accountId?: string;
    clientId?: string;
    jti: string;
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(ttl?: number): Promise<string>;
  }
  export interface InteractionInstance {
    uid: string;
    exp: number;
    returnTo: string;
    params: Record<string, unknown>;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    session?: { accountId?: string };
    grantId?: string;
    result?: Record<string, unknown>;
    save(ttl: number): Promise<string>;
  }
  export interface ClientInstance {
    clientId: string;
    clientName?: string;
    redirectUris: string[];
    grantTypeAllowed(type: string): boolean;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => unknown;
    on(event: string, listener: (...args: unknown[]) => void): this;
    Interaction: { find(uid: string): Promise<InteractionInstance | undefined> };
    Client: { find(id: string): Promise<ClientInstance | undefined> };
    DeviceCode: { findByUserCode(userCode: string, options?: { ignoreExpiration?: boolean }): Promise<unknown> };
    Grant: { new (input: { accountId: string; clientId: string }): GrantInstance; find(id: string): Promise<GrantInstance | undefined> };
  }
  export const errors: Record<string, new (description?: string) => Error>;
}
