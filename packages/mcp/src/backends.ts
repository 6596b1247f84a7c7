import { type Scrub, scrubberFor } from "@workapis/runtime/internal";
import type { ResolvedOptions } from "./options.ts";
import type { UntypedClient } from "./untyped-client.ts";
import { VENDORS, type VendorName } from "./vendors.ts";

/** Where each served vendor's calls go: its API with the credential from the environment, or its mock. */
export interface Backends {
  /** The vendors the server offers, in the order of the options. */
  readonly served: readonly VendorName[];
  /** Those of them answered by an embedded mock. */
  readonly mocked: readonly VendorName[];
  /** What the person starting the server should know (stderr; stdout is the protocol channel). */
  readonly notice: string;
  client(vendor: VendorName): Promise<UntypedClient>;
  /** Hides every credential the server holds from a text. */
  readonly scrub: Scrub;
}

export function createBackends(options: ResolvedOptions): Backends {
  const tokenOf = (vendor: VendorName) => options.env[VENDORS[vendor].tokenEnv]?.trim() || undefined;
  const live = options.mock ? [] : options.vendors.filter((v) => tokenOf(v) !== undefined);
  const useMocks = live.length === 0;
  const served = useMocks ? options.vendors : live;
  const clients = new Map<VendorName, Promise<UntypedClient>>();
  if (!useMocks) {
    // Live clients are made now, so a bad base URL fails at start-up naming its variable.
    for (const vendor of live) {
      const { tokenEnv, baseUrlEnv } = VENDORS[vendor];
      const baseUrl = options.env[baseUrlEnv]?.trim();
      try {
        const client = VENDORS[vendor].client({
          token: tokenOf(vendor) ?? "",
          ...(baseUrl ? { baseUrl } : {}),
        });
        clients.set(vendor, Promise.resolve(client));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${vendor} (${tokenEnv}, ${baseUrlEnv}): ${scrubberFor([tokenOf(vendor)])(reason)}`);
      }
    }
  }
  const names = (list: readonly VendorName[]) => list.map((v) => VENDORS[v].label).join(", ");
  const skipped = options.vendors.filter((v) => !served.includes(v));
  const notice = useMocks
    ? `${
        options.mock
          ? "--mock"
          : `No vendor credential is set (${options.vendors.map((v) => VENDORS[v].tokenEnv).join(", ")})`
      }: serving ${names(served)} from the embedded mocks (seeded sample data; nothing leaves this machine).`
    : `Serving ${names(served)} with the credentials from the environment.${
        skipped.length
          ? ` Not served (no credential): ${skipped.map((v) => `${VENDORS[v].label} (${VENDORS[v].tokenEnv})`).join(", ")}.`
          : ""
      }`;
  return {
    served,
    mocked: useMocks ? served : [],
    notice,
    scrub: scrubberFor(live.map(tokenOf)),
    client(vendor) {
      let client = clients.get(vendor);
      if (!client) {
        if (!useMocks || !served.includes(vendor))
          return Promise.reject(new Error(`${vendor} is not served`));
        client = VENDORS[vendor].mockClient();
        clients.set(vendor, client);
      }
      return client;
    },
  };
}
