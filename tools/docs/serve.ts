/** `pnpm docs:serve [--port N]`: serves site/ on 127.0.0.1 for local reading. */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { serveStatic } from "./static-server.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "4000" } } });
const { url } = await serveStatic(resolve(import.meta.dirname, "../../site"), Number(values.port));
console.log(`docs: ${url}/`);
