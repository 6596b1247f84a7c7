import { serverFailure, type ToolAnswer } from "./answers.ts";
import { type Backends, createBackends } from "./backends.ts";
import type { CallContext } from "./call-operation.ts";
import { dynamicTools } from "./dynamic-tools.ts";
import { InputValidator } from "./input-validation.ts";
import { type ResolvedOptions, resolveOptions, type WorkapisMcpOptions } from "./options.ts";
import { staticTools } from "./static-tools.ts";
import type { ToolDefinition } from "./tool-definition.ts";

/**
 * The server's tools and the vendors behind them, shared by every MCP connection (a stdio session, or
 * each Streamable HTTP request), so what one call writes a later one reads.
 */
export interface Toolbox {
  readonly options: ResolvedOptions;
  readonly tools: readonly ToolDefinition[];
  /** Which vendors are served and how (for stderr: stdout is the protocol channel). */
  readonly notice: string;
  readonly backends: Backends;
  call(name: string, args: unknown): Promise<ToolAnswer>;
}

/** Checks the options (a bad one throws `McpOptionError` naming it) and builds the tools. */
export function createToolbox(options: WorkapisMcpOptions = {}): Toolbox {
  const resolved = resolveOptions(options);
  const backends = createBackends(resolved);
  const validator = new InputValidator();
  const context: CallContext = {
    backends,
    allowWrites: resolved.allowWrites,
    validator,
    maxItems: resolved.maxItems,
  };
  const tools = resolved.tools === "static" ? staticTools(context, resolved.tags) : dynamicTools(context);
  const byName = new Map(tools.map((t) => [t.name, t]));
  return {
    options: resolved,
    tools,
    notice: backends.notice,
    backends,
    async call(name, args) {
      const tool = byName.get(name);
      if (!tool)
        return serverFailure(
          "UnknownOperationError",
          `No tool ${JSON.stringify(name)}${resolved.tools === "static" ? " (in static mode a tool is listed only when the server allows it)" : ""}.`,
          backends.scrub,
        );
      const given = args ?? {};
      if (!tool.checksArguments) {
        const problems = validator.check(tool.inputSchema, given);
        if (problems.length > 0)
          return serverFailure(
            "InvalidArgumentsError",
            `The arguments do not fit ${name}: ${problems.map((p) => `${p.at} ${p.message}`).join("; ")}.`,
            backends.scrub,
            { problems },
          );
      }
      return tool.run(given);
    },
  };
}
