import type { MailboxAdapter } from '../src/adapter';
import type { DecisionResult, MailAssistApi } from '../src/api';
import type { Choice, Decision, HistoryEntry, MailMessage, Suggestion, Unit } from '../src/contract';

export function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    mailbox: 'postmottak@eksempel.kommune.no',
    internetMessageId: '<a1@example.no>',
    from: 'Kari Nordmann <kari@example.no>',
    to: ['postmottak@eksempel.kommune.no'],
    cc: [],
    subject: 'Faktura 2026-114',
    body: 'Vedlagt faktura.',
    bodyHtml: null,
    attachments: [],
    receivedAt: '2026-10-14T06:31:00.000Z',
    ...overrides,
  };
}

export function suggestion(overrides: Partial<Suggestion> = {}): Suggestion {
  return {
    suggestionId: 's-1',
    action: 'videresend',
    unit: 'okonomi',
    unitName: 'Økonomi og fakturamottak',
    confidence: 0.94,
    needsReview: false,
    explanation: 'Fakturaer går til fakturamottak.',
    reasons: ['Emnet nevner faktura.'],
    flags: [],
    similar: [],
    classifier: 'local',
    cached: false,
    createdAt: '2026-10-14T06:32:00Z',
    decision: null,
    ...overrides,
  };
}

export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    decisionId: 'd-1',
    suggestionId: 's-1',
    action: 'videresend',
    unit: 'okonomi',
    unitName: 'Økonomi og fakturamottak',
    accepted: true,
    decidedBy: 'kari.saksbehandler@eksempel.kommune.no',
    decidedAt: '2026-10-14T07:00:00Z',
    ...overrides,
  };
}

export const units: Unit[] = [
  { id: 'arkiv', name: 'Arkiv og innsyn', address: 'arkiv@eksempel.kommune.no', owns: 'innsynskrav' },
  { id: 'okonomi', name: 'Økonomi og fakturamottak', address: 'okonomi@eksempel.kommune.no', owns: 'fakturaer' },
];

export class FakeMailbox implements MailboxAdapter {
  current: MailMessage | null;
  private handler: (() => void) | null = null;
  constructor(
    current: MailMessage | null,
    readonly displayLanguage = 'nb-NO',
  ) {
    this.current = current;
  }
  readCurrent = async () => this.current;
  onItemChanged(handler: () => void) {
    this.handler = handler;
  }
  select(next: MailMessage | null) {
    this.current = next;
    this.handler?.();
  }
}

/** A scripted API: each call takes the next answer queued for it, or its default. */
export class FakeApi implements MailAssistApi {
  classifyCalls: MailMessage[] = [];
  decideCalls: { suggestionId: string; choice: Choice; key: string }[] = [];
  classifyAnswers: (() => Promise<Suggestion>)[] = [];
  decideAnswers: (() => Promise<DecisionResult>)[] = [];
  historyAnswer: () => Promise<HistoryEntry[]> = async () => [];
  unitsAnswer: () => Promise<Unit[]> = async () => units;

  classify(m: MailMessage) {
    this.classifyCalls.push(m);
    return (this.classifyAnswers.shift() ?? (async () => suggestion()))();
  }
  decide(suggestionId: string, choice: Choice, key: string) {
    this.decideCalls.push({ suggestionId, choice, key });
    const answer = this.decideAnswers.shift() ?? (async () => ({ kind: 'saved' as const, decision: decision({ ...choice, unitName: units.find((u) => u.id === choice.unit)?.name ?? null }) }));
    return answer();
  }
  history() {
    return this.historyAnswer();
  }
  units() {
    return this.unitsAnswer();
  }
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const byTestId = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
