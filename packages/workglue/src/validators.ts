export * from "./generated/response-validators.js";
