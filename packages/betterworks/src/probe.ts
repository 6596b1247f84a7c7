#!/usr/bin/env node
// `workapis-betterworks-probe`: checks the spec against a live Betterworks account (see the README).
import { probeCommand } from "@workapis/runtime/probe";
import { meta } from "./generated/operations.ts";
import * as validators from "./generated/response-validators.js";

probeCommand({
  command: "workapis-betterworks-probe",
  vendor: "Betterworks",
  tokenEnv: "BETTERWORKS_API_KEY",
  meta,
  validators,
}).then((code) => {
  process.exitCode = code;
});
