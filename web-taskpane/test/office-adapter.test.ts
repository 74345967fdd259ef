import { describe, expect, it } from 'vitest';
import { officeAdapter } from '../src/office/office-adapter';

type Callback<T> = (result: { status: string; value: T; error?: { message: string } }) => void;

function fakeOffice(item: unknown, options: { shared?: string | 'fails' } = {}) {
  const handlers: { type: unknown; handler: () => void }[] = [];
  const converted: { itemId: string; version: unknown }[] = [];
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0' } },
    context: {
      displayLanguage: 'en-US',
      mailbox: {
        item,
        userProfile: { emailAddress: 'kari@eksempel.kommune.no' },
        addHandlerAsync: (type: unknown, handler: () => void) => handlers.push({ type, handler }),
        convertToRestId: (itemId: string, version: unknown) => {
          converted.push({ itemId, version });
          return itemId.replace(/\//g, '-').replace(/\+/g, '_');
        },
      },
    },
  };
  if (item && options.shared !== undefined) {
    (item as Record<string, unknown>)['getSharedPropertiesAsync'] = (done: Callback<{ targetMailbox: string }>) =>
      options.shared === 'fails'
        ? done({ status: 'failed', value: { targetMailbox: '' }, error: { message: 'not shared' } })
        : done({ status: 'succeeded', value: { targetMailbox: options.shared! } });
  }
  return { office: office as unknown as typeof Office, handlers, converted };
}

function item(overrides: Record<string, unknown> = {}) {
  return {
    itemType: 'message',
    itemId: 'AAMkEws/a1+b2=',
    internetMessageId: '<a1@example.no>',
    subject: 'Søknad om dispensasjon',
    from: { displayName: 'Kari Nordmann', emailAddress: 'kari@example.no' },
    to: [{ displayName: 'Postmottak', emailAddress: 'postmottak@eksempel.kommune.no' }],
    cc: [{ displayName: 'ola@example.no', emailAddress: 'ola@example.no' }],
    attachments: [
      { name: 'tegninger.pdf', contentType: 'application/pdf', size: 183422, isInline: false },
      { name: 'logo.png', contentType: 'image/png', size: 2048, isInline: true },
    ],
    dateTimeCreated: new Date('2026-10-14T06:31:00Z'),
    body: { getAsync: (_type: string, done: Callback<string>) => done({ status: 'succeeded', value: 'Hei, vedlagt søknad.' }) },
    ...overrides,
  };
}

describe('the Outlook adapter', () => {
  it('reads the selected message into the contract shape', async () => {
    const { office } = fakeOffice(item(), { shared: 'postmottak@eksempel.kommune.no' });

    const message = await officeAdapter(office).readCurrent();

    expect(message).toEqual({
      mailbox: 'postmottak@eksempel.kommune.no',
      internetMessageId: '<a1@example.no>',
      from: 'Kari Nordmann <kari@example.no>',
      to: ['Postmottak <postmottak@eksempel.kommune.no>'],
      cc: ['ola@example.no'],
      subject: 'Søknad om dispensasjon',
      body: 'Hei, vedlagt søknad.',
      bodyHtml: null,
      attachments: [{ name: 'tegninger.pdf', contentType: 'application/pdf', size: 183422 }],
      receivedAt: '2026-10-14T06:31:00.000Z',
    });
  });

  it("uses the person's own mailbox when the item is not in a shared one", async () => {
    expect((await officeAdapter(fakeOffice(item(), { shared: 'fails' }).office).readCurrent())?.mailbox).toBe('kari@eksempel.kommune.no');
    expect((await officeAdapter(fakeOffice(item()).office).readCurrent())?.mailbox).toBe('kari@eksempel.kommune.no');
  });

  it('reads nothing when no message is selected or the item is not a message', async () => {
    expect(await officeAdapter(fakeOffice(null).office).readCurrent()).toBeNull();
    expect(await officeAdapter(fakeOffice(item({ itemType: 'appointment' })).office).readCurrent()).toBeNull();
  });

  it('fails when Outlook cannot give the body', async () => {
    const broken = item({ body: { getAsync: (_t: string, done: Callback<string>) => done({ status: 'failed', value: '', error: { message: 'denied' } }) } });

    await expect(officeAdapter(fakeOffice(broken).office).readCurrent()).rejects.toThrow('denied');
  });

  it("gives the message's REST id for Microsoft Graph, converted from its EWS id", async () => {
    const { office, converted } = fakeOffice(item());

    const id = await officeAdapter(office).itemId();

    expect(id).toBe('AAMkEws-a1_b2=');
    expect(converted).toEqual([{ itemId: 'AAMkEws/a1+b2=', version: 'v2.0' }]);
    expect(await officeAdapter(fakeOffice(null).office).itemId()).toBeNull();
  });

  it("follows the selection through ItemChanged and reports Outlook's display language", () => {
    const { office, handlers } = fakeOffice(item());
    const adapter = officeAdapter(office);
    let calls = 0;

    adapter.onItemChanged(() => calls++);
    handlers[0]!.handler();

    expect(handlers[0]!.type).toBe('olkItemSelectedChanged');
    expect(calls).toBe(1);
    expect(adapter.displayLanguage).toBe('en-US');
  });
});
