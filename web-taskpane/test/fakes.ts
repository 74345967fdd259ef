import type { MailboxAdapter } from '../src/adapter';
import type { ActionRetry, DecisionResult, MailAssistApi } from '../src/api';
import type { Choice, Decision, HistoryEntry, MailboxAction, MailMessage, Suggestion, Unit } from '../src/contract';

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

export function mailboxAction(overrides: Partial<MailboxAction> = {}): MailboxAction {
  return {
    status: 'done',
    attempts: 1,
    error: null,
    forwardedTo: 'okonomi@eksempel.kommune.no',
    movedTo: 'Videresendt',
    category: 'MailAssist: Videresendt til Økonomi og fakturamottak',
    performedBy: 'kari.saksbehandler@eksempel.kommune.no',
    updatedAt: '2026-10-14T07:00:01Z',
    completedAt: '2026-10-14T07:00:01Z',
    ...overrides,
  };
}

export const units: Unit[] = [
  { id: 'arkiv', name: 'Arkiv og innsyn', address: 'arkiv@eksempel.kommune.no', owns: 'innsynskrav' },
  { id: 'okonomi', name: 'Økonomi og fakturamottak', address: 'okonomi@eksempel.kommune.no', owns: 'fakturaer' },
];

export class FakeMailbox implements MailboxAdapter {
  current: MailMessage | null;
  currentItemId: string | null = 'AAMkRest-a1';
  private handler: (() => void) | null = null;
  constructor(
    current: MailMessage | null,
    readonly displayLanguage = 'nb-NO',
  ) {
    this.current = current;
  }
  readCurrent = async () => this.current;
  itemId = async () => this.currentItemId;
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
  decideCalls: { suggestionId: string; choice: Choice; key: string; messageRestId: string | null }[] = [];
  retryCalls: { suggestionId: string; retry: ActionRetry }[] = [];
  retryAnswers: (() => Promise<Decision>)[] = [];
  classifyAnswers: (() => Promise<Suggestion>)[] = [];
  decideAnswers: (() => Promise<DecisionResult>)[] = [];
  historyAnswer: () => Promise<HistoryEntry[]> = async () => [];
  unitsAnswer: () => Promise<Unit[]> = async () => units;

  classify(m: MailMessage) {
    this.classifyCalls.push(m);
    return (this.classifyAnswers.shift() ?? (async () => suggestion()))();
  }
  decide(suggestionId: string, choice: Choice, key: string, messageRestId: string | null) {
    this.decideCalls.push({ suggestionId, choice, key, messageRestId });
    const answer = this.decideAnswers.shift() ?? (async () => ({ kind: 'saved' as const, decision: decision({ ...choice, unitName: units.find((u) => u.id === choice.unit)?.name ?? null, mailboxAction: mailboxAction() }) }));
    return answer();
  }
  retryAction(suggestionId: string, retry: ActionRetry) {
    this.retryCalls.push({ suggestionId, retry });
    return (this.retryAnswers.shift() ?? (async () => decision({ mailboxAction: mailboxAction({ attempts: 2 }) })))();
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
