import { type MockServer, serveMock } from "@workapis/mock/server";
import type { ClientOptions } from "@workapis/runtime";
import { type Clients, type Mocks, type VendorName, vendors } from "./vendors.ts";

/** Seeds the mocks a recipe runs against, per vendor. */
export type Seeds<V extends VendorName> = { readonly [K in V]?: (mock: Mocks[K]) => void };

export interface Connection<V extends VendorName> {
  readonly clients: Pick<Clients, V>;
  /** The mocks standing in for the vendors that have no token in the environment. */
  readonly mocks: Partial<Pick<Mocks, V>>;
  /** Where each vendor's calls go, for the progress lines. */
  readonly targets: Readonly<Record<V, string>>;
  close(): Promise<void>;
}

export interface ConnectOptions<V extends VendorName> {
  /** Where `<VENDOR>_TOKEN` and `<VENDOR>_BASE_URL` are read. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly seeds?: Seeds<V>;
  /** Client settings for every vendor (tests shorten the retry backoff). */
  readonly client?: Omit<ClientOptions, "token" | "baseUrl">;
}

/** The token and base URL a vendor's variables name, or undefined when its token is not set. */
export function liveTarget(
  vendor: VendorName,
  env: Readonly<Record<string, string | undefined>>,
): { token: string; baseUrl?: string } | undefined {
  const prefix = vendor.toUpperCase();
  const token = env[`${prefix}_TOKEN`];
  if (!token) return undefined;
  const baseUrl = env[`${prefix}_BASE_URL`];
  return baseUrl ? { token, baseUrl } : { token };
}

/**
 * Clients for the named vendors: the real API where `<VENDOR>_TOKEN` is set (at `<VENDOR>_BASE_URL`,
 * or the vendor's own server), otherwise that vendor's standalone mock server on 127.0.0.1, seeded.
 */
export async function connect<V extends VendorName>(
  names: readonly V[],
  options: ConnectOptions<V> = {},
): Promise<Connection<V>> {
  const env = options.env ?? process.env;
  const clients: Partial<Record<VendorName, unknown>> = {};
  const mocks: Partial<Record<VendorName, unknown>> = {};
  const targets: Partial<Record<VendorName, string>> = {};
  const servers: MockServer[] = [];
  try {
    for (const name of names) {
      const live = liveTarget(name, env);
      if (live) {
        clients[name] = vendors[name].client({ ...options.client, ...live });
        targets[name] = live.baseUrl ?? `${vendors[name].label} API`;
        continue;
      }
      const mock = vendors[name].mock();
      options.seeds?.[name]?.(mock);
      const server = await serveMock(mock);
      servers.push(server);
      mocks[name] = mock;
      clients[name] = vendors[name].client({ ...options.client, token: "mock-token", baseUrl: server.url });
      targets[name] = `mock ${server.url}`;
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  return {
    clients: clients as Pick<Clients, V>,
    mocks: mocks as Partial<Pick<Mocks, V>>,
    targets: targets as Record<V, string>,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

/** Every named vendor mocked and seeded, whatever the environment holds, with a short retry backoff (tests). */
export async function connectToMocks<V extends VendorName>(
  names: readonly V[],
  seeds: Seeds<V>,
): Promise<Connection<V> & { readonly mocks: Pick<Mocks, V> }> {
  const connection = await connect(names, {
    env: {},
    seeds,
    client: { retry: { baseDelayMs: 1, maxDelayMs: 5 }, logLevel: "off" },
  });
  return connection as Connection<V> & { readonly mocks: Pick<Mocks, V> };
}
