import type { SuccessData } from "./types.ts";

/** The data of a successful call, or throws its `ApiError`: the throwing style over `{ data, error }`. */
export async function unwrap<R extends { data?: unknown; error?: unknown }>(
  result: R | PromiseLike<R>,
): Promise<SuccessData<R>> {
  const settled = await result;
  if (settled.error !== undefined) throw settled.error;
  return settled.data as SuccessData<R>;
}
