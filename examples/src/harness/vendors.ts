import { type BetterworksClient, createBetterworksClient } from "@workapis/betterworks";
import { type BetterworksMock, createBetterworksMock } from "@workapis/betterworks/msw";
import { type BoardCRMClient, createBoardCRMClient } from "@workapis/boardcrm";
import { type BoardCRMMock, createBoardCRMMock } from "@workapis/boardcrm/msw";
import type { ClientOptions } from "@workapis/runtime";
import { createWebWorkClient, type WebWorkClient } from "@workapis/webwork";
import { createWebWorkMock, type WebWorkMock } from "@workapis/webwork/msw";
import { createWorkBoardClient, type WorkBoardClient } from "@workapis/workboard";
import { createWorkBoardMock, type WorkBoardMock } from "@workapis/workboard/msw";
import { createWorkglueClient, type WorkglueClient } from "@workapis/workglue";
import { createWorkglueMock, type WorkglueMock } from "@workapis/workglue/msw";

/** The typed client of each vendor, by the name the recipes and environment variables use. */
export interface Clients {
  boardcrm: BoardCRMClient;
  workboard: WorkBoardClient;
  betterworks: BetterworksClient;
  workglue: WorkglueClient;
  webwork: WebWorkClient;
}

/** The mock of each vendor (its store is what the tests assert on). */
export interface Mocks {
  boardcrm: BoardCRMMock;
  workboard: WorkBoardMock;
  betterworks: BetterworksMock;
  workglue: WorkglueMock;
  webwork: WebWorkMock;
}

export type VendorName = keyof Clients;

/** One factory per vendor, so that code generic over vendor names stays typed. */
export const vendors: {
  readonly [V in VendorName]: {
    readonly label: string;
    readonly client: (options: ClientOptions) => Clients[V];
    readonly mock: () => Mocks[V];
  };
} = {
  boardcrm: { label: "BoardCRM", client: createBoardCRMClient, mock: () => createBoardCRMMock() },
  workboard: { label: "WorkBoard", client: createWorkBoardClient, mock: () => createWorkBoardMock() },
  betterworks: {
    label: "Betterworks",
    client: createBetterworksClient,
    mock: () => createBetterworksMock(),
  },
  workglue: { label: "Workglue", client: createWorkglueClient, mock: () => createWorkglueMock() },
  webwork: { label: "WebWork", client: createWebWorkClient, mock: () => createWebWorkMock() },
};
