import { ApiError, type HeaderProvider } from './api';
import type { Problem } from './contract';

export interface GetOptions {
  headers?: HeaderProvider;
  fetch?: typeof fetch;
}

/** GETs JSON from the API, failing with an {@link ApiError} as the pane's API client does. */
export async function getJson<T>(path: string, { headers = async () => ({}), fetch: send = fetch.bind(globalThis) }: GetOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await send(path, { headers: { Accept: 'application/json', ...(await headers()) } });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().then((p: Problem) => p, () => null));
  return (await response.json()) as T;
}
