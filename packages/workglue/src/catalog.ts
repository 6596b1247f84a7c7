export * from "./generated/catalog.js";
