export * from "./generated/mock.ts";
