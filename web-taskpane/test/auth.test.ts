import { describe, expect, it, vi } from 'vitest';
import { signInHeaders, type AuthConfig } from '../src/auth';

const entraId: AuthConfig = {
  mode: 'EntraId',
  clientId: 'client-1',
  tenantId: 'tenant-1',
  authority: 'https://login.microsoftonline.com/tenant-1',
  scopes: ['api://client-1/MailAssist.Use'],
};
const development: AuthConfig = { mode: 'Development', clientId: null, tenantId: null, authority: null, scopes: [] };
const serving = (config: AuthConfig) => vi.fn(async () => new Response(JSON.stringify(config), { status: 200 }));

class InteractionRequiredAuthError extends Error {}

function fakeMsal(silent: () => Promise<{ accessToken: string }>) {
  const app = { acquireTokenSilent: vi.fn(silent), acquireTokenPopup: vi.fn(async () => ({ accessToken: 'popup-token' })) };
  const msal = { createNestablePublicClientApplication: vi.fn(async () => app), InteractionRequiredAuthError };
  return { app, msal, load: vi.fn(async () => msal as never) };
}

function fakeOffice(nestedAppAuth: boolean, dialogMessage?: string) {
  const handlers = new Map<string, (arg: { message: string }) => void>();
  const dialog = { addEventHandler: (type: string, handler: (arg: { message: string }) => void) => handlers.set(type, handler), close: vi.fn() };
  const office = {
    AsyncResultStatus: { Failed: 'failed', Succeeded: 'succeeded' },
    EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    context: {
      requirements: { isSetSupported: vi.fn((set: string, version: string) => nestedAppAuth && set === 'NestedAppAuth' && version === '1.1') },
      ui: {
        displayDialogAsync: vi.fn((_url: string, _options: unknown, callback: (result: unknown) => void) => {
          callback({ status: 'succeeded', value: dialog });
          queueMicrotask(() => handlers.get('message')!({ message: dialogMessage! }));
        }),
      },
    },
  };
  return office as unknown as typeof Office & { context: { ui: { displayDialogAsync: ReturnType<typeof vi.fn> } } };
}

describe('sign-in headers', () => {
  it('are empty in development, without loading MSAL', async () => {
    const { load } = fakeMsal(async () => ({ accessToken: 't' }));
    const headers = signInHeaders({ office: fakeOffice(true), fetch: serving(development), msal: load });

    expect(await headers()).toEqual({});
    expect(load).not.toHaveBeenCalled();
  });

  it('carry a token from nested app authentication, configured from the API', async () => {
    const { app, msal, load } = fakeMsal(async () => ({ accessToken: 'silent-token' }));
    const fetch = serving(entraId);
    const headers = signInHeaders({ office: fakeOffice(true), fetch, msal: load });

    expect(await headers()).toEqual({ Authorization: 'Bearer silent-token' });
    expect(await headers()).toEqual({ Authorization: 'Bearer silent-token' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(msal.createNestablePublicClientApplication).toHaveBeenCalledWith({
      auth: { clientId: 'client-1', authority: 'https://login.microsoftonline.com/tenant-1' },
      cache: { cacheLocation: 'sessionStorage' },
    });
    expect(app.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['api://client-1/MailAssist.Use'] });
  });

  it('ask the person to sign in in a popup when a silent token needs interaction', async () => {
    const { app, load } = fakeMsal(async () => Promise.reject(new InteractionRequiredAuthError('consent')));
    const headers = signInHeaders({ office: fakeOffice(true), fetch: serving(entraId), msal: load });

    expect(await headers()).toEqual({ Authorization: 'Bearer popup-token' });
    expect(app.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['api://client-1/MailAssist.Use'] });
  });

  it('pass other sign-in errors on, without a popup', async () => {
    const { app, load } = fakeMsal(async () => Promise.reject(new Error('network')));
    const headers = signInHeaders({ office: fakeOffice(true), fetch: serving(entraId), msal: load });

    await expect(headers()).rejects.toThrow('network');
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('fall back to the Office dialog where nested app authentication is not supported, and keep its token until near expiry', async () => {
    const { load } = fakeMsal(async () => ({ accessToken: 'unused' }));
    const office = fakeOffice(false, JSON.stringify({ token: 'dialog-token', expiresOn: Date.now() + 3_600_000 }));
    const headers = signInHeaders({ office, fetch: serving(entraId), msal: load });

    expect(await headers()).toEqual({ Authorization: 'Bearer dialog-token' });
    expect(await headers()).toEqual({ Authorization: 'Bearer dialog-token' });
    expect(office.context.ui.displayDialogAsync).toHaveBeenCalledTimes(1);
    expect(office.context.ui.displayDialogAsync.mock.calls[0]![0]).toMatch(/\/taskpane\/auth-dialog\.html$/);
    expect(load).not.toHaveBeenCalled();
  });

  it('report a failed dialog sign-in', async () => {
    const office = fakeOffice(false, JSON.stringify({ error: 'AADSTS50011' }));
    const headers = signInHeaders({ office, fetch: serving(entraId), msal: fakeMsal(async () => ({ accessToken: '' })).load });

    await expect(headers()).rejects.toThrow('AADSTS50011');
  });
});
