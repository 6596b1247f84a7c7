import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../conformance/spec-model.ts";

/**
 * The repository speaks to its readers about the code, not about how it was written: no tracked file
 * refers to the working sessions that produced it or keeps a diary of earlier benchmark runs. Third-party
 * lockfiles are the only files left out. This file is scanned too, so its patterns write a letter as a
 * one-character class (`[i]`) and its samples are assembled at run time: neither matches itself.
 */
const diaryWording: readonly RegExp[] = [
  /\bsess[i]ons? [0-9]+/i,
  /\b(?:this|that|an earlier|earlier|previous|last|next|a later|later) sess[i]ons?\b/i,
  /\bwork sess[i]ons?\b/i,
  /\bin (?:the|an) (?:r[u]n|r[o]und) before\b/i,
  /\bin an earlier r[u]n\b/i,
  /\bearlier r[u]ns [0-9]/i,
  // a measurement told as a story, a figure moving from one value to another over time
  /\b(?:goes|went|dropped|fell) fr[o]m ~?[0-9.]+ ?(?:s|ms|µs|kB|MB) to\b/i,
];

const thirdPartyLockfiles = new Set(["pnpm-lock.yaml", "package-lock.json", "yarn.lock"]);

export function findDiaryWording(text: string): { line: number; text: string }[] {
  const hits: { line: number; text: string }[] = [];
  text.split("\n").forEach((line, index) => {
    if (diaryWording.some((pattern) => pattern.test(line))) hits.push({ line: index + 1, text: line.trim() });
  });
  return hits;
}

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" })
    .split("\0")
    .filter((file) => file !== "" && !thirdPartyLockfiles.has(file.split("/").at(-1) ?? ""));
}

describe("repository hygiene", () => {
  it("recognises diary wording and leaves ordinary uses of the word alone", () => {
    const word = ["ses", "sion"].join("");
    const sample = [
      `Latest run (2026-12-01, ${word} 8):`,
      `the host slower than in ${word}s 6 and 7`,
      `+1.24 s in earlier ${word}s`,
      `1.03× in the ${["r", "un"].join("")} before`,
      `a vendor's build ${["go", "es"].join("")} from ~11 s to ~6 s`,
      "const session = new Session(); // an inspector session",
      '"notes": "Offline sketching session"',
    ].join("\n");
    expect(findDiaryWording(sample).map((hit) => hit.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it("no tracked file keeps a diary of how it was written", () => {
    const hits: string[] = [];
    for (const file of trackedFiles()) {
      let text: string;
      try {
        text = readFileSync(join(repoRoot, file), "utf8");
      } catch {
        continue; // listed by git but deleted in the work tree
      }
      if (text.includes("\0")) continue; // binary
      for (const hit of findDiaryWording(text)) hits.push(`${file}:${hit.line}: ${hit.text}`);
    }
    expect(hits).toEqual([]);
  });
});
