import { actions, type Action, type Choice, type Decision, type HistoryEntry, type Suggestion, type Unit } from '../contract';
import { h } from '../dom';
import { actionText, confidenceWords, dateTime, isAction, percent } from './format';
import type { Strings } from './i18n';
import { actionStatusText, historyActionText } from './mailbox-action';

/** The change form's state; the form writes the person's picks into draft as they make them. */
export interface EditorState {
  draft: { action: Action | null; unit: string | null };
  units: Unit[] | 'loading' | 'failed';
}

/** The suggestion; once a person has decided, the call to check it before confirming is left out. */
export function suggestionView(t: Strings, s: Suggestion, decided: boolean): HTMLElement {
  const fill = h('span', { class: 'meter-fill' });
  fill.style.width = `${Math.round(s.confidence * 100)}%`; // through CSSOM: the pages' CSP allows no inline style attributes
  return h(
      'section',
      { class: 'suggestion', 'aria-labelledby': 'suggestion-heading' },
      h('h2', { class: 'caption', id: 'suggestion-heading' }, t.suggestionHeading),
      h('p', { class: `verdict verdict-${s.action}` }, h('span', { 'data-testid': 'suggestion-action' }, t.action[s.action])),
      h(
        'p',
        { class: 'unit' },
        s.unitName && h('span', { class: 'unit-prefix' }, `${t.unitPrefix} `),
        h('span', { 'data-testid': 'suggestion-unit' }, s.unitName ?? t.noUnit),
      ),
      h(
        'div',
        { class: 'confidence' },
        h('span', {}, `${t.confidenceLabel}: ${confidenceWords(t, s.confidence)} (${percent(t, s.confidence)})`),
        h('span', { class: 'meter', 'aria-hidden': 'true' }, fill),
      ),
      s.flags.length > 0 &&
        h('ul', { class: 'badges', 'aria-label': t.flagsLabel }, ...s.flags.map((f) => h('li', { class: `badge badge-${f}`, title: t.flagHints[f] }, t.flags[f] ?? f))),
      s.needsReview && !decided && h('p', { class: 'notice notice-warning', 'data-testid': 'needs-review' }, t.needsReview),
      h('h3', { class: 'subheading' }, t.explanationHeading),
      h('p', { class: 'explanation', 'data-testid': 'suggestion-explanation' }, s.explanation),
      s.reasons.length > 0 && h('h3', { class: 'subheading' }, t.reasonsHeading),
      s.reasons.length > 0 && h('ul', { class: 'reasons' }, ...s.reasons.map((r) => h('li', {}, r))),
      s.similar.length > 0 && h('h3', { class: 'subheading' }, t.similarHeading),
      s.similar.length > 0 &&
        h(
          'ul',
          { class: 'similar' },
          ...s.similar.map((m) => h('li', {}, h('span', { class: 'similar-subject' }, m.subject), h('span', { class: 'muted' }, `${actionText(t, m.action, m.unitName)} · ${dateTime(t, m.decidedAt)}`))),
        ),
  );
}

export function editorView(
  t: Strings,
  editor: EditorState,
  saving: boolean,
  on: { save: (choice: Choice) => void; cancel: () => void; retryUnits: () => void },
): HTMLElement {
  const { draft } = editor;
  const problem = h('p', { class: 'field-error', id: 'editor-error', role: 'alert' });
  const radios = actions.map((a) => {
    const input = h('input', { type: 'radio', name: 'action', value: a, id: `action-${a}`, checked: draft.action === a, disabled: saving });
    input.addEventListener('change', () => {
      draft.action = a;
      syncUnit();
    });
    return h('label', { class: 'radio', for: `action-${a}` }, input, t.action[a]);
  });

  const select = h('select', { id: 'unit-picker', 'aria-describedby': 'unit-hint editor-error' });
  const hint = h('p', { class: 'hint', id: 'unit-hint' });
  if (Array.isArray(editor.units)) {
    select.append(h('option', { value: '' }, t.pickUnitPlaceholder), ...editor.units.map((u) => h('option', { value: u.id }, u.name)));
    select.value = draft.unit ?? '';
  } else {
    select.append(h('option', { value: '' }, editor.units === 'loading' ? t.status.loadingUnits : t.errors.units));
  }
  select.addEventListener('change', () => {
    draft.unit = select.value || null;
  });
  const syncUnit = () => {
    const noUnit = draft.action === 'slett';
    select.disabled = saving || noUnit || !Array.isArray(editor.units);
    hint.textContent = noUnit ? t.unitNotForDelete : '';
  };
  syncUnit();

  const save = h('button', { type: 'submit', class: 'button button-primary', disabled: saving }, t.save);
  const cancel = h('button', { type: 'button', class: 'button', disabled: saving }, t.cancel);
  cancel.addEventListener('click', on.cancel);
  const retry = editor.units === 'failed' && h('button', { type: 'button', class: 'button' }, t.retry);
  if (retry) retry.addEventListener('click', on.retryUnits);

  const form = h(
    'form',
    { class: 'editor', 'aria-labelledby': 'editor-heading', novalidate: true },
    h('h2', { class: 'caption', id: 'editor-heading' }, t.change),
    h('fieldset', { class: 'choices', id: 'action-choices', tabindex: '-1' }, h('legend', {}, t.pickAction), ...radios),
    h('label', { class: 'field-label', for: 'unit-picker' }, t.pickUnit),
    select,
    retry,
    hint,
    problem,
    h('div', { class: 'actions' }, save, cancel),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!isAction(draft.action)) {
      problem.textContent = t.chooseAction;
      return;
    }
    const unit = draft.action === 'slett' ? null : draft.unit;
    if (draft.action !== 'slett' && !unit) {
      problem.textContent = t.chooseUnit;
      select.focus();
      return;
    }
    on.save({ action: draft.action, unit });
  });
  return form;
}

export function decisionView(t: Strings, d: Decision, note: string | null): HTMLElement {
  const action = d.mailboxAction;
  return h(
    'section',
    { class: 'decision', 'aria-labelledby': 'decision-heading' },
    h('h2', { class: 'caption', id: 'decision-heading', tabindex: '-1' }, t.decisionHeading),
    h('p', { class: `decided decided-${d.action}`, 'data-testid': 'decision' }, d.unitName ? `${t.actionDone[d.action]} ${t.unitPrefix} ${d.unitName}` : t.actionDone[d.action]),
    h('p', { class: 'muted', 'data-testid': 'decided-by' }, t.decidedBy(d.decidedBy, dateTime(t, d.decidedAt))),
    h('p', { class: d.accepted ? 'tag tag-accepted' : 'tag tag-changed' }, d.accepted ? t.acceptedSuggestion : t.changedFromSuggestion),
    action &&
      h(
        'p',
        { class: `mailbox-action mailbox-action-${action.status}`, 'data-testid': 'mailbox-action' },
        action.status === 'done' ? t.mailboxAction.historyDone(actionStatusText(t, d)) : actionStatusText(t, d),
      ),
    action?.status === 'done' && action.category && h('p', { class: 'muted', 'data-testid': 'mailbox-category' }, t.mailboxAction.category(action.category)),
    note && h('p', { class: 'notice notice-info' }, note),
  );
}

export function historyView(t: Strings, history: HistoryEntry[] | 'loading' | 'failed', retry: () => void): HTMLElement {
  const heading = h('h2', { class: 'caption', id: 'history-heading' }, t.historyHeading);
  if (history === 'loading') return h('section', { class: 'history', 'aria-labelledby': 'history-heading', 'aria-busy': 'true' }, heading, h('p', { class: 'muted' }, t.status.loadingHistory));
  if (history === 'failed') {
    const button = h('button', { type: 'button', class: 'button' }, t.retry);
    button.addEventListener('click', retry);
    return h('section', { class: 'history', 'aria-labelledby': 'history-heading' }, heading, h('p', { class: 'field-error' }, t.errors.history), button);
  }
  return h(
    'section',
    { class: 'history', 'aria-labelledby': 'history-heading' },
    heading,
    h(
      'ol',
      { class: 'timeline', 'data-testid': 'history' },
      history.length === 0 ? h('li', { class: 'muted' }, t.historyEmpty) : history.map((e) => h('li', { 'data-type': e.type }, h('time', { datetime: e.at }, dateTime(t, e.at)), h('span', {}, historyText(t, e)))),
    ),
  );
}

function historyText(t: Strings, e: HistoryEntry): string {
  const what = actionText(t, e.action, e.unitName);
  const who = e.decidedBy ?? '';
  switch (e.type) {
    case 'suggestion':
      return t.historySuggested(what, percent(t, e.confidence ?? 0));
    case 'decision':
      return e.accepted ? t.historyConfirmed(what, who) : t.historyChanged(what, who);
    case 'action':
      return historyActionText(t, e);
    default:
      return [t.historyOther(e.type), what, who].filter(Boolean).join(': ');
  }
}
