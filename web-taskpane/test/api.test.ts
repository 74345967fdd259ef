import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '../src/api';
import { decision, message, suggestion } from './fakes';

type Sent = { url: string; init: RequestInit };

function recordingFetch(respond: () => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return respond();
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const header = (s: Sent, name: string) => (s.init.headers as Record<string, string>)[name];

describe('the API client', () => {
  it('posts the message as JSON with the headers of the header provider', async () => {
    const { sent, fetch } = recordingFetch(() => json(suggestion()));
    const api = createApi({ baseUrl: 'https://mailassist.example.no', fetch, headers: async () => ({ Authorization: 'Bearer abc' }) });

    const result = await api.classify(message());

    expect(result.suggestionId).toBe('s-1');
    expect(sent[0]!.url).toBe('https://mailassist.example.no/api/classify');
    expect(sent[0]!.init.method).toBe('POST');
    expect(header(sent[0]!, 'Authorization')).toBe('Bearer abc');
    expect(header(sent[0]!, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(sent[0]!.init.body as string)).toEqual(message());
  });

  it('sends no token in development', async () => {
    const { sent, fetch } = recordingFetch(() => json([]));

    await createApi({ fetch }).units(null);

    expect(header(sent[0]!, 'Authorization')).toBeUndefined();
    expect(sent[0]!.url).toBe('/api/units?');
  });

  it('sends the idempotency key with a decision and reads 409 as the decision that stands', async () => {
    const { sent, fetch } = recordingFetch(() => json(decision({ decidedBy: 'ola@eksempel.kommune.no' }), 409));

    const result = await createApi({ fetch }).decide('s-1', { action: 'slett', unit: null }, 'key-1', 'AAMkRest-a1');

    expect(header(sent[0]!, 'Idempotency-Key')).toBe('key-1');
    expect(sent[0]!.url).toBe('/api/suggestions/s-1/decision');
    expect(JSON.parse(sent[0]!.init.body as string)).toEqual({ action: 'slett', unit: null, messageRestId: 'AAMkRest-a1' });
    expect(result).toEqual({ kind: 'conflict', decision: decision({ decidedBy: 'ola@eksempel.kommune.no' }) });
  });

  it('reads 200 and 201 as a saved decision', async () => {
    for (const status of [200, 201]) {
      const { fetch } = recordingFetch(() => json(decision(), status));
      expect((await createApi({ fetch }).decide('s-1', { action: 'videresend', unit: 'okonomi' }, 'k', null)).kind).toBe('saved');
    }
  });

  it('retries a mailbox action with the message id and whether to resend', async () => {
    const { sent, fetch } = recordingFetch(() => json(decision()));

    const result = await createApi({ fetch }).retryAction('s/1', { messageRestId: 'AAMkRest-a1', resend: true });

    expect(sent[0]!.url).toBe('/api/suggestions/s%2F1/decision/action/retry');
    expect(sent[0]!.init.method).toBe('POST');
    expect(header(sent[0]!, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(sent[0]!.init.body as string)).toEqual({ messageRestId: 'AAMkRest-a1', resend: true });
    expect(result).toEqual(decision());
  });

  it('asks for the history with the message id encoded and without an absent mailbox', async () => {
    const { sent, fetch } = recordingFetch(() => json([]));

    await createApi({ fetch }).history(null, '<a+b@example.no>');

    expect(sent[0]!.url).toBe('/api/messages/history?internetMessageId=%3Ca%2Bb%40example.no%3E');
  });

  it('turns a problem answer into an error carrying status and problem', async () => {
    const { fetch } = recordingFetch(() => json({ title: 'Forespørselen er ugyldig.', errors: { mailbox: ['Postkassen finnes ikke.'] } }, 400));

    const error = await createApi({ fetch }).classify(message()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).problem?.errors?.['mailbox']).toEqual(['Postkassen finnes ikke.']);
  });

  it('reports an unreachable API as status 0', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;

    const error = await createApi({ fetch }).classify(message()).catch((e: unknown) => e);

    expect((error as ApiError).status).toBe(0);
  });
});
