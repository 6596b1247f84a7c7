import { createBetterworksClient } from "@workapis/betterworks";
import { catalog as betterworksCatalog } from "@workapis/betterworks/catalog";
import { createBoardCRMClient } from "@workapis/boardcrm";
import { catalog as boardcrmCatalog } from "@workapis/boardcrm/catalog";
import type { ClientOptions } from "@workapis/runtime";
import { createWebWorkClient } from "@workapis/webwork";
import { catalog as webworkCatalog } from "@workapis/webwork/catalog";
import { createWorkBoardClient } from "@workapis/workboard";
import { type OperationCatalog, catalog as workboardCatalog } from "@workapis/workboard/catalog";
import { createWorkglueClient } from "@workapis/workglue";
import { catalog as workglueCatalog } from "@workapis/workglue/catalog";
import type { UntypedClient } from "./untyped-client.ts";

export const VENDOR_NAMES = ["workboard", "workglue", "betterworks", "webwork", "boardcrm"] as const;
export type VendorName = (typeof VENDOR_NAMES)[number];

/** What the server knows of a vendor: its catalog, where its credential is read, and its clients. */
export interface VendorEntry {
  readonly name: VendorName;
  readonly label: string;
  /** The environment variable holding the credential, as the vendor package's README names it. */
  readonly tokenEnv: string;
  /** The environment variable that may point the client at another server (a sandbox). */
  readonly baseUrlEnv: string;
  readonly catalog: OperationCatalog;
  client(options: ClientOptions): UntypedClient;
  /**
   * A client on a fresh embedded mock (seeded sample data, in-process fetch, no rate limit). The mock
   * entry loads msw and the seeded data, so it is imported only when a vendor is first mocked.
   */
  mockClient(): Promise<UntypedClient>;
}

// The typed clients take paths as literal types; the server calls them with paths it reads from the
// catalog at run time, so it holds them as untyped clients (the same object, a wider view of it).
const untyped = (client: object): UntypedClient => client as UntypedClient;

export const VENDORS: Readonly<Record<VendorName, VendorEntry>> = {
  workboard: {
    name: "workboard",
    label: "WorkBoard",
    tokenEnv: "WORKBOARD_TOKEN",
    baseUrlEnv: "WORKBOARD_BASE_URL",
    catalog: workboardCatalog,
    client: (options) => untyped(createWorkBoardClient(options)),
    mockClient: async () => untyped((await import("@workapis/workboard/msw")).createWorkBoardMock().client()),
  },
  workglue: {
    name: "workglue",
    label: "Workglue",
    tokenEnv: "WORKGLUE_ACCOUNT_API_KEY",
    baseUrlEnv: "WORKGLUE_BASE_URL",
    catalog: workglueCatalog,
    client: (options) => untyped(createWorkglueClient(options)),
    mockClient: async () => untyped((await import("@workapis/workglue/msw")).createWorkglueMock().client()),
  },
  betterworks: {
    name: "betterworks",
    label: "Betterworks",
    tokenEnv: "BETTERWORKS_API_KEY",
    baseUrlEnv: "BETTERWORKS_BASE_URL",
    catalog: betterworksCatalog,
    client: (options) => untyped(createBetterworksClient(options)),
    mockClient: async () =>
      untyped((await import("@workapis/betterworks/msw")).createBetterworksMock().client()),
  },
  webwork: {
    name: "webwork",
    label: "WebWork Tracker",
    tokenEnv: "WEBWORK_TOKEN",
    baseUrlEnv: "WEBWORK_BASE_URL",
    catalog: webworkCatalog,
    client: (options) => untyped(createWebWorkClient(options)),
    mockClient: async () => untyped((await import("@workapis/webwork/msw")).createWebWorkMock().client()),
  },
  boardcrm: {
    name: "boardcrm",
    label: "BoardCRM",
    tokenEnv: "BOARDCRM_TOKEN",
    baseUrlEnv: "BOARDCRM_BASE_URL",
    catalog: boardcrmCatalog,
    client: (options) => untyped(createBoardCRMClient(options)),
    mockClient: async () => untyped((await import("@workapis/boardcrm/msw")).createBoardCRMMock().client()),
  },
};

export const isVendorName = (value: unknown): value is VendorName =>
  typeof value === "string" && (VENDOR_NAMES as readonly string[]).includes(value);
