export type { Access, WritePolicy } from "./access.ts";
export { accessOf } from "./access.ts";
export type { ServerErrorName, ToolAnswer } from "./answers.ts";
export { createMcpServer } from "./create-server.ts";
export {
  DEFAULT_HTTP_PORT,
  type HttpServerOptions,
  type RunningHttpServer,
  serveHttp,
} from "./http-server.ts";
export {
  DEFAULT_MAX_ITEMS,
  McpOptionError,
  type ToolsMode,
  type WorkapisMcpOptions,
} from "./options.ts";
export type { ToolDefinition, ToolHints } from "./tool-definition.ts";
export { createToolbox, type Toolbox } from "./toolbox.ts";
export { VENDOR_NAMES, type VendorName } from "./vendors.ts";
