/** One finding of Prism's validator, as its `sl-violations` header lists them. */
export interface Violation {
  /** `["request", …]` for the request Prism received, `["response", …]` for the answer it got. */
  readonly location: readonly string[];
  readonly severity: string;
  readonly code?: string | number;
  readonly message: string;
}

export interface Violations {
  readonly request: readonly Violation[];
  readonly response: readonly Violation[];
}

/** Prism's text when a request matches no operation: nothing was validated, whatever the answer. */
export const ROUTE_NOT_FOUND = "Selected route not found";

/** Reads the `sl-violations` header; an unreadable header (Prism truncates long ones) is a finding too. */
export function readViolations(response: Response): Violations {
  const header = response.headers.get("sl-violations");
  if (header === null) return { request: [], response: [] };
  let list: Violation[];
  try {
    list = JSON.parse(header) as Violation[];
  } catch {
    list = [
      {
        location: ["response"],
        severity: "Error",
        message: `unreadable sl-violations: ${header.slice(0, 300)}`,
      },
    ];
  }
  return {
    request: list.filter((v) => v.location[0] !== "response"),
    response: list.filter((v) => v.location[0] === "response"),
  };
}

export function describeViolations(list: readonly Violation[]): string[] {
  return list.map((v) => `${v.severity} ${v.location.join(".")}: ${v.message}`);
}
