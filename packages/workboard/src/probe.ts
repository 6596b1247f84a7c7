#!/usr/bin/env node
// `workapis-workboard-probe`: checks the spec against a live WorkBoard account (see the README).
import { probeCommand } from "@workapis/runtime/probe";
import { meta } from "./generated/operations.ts";
import * as validators from "./generated/response-validators.js";

probeCommand({
  command: "workapis-workboard-probe",
  vendor: "WorkBoard",
  tokenEnv: "WORKBOARD_TOKEN",
  meta,
  validators,
}).then((code) => {
  process.exitCode = code;
});
