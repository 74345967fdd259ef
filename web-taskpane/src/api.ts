import type { Choice, Decision, HistoryEntry, MailMessage, Problem, Suggestion, Unit } from './contract';

/**
 * Supplies the headers every API request carries. In development there are none; with sign-in
 * it returns the bearer token (e.g. from MSAL nested app authentication).
 */
export type HeaderProvider = () => Promise<Record<string, string>>;

/** A failed request: status 0 when the API could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
  }
}

export type DecisionResult =
  | { kind: 'saved'; decision: Decision }
  /** Someone had already decided this message differently: theirs stands. */
  | { kind: 'conflict'; decision: Decision };

/** How to retry a failed mailbox action: with the message's current id, and resend only when a person says so. */
export interface ActionRetry {
  messageRestId: string | null;
  resend: boolean;
}

export interface MailAssistApi {
  classify(message: MailMessage, signal?: AbortSignal): Promise<Suggestion>;
  /** Saves the decision; the API carries it out in the mailbox on the message with this REST id. */
  decide(suggestionId: string, choice: Choice, idempotencyKey: string, messageRestId: string | null): Promise<DecisionResult>;
  retryAction(suggestionId: string, retry: ActionRetry): Promise<Decision>;
  history(mailbox: string | null, internetMessageId: string, signal?: AbortSignal): Promise<HistoryEntry[]>;
  units(mailbox: string | null): Promise<Unit[]>;
}

export interface ApiOptions {
  baseUrl?: string;
  headers?: HeaderProvider;
  fetch?: typeof fetch;
}

export function createApi({ baseUrl = '', headers = async () => ({}), fetch: send = fetch.bind(globalThis) }: ApiOptions = {}): MailAssistApi {
  async function request(path: string, init: RequestInit = {}, accept: (status: number) => boolean = (s) => s >= 200 && s < 300) {
    const extra = await headers();
    let response: Response;
    try {
      response = await send(baseUrl + path, { ...init, headers: { Accept: 'application/json', ...extra, ...(init.headers as Record<string, string>) } });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, null);
    }
    if (!accept(response.status)) throw new ApiError(response.status, await readProblem(response));
    return response;
  }

  const query = (params: Record<string, string | null>) =>
    new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== null)).toString();

  return {
    async classify(message, signal) {
      const response = await request('/api/classify', {
        method: 'POST',
        body: JSON.stringify(message),
        headers: { 'Content-Type': 'application/json' },
        ...(signal && { signal }),
      });
      return (await response.json()) as Suggestion;
    },

    async decide(suggestionId, choice, idempotencyKey, messageRestId) {
      const response = await request(
        `/api/suggestions/${encodeURIComponent(suggestionId)}/decision`,
        {
          method: 'POST',
          body: JSON.stringify({ ...choice, messageRestId }),
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        },
        (s) => s === 200 || s === 201 || s === 409,
      );
      const decision = (await response.json()) as Decision;
      return { kind: response.status === 409 ? 'conflict' : 'saved', decision };
    },

    async retryAction(suggestionId, retry) {
      const response = await request(`/api/suggestions/${encodeURIComponent(suggestionId)}/decision/action/retry`, {
        method: 'POST',
        body: JSON.stringify(retry),
        headers: { 'Content-Type': 'application/json' },
      });
      return (await response.json()) as Decision;
    },

    async history(mailbox, internetMessageId, signal) {
      const response = await request(`/api/messages/history?${query({ mailbox, internetMessageId })}`, signal ? { signal } : {});
      return (await response.json()) as HistoryEntry[];
    },

    async units(mailbox) {
      const response = await request(`/api/units?${query({ mailbox })}`);
      return (await response.json()) as Unit[];
    },
  };
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}
