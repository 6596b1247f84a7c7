/** Where a recipe says what it is doing: one line per step, per change and per problem. */
export interface Progress {
  step(text: string): void;
  change(text: string): void;
  problem(text: string): void;
}

/** Prints progress lines, each prefixed with the recipe's name. */
export function consoleProgress(recipe: string, write: (line: string) => void = console.log): Progress {
  return {
    step: (text) => write(`[${recipe}] ${text}`),
    change: (text) => write(`[${recipe}]   changed: ${text}`),
    problem: (text) => write(`[${recipe}]   problem: ${text}`),
  };
}

/** Keeps the lines (tests read them); prints nothing. */
export function recordingProgress(): Progress & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    step: (text) => lines.push(`step: ${text}`),
    change: (text) => lines.push(`changed: ${text}`),
    problem: (text) => lines.push(`problem: ${text}`),
  };
}
