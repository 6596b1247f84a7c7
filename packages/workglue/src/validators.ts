export * from "./generated/response-validators.ts";
