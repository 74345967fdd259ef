import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api';
import { mountPane, maxBodyChars } from '../src/pane/pane';
import { byTestId, decision, deferred, FakeApi, FakeMailbox, mailboxAction, message, suggestion, units } from './fakes';

let root: HTMLElement;

beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('main');
  document.body.append(root);
});

const text = (id: string) => byTestId(root, id)?.textContent ?? null;
const settle = () => vi.waitFor(() => expect(root.dataset['state']).not.toBe('busy'));

function mount(mailbox = new FakeMailbox(message()), api = new FakeApi()) {
  const pane = mountPane(root, { adapter: mailbox, api });
  return { pane, mailbox, api };
}

describe('the pane', () => {
  it('classifies the selected message without a click and shows the suggestion in words', async () => {
    const { api } = mount();
    await settle();

    expect(api.classifyCalls).toHaveLength(1);
    expect(text('suggestion-action')).toBe('Videresend');
    expect(text('suggestion-unit')).toBe('Økonomi og fakturamottak');
    expect(text('suggestion-explanation')).toBe('Fakturaer går til fakturamottak.');
    expect(root.textContent).toContain('Svært sikker (94 %)');
    expect(root.textContent).toContain('Emnet nevner faktura.');
    expect(text('status')).toBe('Forslaget er klart.');
    expect(byTestId(root, 'confirm-button')?.classList.contains('button-primary')).toBe(true);
  });

  it('shows an empty state when no message is selected', async () => {
    const { api } = mount(new FakeMailbox(null));
    await settle();

    expect(root.dataset['state']).toBe('empty');
    expect(text('status')).toBe('Ingen e-post er valgt.');
    expect(root.textContent).toContain('Velg en e-post for å få et forslag.');
    expect(api.classifyCalls).toHaveLength(0);
  });

  it('shows a progress indicator while it waits for the suggestion', async () => {
    const api = new FakeApi();
    const pending = deferred<ReturnType<typeof suggestion>>();
    api.classifyAnswers.push(() => pending.promise);
    mount(new FakeMailbox(message()), api);
    await vi.waitFor(() => expect(text('status')).toBe('Henter forslag …'));

    expect(root.querySelector<HTMLElement>('.spinner')?.hidden).toBe(false);
    pending.resolve(suggestion());
    await settle();
    expect(root.querySelector<HTMLElement>('.spinner')?.hidden).toBe(true);
  });

  it('follows the selection and drops the answer for a message no longer selected', async () => {
    const api = new FakeApi();
    const slow = deferred<ReturnType<typeof suggestion>>();
    api.classifyAnswers.push(() => slow.promise, async () => suggestion({ suggestionId: 's-2', action: 'journalfor', unit: 'arkiv', unitName: 'Arkiv og innsyn' }));
    const { mailbox } = mount(new FakeMailbox(message()), api);
    await vi.waitFor(() => expect(api.classifyCalls).toHaveLength(1));

    mailbox.select(message({ internetMessageId: '<b2@example.no>', subject: 'Innsynskrav' }));
    await settle();
    slow.resolve(suggestion({ unitName: 'Feil enhet' }));
    await Promise.resolve();

    expect(api.classifyCalls.map((m) => m.internetMessageId)).toEqual(['<a1@example.no>', '<b2@example.no>']);
    expect(text('suggestion-action')).toBe('Journalfør');
    expect(text('suggestion-unit')).toBe('Arkiv og innsyn');
  });

  it('cuts a very long body to what the API accepts', async () => {
    const { api } = mount(new FakeMailbox(message({ body: 'x'.repeat(maxBodyChars + 10) })));
    await settle();

    expect(api.classifyCalls[0]?.body).toHaveLength(maxBodyChars);
  });

  it('confirms the suggestion and then shows who decided, when, and the history', async () => {
    const { api } = mount();
    api.historyAnswer = async () => [
      { type: 'suggestion', at: '2026-10-14T06:32:00Z', suggestionId: 's-1', action: 'videresend', unitName: 'Økonomi og fakturamottak', confidence: 0.94 },
      { type: 'decision', at: '2026-10-14T07:00:00Z', suggestionId: 's-1', action: 'videresend', unitName: 'Økonomi og fakturamottak', accepted: true, decidedBy: 'kari.saksbehandler@eksempel.kommune.no' },
    ];
    await settle();

    byTestId(root, 'confirm-button')!.click();
    await vi.waitFor(() => expect(byTestId(root, 'history')).not.toBeNull());

    expect(api.decideCalls).toEqual([
      { suggestionId: 's-1', choice: { action: 'videresend', unit: 'okonomi' }, key: expect.stringMatching(/^[0-9a-f]{32}$/), messageRestId: 'AAMkRest-a1' },
    ]);
    expect(text('decision')).toBe('Videresendt til Økonomi og fakturamottak');
    expect(text('decided-by')).toMatch(/^Av kari\.saksbehandler@eksempel\.kommune\.no, 14\.10\.2026/);
    const entries = [...byTestId(root, 'history')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(entries[0]).toContain('Forslag: Videresend til Økonomi og fakturamottak (94 %)');
    expect(entries[1]).toContain('Bekreftet av kari.saksbehandler@eksempel.kommune.no: Videresend til Økonomi og fakturamottak');
    expect(document.activeElement?.id).toBe('decision-heading');
  });

  it('sends a decision once when the button is pressed twice', async () => {
    const { api } = mount();
    const pending = deferred<Awaited<ReturnType<FakeApi['decide']>>>();
    api.decideAnswers.push(() => pending.promise);
    await settle();

    byTestId(root, 'confirm-button')!.click();
    byTestId(root, 'confirm-button')!.click();
    pending.resolve({ kind: 'saved', decision: decision() });
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(api.decideCalls).toHaveLength(1);
  });

  it('retries a failed decision with the same idempotency key and says what went wrong', async () => {
    const { api } = mount();
    api.decideAnswers.push(async () => {
      throw new ApiError(0, null);
    });
    await settle();

    byTestId(root, 'confirm-button')!.click();
    await vi.waitFor(() => expect(text('status')).toBe('Får ikke kontakt med MailAssist. Sjekk nettforbindelsen og prøv igjen.'));
    expect(document.activeElement?.textContent).toBe('Prøv igjen');
    (document.activeElement as HTMLElement).click();
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(api.decideCalls).toHaveLength(2);
    expect(api.decideCalls[1]!.key).toBe(api.decideCalls[0]!.key);
  });

  it('uses a new idempotency key for a different decision', async () => {
    const { api } = mount();
    api.decideAnswers.push(async () => {
      throw new ApiError(503, { title: 'Tjenesten er midlertidig utilgjengelig.' });
    });
    await settle();
    byTestId(root, 'confirm-button')!.click();
    await vi.waitFor(() => expect(text('status')).toBe('MailAssist er midlertidig utilgjengelig. Prøv igjen om litt.'));

    byTestId(root, 'change-button')!.click();
    await vi.waitFor(() => expect(root.querySelectorAll('#unit-picker option')).toHaveLength(3));
    root.querySelector<HTMLInputElement>('#action-journalfor')!.click();
    const picker = root.querySelector<HTMLSelectElement>('#unit-picker')!;
    picker.value = 'arkiv';
    picker.dispatchEvent(new Event('change'));
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(api.decideCalls[1]!.choice).toEqual({ action: 'journalfor', unit: 'arkiv' });
    expect(api.decideCalls[1]!.key).not.toBe(api.decideCalls[0]!.key);
    expect(text('decision')).toBe('Journalført til Arkiv og innsyn');
  });

  it('changes the decision through the pickers, with units from the API and no unit for Slett', async () => {
    const { api } = mount();
    await settle();

    byTestId(root, 'change-button')!.click();
    expect(document.activeElement?.id).toBe('action-choices');
    await vi.waitFor(() => expect(root.querySelectorAll('#unit-picker option')).toHaveLength(3));
    const picker = root.querySelector<HTMLSelectElement>('#unit-picker')!;
    expect(picker.value).toBe('okonomi');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Velg enhet', 'Arkiv og innsyn', 'Økonomi og fakturamottak']);

    root.querySelector<HTMLInputElement>('#action-slett')!.click();
    expect(picker.disabled).toBe(true);
    expect(root.textContent).toContain('Slett har ingen enhet.');
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(api.decideCalls[0]!.choice).toEqual({ action: 'slett', unit: null });
  });

  it('offers to fetch the units again when they could not be fetched, keeping what was picked', async () => {
    const { api } = mount();
    api.unitsAnswer = async () => {
      throw new ApiError(503, null);
    };
    await settle();

    byTestId(root, 'change-button')!.click();
    await vi.waitFor(() => expect(root.querySelector('#unit-picker')?.textContent).toBe('Klarte ikke å hente enhetene.'));
    root.querySelector<HTMLInputElement>('#action-journalfor')!.click();
    api.unitsAnswer = async () => units;
    [...root.querySelectorAll<HTMLButtonElement>('.editor button')].find((b) => b.textContent === 'Prøv igjen')!.click();
    await vi.waitFor(() => expect(root.querySelectorAll('#unit-picker option')).toHaveLength(3));

    expect(root.querySelector<HTMLInputElement>('#action-journalfor')!.checked).toBe(true);
  });

  it('asks for a unit before it saves a change that needs one', async () => {
    const { api } = mount(new FakeMailbox(message()), Object.assign(new FakeApi(), { classifyAnswers: [async () => suggestion({ action: 'slett', unit: null, unitName: null })] }));
    await settle();

    byTestId(root, 'change-button')!.click();
    await vi.waitFor(() => expect(root.querySelectorAll('#unit-picker option')).toHaveLength(3));
    root.querySelector<HTMLInputElement>('#action-videresend')!.click();
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();

    expect(root.querySelector('#editor-error')?.textContent).toBe('Velg en enhet.');
    expect(api.decideCalls).toHaveLength(0);
  });

  it('never pre-selects Slett for a message that needs review', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => suggestion({ action: 'slett', unit: null, unitName: null, needsReview: true, confidence: 0.41 }));
    mount(new FakeMailbox(message()), api);
    await settle();

    expect(byTestId(root, 'confirm-button')?.classList.contains('button-primary')).toBe(false);
    expect(byTestId(root, 'change-button')?.classList.contains('button-primary')).toBe(true);
    expect(text('confirm-button')).toBe('Bekreft sletting');
    expect(text('needs-review')).toBe('Kontroller forslaget før du bekrefter.');
    expect(root.textContent).toContain('Svært usikker (41 %)');

    byTestId(root, 'change-button')!.click();
    expect(root.querySelectorAll('input[name=action]:checked')).toHaveLength(0);
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    expect(root.querySelector('#editor-error')?.textContent).toBe('Velg en handling.');
    expect(api.decideCalls).toHaveLength(0);
  });

  it('shows a message decided earlier as decided, with its history, when it is opened again', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => suggestion({ cached: true, needsReview: true, decision: decision({ action: 'journalfor', unit: 'arkiv', unitName: 'Arkiv og innsyn', accepted: false }) }));
    api.historyAnswer = async () => [
      { type: 'suggestion', at: '2026-10-14T06:32:00Z', suggestionId: 's-1', action: 'videresend', unitName: 'Økonomi og fakturamottak', confidence: 0.94 },
      { type: 'decision', at: '2026-10-14T07:00:00Z', suggestionId: 's-1', action: 'journalfor', unitName: 'Arkiv og innsyn', accepted: false, decidedBy: 'per@eksempel.kommune.no' },
      { type: 'action', at: '2026-10-14T07:01:00Z', suggestionId: 's-1', action: 'journalfor', unitName: 'Arkiv og innsyn', status: 'done', movedTo: 'Til journalføring' },
      { type: 'audit', at: '2026-10-14T07:02:00Z', suggestionId: 's-1', action: 'journalfor', unitName: 'Arkiv og innsyn' },
    ];
    mount(new FakeMailbox(message()), api);
    await vi.waitFor(() => expect(byTestId(root, 'history')).not.toBeNull());

    expect(byTestId(root, 'confirm-button')).toBeNull();
    expect(byTestId(root, 'needs-review')).toBeNull();
    expect(text('decision')).toBe('Journalført til Arkiv og innsyn');
    expect(root.textContent).toContain('Endret fra forslaget');
    const entries = [...byTestId(root, 'history')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(entries[1]).toContain('Endret av per@eksempel.kommune.no til: Journalfør til Arkiv og innsyn');
    expect(entries[2]).toContain('I postkassen: Flyttet til Til journalføring');
    expect(entries[3]).toContain('Hendelse (audit): Journalfør til Arkiv og innsyn');
  });

  it('shows the decision that stands when someone else decided first', async () => {
    const { api } = mount();
    api.decideAnswers.push(async () => ({ kind: 'conflict', decision: decision({ action: 'slett', unit: null, unitName: null, accepted: false, decidedBy: 'ola@eksempel.kommune.no' }) }));
    await settle();

    byTestId(root, 'confirm-button')!.click();
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(text('decision')).toBe('Slettet');
    expect(text('status')).toBe('Meldingen var allerede avgjort. Denne beslutningen gjelder.');
    expect(text('decided-by')).toContain('ola@eksempel.kommune.no');
  });

  it('says in plain words what failed and retries when asked', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => {
      throw new ApiError(400, { title: 'Forespørselen er ugyldig.', errors: { mailbox: ['Postkassen finnes ikke.'] } });
    });
    mount(new FakeMailbox(message()), api);
    await settle();

    expect(root.dataset['state']).toBe('failed');
    expect(text('status')).toBe('Denne postkassen er ikke satt opp i MailAssist.');
    root.querySelector<HTMLButtonElement>('#retry-button')!.click();
    await settle();

    expect(text('suggestion-action')).toBe('Videresend');
    expect(root.querySelector('#retry-button')).toBeNull();
  });

  it('says so when Outlook cannot give the message', async () => {
    const mailbox = new FakeMailbox(message());
    mailbox.readCurrent = async () => {
      throw new Error('Office call failed');
    };
    mount(mailbox);
    await settle();

    expect(text('status')).toBe('Klarte ikke å lese e-posten fra Outlook.');
  });

  it('shows flags as badges and similar earlier messages', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () =>
      suggestion({
        flags: ['sensitive', 'deadline', 'possible_manipulation', 'fallback'],
        similar: [{ suggestionId: 's-0', subject: 'Faktura 2026-090', action: 'videresend', unit: 'okonomi', unitName: 'Økonomi og fakturamottak', decidedAt: '2026-09-01T10:00:00Z' }],
      }),
    );
    mount(new FakeMailbox(message()), api);
    await settle();

    expect([...root.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Sensitivt innhold', 'Frist', 'Mulig manipulering', 'Reserveforslag']);
    expect(root.querySelector('.similar')?.textContent).toContain('Faktura 2026-090');
    expect(root.querySelector('.similar')?.textContent).toContain('Videresend til Økonomi og fakturamottak · 01.09.2026');
  });

  it('renders markup in an explanation, reason or subject as text', async () => {
    const api = new FakeApi();
    const script = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    api.classifyAnswers.push(async () =>
      suggestion({ explanation: script, reasons: [script], similar: [{ suggestionId: 's-0', subject: script, action: 'slett', unit: null, unitName: null, decidedAt: '2026-09-01T10:00:00Z' }] }),
    );
    mount(new FakeMailbox(message({ subject: script })), api);
    await settle();

    expect(text('suggestion-explanation')).toBe(script);
    expect(root.querySelector('img, script')).toBeNull();
  });

  it('speaks English when Outlook does', async () => {
    mount(new FakeMailbox(message(), 'en-US'));
    await settle();

    expect(root.lang).toBe('en');
    expect(text('suggestion-action')).toBe('Forward');
    expect(text('confirm-button')).toBe('Confirm');
    expect(text('change-button')).toBe('Change');
    expect(root.textContent).toContain('Very sure (94%)');
  });

  it('labels every control for screen readers', async () => {
    mount();
    await settle();
    byTestId(root, 'change-button')!.click();
    await vi.waitFor(() => expect(root.querySelectorAll('#unit-picker option')).toHaveLength(3));

    expect(byTestId(root, 'status')?.getAttribute('role')).toBe('status');
    for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      expect(root.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
    for (const button of root.querySelectorAll('button')) expect(button.textContent?.trim()).not.toBe('');
  });

  it('keeps the links it is given in its footer', async () => {
    mountPane(root, { adapter: new FakeMailbox(null), api: new FakeApi(), links: [{ label: 'Statistikk for teamledere', href: '/stats' }] });

    expect(root.querySelector('footer a')?.getAttribute('href')).toBe('/stats');
  });
});

describe('the pane carrying out a decision in the mailbox', () => {
  it('says what was done in the mailbox once the decision is confirmed, and tells the page', async () => {
    const decided: string[] = [];
    const api = new FakeApi();
    mountPane(root, { adapter: new FakeMailbox(message()), api, onDecision: (m, d) => decided.push(`${m.internetMessageId} ${d.mailboxAction?.status}`) });
    await settle();

    byTestId(root, 'confirm-button')!.click();
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(api.decideCalls[0]!.messageRestId).toBe('AAMkRest-a1');
    expect(text('status')).toBe('Videresendt til Økonomi og fakturamottak');
    expect(text('mailbox-action')).toBe('I postkassen: Videresendt til Økonomi og fakturamottak');
    expect(text('mailbox-category')).toBe('Kategori i Outlook: MailAssist: Videresendt til Økonomi og fakturamottak');
    expect(root.querySelector('#retry-button')).toBeNull();
    expect(decided).toEqual(['<a1@example.no> done']);
  });

  it.each([
    [{ action: 'slett', unit: null, unitName: null }, { forwardedTo: null, movedTo: 'deleteditems' }, 'Flyttet til Slettede elementer'],
    [{ action: 'journalfor', unit: 'arkiv', unitName: 'Arkiv og innsyn' }, { forwardedTo: null, movedTo: 'Til journalføring' }, 'Flyttet til Til journalføring'],
    [{ action: 'journalfor', unit: 'arkiv', unitName: 'Arkiv og innsyn' }, { forwardedTo: 'import@arkiv.no', movedTo: 'Videresendt' }, 'Sendt til arkivet for journalføring'],
  ] as const)('names what %o did in the mailbox', async (choice, outcome, words) => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => suggestion({ decision: decision({ ...choice, mailboxAction: mailboxAction(outcome) }) }));
    mount(new FakeMailbox(message()), api);
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(text('status')).toBe(words);
  });

  it('explains a failed mailbox action in Norwegian and retries it with the message id', async () => {
    const decided: string[] = [];
    const api = new FakeApi();
    api.decideAnswers.push(async () => ({ kind: 'saved', decision: decision({ mailboxAction: mailboxAction({ status: 'action_failed', error: 'graph_unavailable', movedTo: null, forwardedTo: null }) }) }));
    mountPane(root, { adapter: new FakeMailbox(message()), api, onDecision: (_, d) => decided.push(d.mailboxAction!.status) });
    await settle();

    byTestId(root, 'confirm-button')!.click();
    await vi.waitFor(() => expect(text('status')).toBe('Beslutningen er lagret, men ikke utført i postkassen. Microsoft 365 svarer ikke nå. Prøv igjen om litt.'));
    expect(text('mailbox-action')).toBe(text('status'));
    expect(root.querySelector('.status-bar')!.classList.contains('status-error')).toBe(true);
    root.querySelector<HTMLButtonElement>('#retry-button')!.click();
    await vi.waitFor(() => expect(text('status')).toBe('Videresendt til Økonomi og fakturamottak'));

    expect(api.retryCalls).toEqual([{ suggestionId: 's-1', retry: { messageRestId: 'AAMkRest-a1', resend: false } }]);
    expect(root.querySelector('#retry-button')).toBeNull();
    expect(decided).toEqual(['action_failed', 'done']);
  });

  it('sends a forward that may have gone out again only when the person presses Send på nytt', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => suggestion({ decision: decision({ mailboxAction: mailboxAction({ status: 'action_failed', error: 'uncertain' }) }) }));
    mount(new FakeMailbox(message()), api);
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(text('status')).toContain('Vi vet ikke sikkert om e-posten ble videresendt.');
    const button = root.querySelector<HTMLButtonElement>('#retry-button')!;
    expect(button.textContent).toBe('Send på nytt');
    expect(api.retryCalls).toHaveLength(0);
    button.click();
    await vi.waitFor(() => expect(api.retryCalls).toHaveLength(1));

    expect(api.retryCalls[0]!.retry).toEqual({ messageRestId: 'AAMkRest-a1', resend: true });
  });

  it('says so when the retry itself cannot reach MailAssist, and offers it again', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => suggestion({ decision: decision({ mailboxAction: mailboxAction({ status: 'action_failed', error: 'throttled' }) }) }));
    api.retryAnswers.push(async () => {
      throw new ApiError(0, null);
    });
    mount(new FakeMailbox(message()), api);
    await vi.waitFor(() => expect(root.querySelector('#retry-button')).not.toBeNull());

    root.querySelector<HTMLButtonElement>('#retry-button')!.click();
    await vi.waitFor(() => expect(text('status')).toBe('Får ikke kontakt med MailAssist. Sjekk nettforbindelsen og prøv igjen.'));

    expect(document.activeElement?.id).toBe('retry-button');
    root.querySelector<HTMLButtonElement>('#retry-button')!.click();
    await vi.waitFor(() => expect(text('status')).toBe('Videresendt til Økonomi og fakturamottak'));
  });

  it('says the action is still under way when the API answers before it finished', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => suggestion({ decision: decision({ mailboxAction: mailboxAction({ status: 'in_progress', movedTo: null, forwardedTo: null }) }) }));
    mount(new FakeMailbox(message()), api);
    await vi.waitFor(() => expect(root.dataset['state']).toBe('decided'));

    expect(text('status')).toBe('Beslutningen utføres fortsatt i postkassen. Velg e-posten igjen om litt for å se hvordan det gikk.');
    expect(root.querySelector('#retry-button')).toBeNull();
  });

  it('logs a failed action in the history in words', async () => {
    const api = new FakeApi();
    api.classifyAnswers.push(async () => suggestion({ decision: decision() }));
    api.historyAnswer = async () => [
      { type: 'action', at: '2026-10-14T07:01:00Z', suggestionId: 's-1', action: 'videresend', unitName: 'Økonomi og fakturamottak', status: 'action_failed', error: 'forbidden' },
    ];
    mount(new FakeMailbox(message(), 'en-US'), api);
    await vi.waitFor(() => expect(byTestId(root, 'history')).not.toBeNull());

    expect(byTestId(root, 'history')!.textContent).toContain('Not carried out in the mailbox: You may not change the mailbox. Ask for full access to the mailbox.');
  });
});
