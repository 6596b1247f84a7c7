#!/usr/bin/env node
// `workapis-boardcrm-probe`: checks the spec against a live BoardCRM account (see the README).
import { probeCommand } from "@workapis/runtime/probe";
import { meta } from "./generated/operations.ts";
import * as validators from "./generated/response-validators.js";

probeCommand({
  command: "workapis-boardcrm-probe",
  vendor: "BoardCRM",
  tokenEnv: "BOARDCRM_TOKEN",
  meta,
  validators,
}).then((code) => {
  process.exitCode = code;
});
