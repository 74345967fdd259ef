import type { MailboxAdapter } from '../adapter';
import type { MailAssistApi } from '../api';
import type { Choice, Decision, HistoryEntry, MailMessage, Suggestion, Unit } from '../contract';
import { h } from '../dom';
import { errorText } from './format';
import { stringsFor, type Strings } from './i18n';
import { actionStatusText } from './mailbox-action';
import { decisionView, editorView, historyView, suggestionView, type EditorState } from './view';

export interface PaneLink {
  label: string;
  href: string;
}

export interface PaneOptions {
  adapter: MailboxAdapter;
  api: MailAssistApi;
  /** Links at the foot of the pane, e.g. the team leads' dashboard. */
  links?: PaneLink[];
  /** Told when a decision was saved or its mailbox action retried, e.g. for the demo page to show the message leaving the inbox. */
  onDecision?: (message: MailMessage, decision: Decision) => void;
}

/** The API accepts at most 1 MB; the classifiers read the start of a message, so a very long thread is cut. */
export const maxBodyChars = 100_000;

export type PaneState =
  | { kind: 'empty' }
  | { kind: 'busy'; status: string }
  | { kind: 'failed'; error: string; retry: () => void }
  | { kind: 'suggested'; selected: Selected; suggestion: Suggestion; editor: EditorState | null; saving: boolean; error: { text: string; retry: () => void } | null }
  | {
      kind: 'decided';
      selected: Selected;
      suggestion: Suggestion;
      decision: Decision;
      note: string | null;
      history: HistoryEntry[] | 'loading' | 'failed';
      /** Retrying the mailbox action; actionError says why the retry request itself failed. */
      acting: boolean;
      actionError: string | null;
    };

/** The selected message and its id in Outlook's REST API, read together so a decision acts on the message it is about. */
export interface Selected {
  message: MailMessage;
  itemId: string | null;
}

/**
 * The task pane: classifies whatever message is selected, without a click, and records what the
 * person decides. Every render is built from the current state with DOM APIs, never from HTML text.
 */
export class Pane {
  private readonly t: Strings;
  private state: PaneState = { kind: 'empty' };
  private generation = 0;
  private inFlight: AbortController | null = null;
  /** One Idempotency-Key per intended decision, reused when the same decision is sent again. */
  private readonly keys = new Map<string, string>();
  private readonly units = new Map<string, Promise<Unit[]>>();
  private readonly content = h('div', { class: 'pane-content' });
  private readonly spinner = h('span', { class: 'spinner', 'aria-hidden': 'true' });
  private readonly status = h('p', { class: 'status-text', 'data-testid': 'status', role: 'status', 'aria-live': 'polite' });
  private readonly statusBar = h('div', { class: 'status-bar' }, this.spinner, this.status);
  private focusAfterRender: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly options: PaneOptions,
  ) {
    this.t = stringsFor(options.adapter.displayLanguage);
    root.lang = this.t.lang;
    root.classList.add('pane');
    const links = options.links ?? [];
    root.replaceChildren(
      h('h1', { class: 'pane-title' }, this.t.paneLabel),
      this.statusBar,
      this.content,
      ...(links.length > 0 ? [h('footer', { class: 'pane-footer' }, ...links.map((l) => h('a', { href: l.href, target: '_blank', rel: 'noopener' }, l.label)))] : []),
    );
    options.adapter.onItemChanged(() => void this.load());
    void this.load();
  }

  /** Reads the selected message and shows its suggestion, dropping any answer for a message no longer selected. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this.inFlight?.abort();
    const controller = (this.inFlight = new AbortController());
    const stale = () => generation !== this.generation;
    this.show({ kind: 'busy', status: this.t.status.reading });

    let message: MailMessage | null;
    let itemId: string | null = null;
    try {
      message = await this.options.adapter.readCurrent();
      if (message) itemId = await this.options.adapter.itemId().catch(() => null);
    } catch {
      if (!stale()) this.show({ kind: 'failed', error: this.t.errors.readMessage, retry: () => void this.load() }, '#retry-button');
      return;
    }
    if (stale()) return;
    if (message === null) {
      this.show({ kind: 'empty' });
      return;
    }

    this.show({ kind: 'busy', status: this.t.status.classifying });
    let suggestion: Suggestion;
    try {
      suggestion = await this.options.api.classify(limitBody(message), controller.signal);
    } catch (error) {
      if (!stale()) this.show({ kind: 'failed', error: errorText(this.t, error), retry: () => void this.load() }, '#retry-button');
      return;
    }
    if (stale()) return;
    const selected = { message, itemId };
    if (suggestion.decision) this.showDecided(selected, suggestion, suggestion.decision, null, null);
    else this.show({ kind: 'suggested', selected, suggestion, editor: null, saving: false, error: null });
  }

  private async decide(choice: Choice): Promise<void> {
    const state = this.state;
    if (state.kind !== 'suggested' || state.saving) return;
    const { selected, suggestion } = state;
    const intent = `${suggestion.suggestionId}\n${choice.action}\n${choice.unit ?? ''}`;
    const key = this.keys.get(intent) ?? newIdempotencyKey();
    this.keys.set(intent, key);
    const generation = this.generation;
    this.show({ ...state, saving: true, error: null });
    try {
      const result = await this.options.api.decide(suggestion.suggestionId, choice, key, selected.itemId);
      if (generation !== this.generation) return;
      this.showDecided(selected, suggestion, result.decision, result.kind === 'conflict' ? this.t.alreadyDecided : null, '#decision-heading');
      this.options.onDecision?.(selected.message, result.decision);
    } catch (error) {
      if (generation !== this.generation) return;
      this.show({ ...state, saving: false, error: { text: errorText(this.t, error), retry: () => void this.decide(choice) } }, '#retry-button');
    }
  }

  /** Carries out a decision's failed mailbox action again; a forward that may have gone out only with resend. */
  private async retryAction(resend: boolean): Promise<void> {
    const state = this.state;
    if (state.kind !== 'decided' || state.acting) return;
    const { selected, suggestion } = state;
    const generation = this.generation;
    this.show({ ...state, acting: true, actionError: null });
    try {
      const decision = await this.options.api.retryAction(suggestion.suggestionId, { messageRestId: selected.itemId, resend });
      if (generation !== this.generation) return;
      this.showDecided(selected, suggestion, decision, null, '#decision-heading');
      this.options.onDecision?.(selected.message, decision);
    } catch (error) {
      if (generation !== this.generation || this.state.kind !== 'decided') return;
      this.show({ ...this.state, acting: false, actionError: errorText(this.t, error) }, '#retry-button');
    }
  }

  private showDecided(selected: Selected, suggestion: Suggestion, decision: Decision, note: string | null, focus: string | null): void {
    this.show({ kind: 'decided', selected, suggestion, decision, note, history: 'loading', acting: false, actionError: null }, focus);
    void this.loadHistory();
  }

  private async loadHistory(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'decided') return;
    const generation = this.generation;
    let history: HistoryEntry[] | 'failed';
    try {
      history = await this.options.api.history(state.selected.message.mailbox, state.selected.message.internetMessageId, this.inFlight?.signal);
    } catch {
      history = 'failed';
    }
    if (generation === this.generation && this.state.kind === 'decided') this.show({ ...this.state, history });
  }

  private openEditor(): void {
    const state = this.state;
    if (state.kind !== 'suggested') return;
    const { suggestion, selected } = state;
    // A suggestion to delete that needs review is never offered as the default choice.
    const draft = state.editor?.draft ?? (suggestion.action === 'slett' && suggestion.needsReview ? { action: null, unit: null } : { action: suggestion.action, unit: suggestion.unit });
    this.show({ ...state, editor: { draft, units: 'loading' }, error: null }, '#action-choices');
    void this.loadUnits(selected.message.mailbox);
  }

  private async loadUnits(mailbox: string | null): Promise<void> {
    const key = mailbox ?? '';
    let request = this.units.get(key);
    if (!request) {
      request = this.options.api.units(mailbox);
      this.units.set(key, request);
    }
    const generation = this.generation;
    let units: Unit[] | 'failed';
    try {
      units = await request;
    } catch {
      this.units.delete(key);
      units = 'failed';
    }
    const state = this.state;
    if (generation !== this.generation || state.kind !== 'suggested' || !state.editor) return;
    this.show({ ...state, editor: { ...state.editor, units } });
  }

  private show(state: PaneState, focus: string | null = null): void {
    this.state = state;
    this.focusAfterRender = focus;
    this.render();
  }

  private render(): void {
    const { t, state } = this;
    // A re-render replaces the elements; the one that had focus gets it back through its id.
    const active = document.activeElement;
    const keep = active instanceof HTMLElement && active.id && this.root.contains(active) ? `#${active.id}` : null;
    this.root.dataset['state'] = state.kind;
    const busy = state.kind === 'busy' || (state.kind === 'suggested' && state.saving) || (state.kind === 'decided' && state.acting);
    this.spinner.hidden = !busy;
    this.status.textContent = statusText(t, state);
    const failure = this.failure(state);
    this.statusBar.className = failure ? 'status-bar status-error' : 'status-bar';
    this.statusBar.querySelector('.retry')?.remove();
    if (failure) this.statusBar.append(retryButton(failure.label ?? t.retry, failure.retry));

    switch (state.kind) {
      case 'empty':
        this.content.replaceChildren(h('p', { class: 'empty' }, t.pickMessage));
        break;
      case 'busy':
      case 'failed':
        this.content.replaceChildren();
        break;
      case 'suggested':
        this.content.replaceChildren(
          suggestionView(t, state.suggestion, false),
          state.editor
            ? editorView(t, state.editor, state.saving, {
                save: (choice) => void this.decide(choice),
                cancel: () => this.show({ ...state, editor: null, error: null }, '#change-button'),
                retryUnits: () => this.openEditor(),
              })
            : actionButtons(t, state.suggestion, state.saving, {
                confirm: () => void this.decide({ action: state.suggestion.action, unit: state.suggestion.unit }),
                change: () => this.openEditor(),
              }),
        );
        break;
      case 'decided':
        this.content.replaceChildren(
          suggestionView(t, state.suggestion, true),
          decisionView(t, state.decision, state.note),
          historyView(t, state.history, () => this.showDecided(state.selected, state.suggestion, state.decision, state.note, null)),
        );
        break;
    }
    const focus = this.focusAfterRender ?? keep;
    if (focus) this.root.querySelector<HTMLElement>(focus)?.focus();
    this.focusAfterRender = null;
  }

  /** What failed and how to try again, if anything did: reading, classifying, saving, or the mailbox action. */
  private failure(state: PaneState): { retry: () => void; label?: string } | null {
    switch (state.kind) {
      case 'failed':
        return state;
      case 'suggested':
        return state.error;
      case 'decided': {
        const action = state.decision.mailboxAction;
        if (state.acting || state.note || (action?.status !== 'action_failed' && !state.actionError)) return null;
        const resend = action?.error === 'uncertain';
        return { retry: () => void this.retryAction(resend), ...(resend && { label: this.t.mailboxAction.resend }) };
      }
      default:
        return null;
    }
  }
}

export function mountPane(root: HTMLElement, options: PaneOptions): Pane {
  return new Pane(root, options);
}

function statusText(t: Strings, state: PaneState): string {
  switch (state.kind) {
    case 'empty':
      return t.status.empty;
    case 'busy':
      return state.status;
    case 'failed':
      return state.error;
    case 'suggested':
      return state.error?.text ?? (state.saving ? t.status.saving : t.status.ready);
    case 'decided':
      if (state.acting) return t.status.acting;
      return state.actionError ?? state.note ?? actionStatusText(t, state.decision);
  }
}

function actionButtons(t: Strings, suggestion: Suggestion, saving: boolean, on: { confirm: () => void; change: () => void }): HTMLElement {
  // A suggestion to delete that needs review must not be one press away: "Endre" is then the primary button.
  const guarded = suggestion.action === 'slett' && suggestion.needsReview;
  const confirm = h(
    'button',
    { type: 'button', class: guarded ? 'button' : 'button button-primary', id: 'confirm-button', 'data-testid': 'confirm-button', disabled: saving },
    suggestion.action === 'slett' ? t.confirmDelete : t.confirm,
  );
  const change = h('button', { type: 'button', class: guarded ? 'button button-primary' : 'button', 'data-testid': 'change-button', id: 'change-button', disabled: saving }, t.change);
  confirm.addEventListener('click', on.confirm);
  change.addEventListener('click', on.change);
  return h('div', { class: 'actions' }, confirm, change);
}

function retryButton(label: string, retry: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'button retry', id: 'retry-button' }, label);
  button.addEventListener('click', retry);
  return button;
}

function limitBody(message: MailMessage): MailMessage {
  return message.body && message.body.length > maxBodyChars ? { ...message, body: message.body.slice(0, maxBodyChars) } : message;
}

/** A random key; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
