#!/usr/bin/env node
// `workapis-webwork-probe`: checks the spec against a live WebWork account (see the README).
import { probeCommand } from "@workapis/runtime/probe";
import { meta } from "./generated/operations.ts";
import * as validators from "./generated/response-validators.js";

probeCommand({
  command: "workapis-webwork-probe",
  vendor: "WebWork",
  tokenEnv: "WEBWORK_TOKEN",
  meta,
  validators,
}).then((code) => {
  process.exitCode = code;
});
