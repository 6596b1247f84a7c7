#!/usr/bin/env node
// `workapis-workglue-probe`: checks the spec against a live Workglue account (see the README).
import { probeCommand } from "@workapis/runtime/probe";
import { meta } from "./generated/operations.ts";
import * as validators from "./generated/response-validators.js";

probeCommand({
  command: "workapis-workglue-probe",
  vendor: "Workglue",
  tokenEnv: "WORKGLUE_ACCOUNT_API_KEY",
  meta,
  validators,
}).then((code) => {
  process.exitCode = code;
});
