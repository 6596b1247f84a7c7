import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { stopWithParent } from "./stop-with-parent.ts";

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  if (child.pid === undefined) throw new Error("node did not start");
  return child.pid;
}

describe("stopWithParent", () => {
  it("stops when the parent it was started by is gone, even if it went before the watch began", async () => {
    const parent = await endedPid();
    let stopped = 0;
    const cancel = stopWithParent(() => stopped++, parent, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    cancel();
    expect(stopped).toBe(1);
  });

  it("keeps running while the parent lives", async () => {
    let stopped = 0;
    const cancel = stopWithParent(() => stopped++, process.ppid, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    cancel();
    expect(stopped).toBe(0);
  });
});
