import { defineConfig } from "tsup";
import { vendorPackageBuild } from "../../tsup.base.ts";

export default defineConfig(vendorPackageBuild("workboard"));
