import type { HeaderProvider } from './api';
import { getJson } from './http';

/** GET /api/auth/config. */
export interface AuthConfig {
  mode: 'Development' | 'EntraId';
  clientId: string | null;
  tenantId: string | null;
  authority: string | null;
  scopes: string[];
}

type Msal = typeof import('@azure/msal-browser');
type TokenSource = () => Promise<string>;

export interface SignInOptions {
  /** office.js when the page runs in Office. */
  office?: typeof Office;
  fetch?: typeof fetch;
  /** MSAL, loaded only when the API asks for Entra ID sign-in, so the development pane stays small. */
  msal?: () => Promise<Msal>;
}

/**
 * The API client's headers: none in development; with Entra ID a bearer token from MSAL nested app
 * authentication, or from the Office dialog where Outlook cannot do that. Tokens stay in memory and
 * session storage. Sign-in starts with the first request, and starts again after a failure.
 */
export function signInHeaders({ office, fetch, msal = () => import('@azure/msal-browser') }: SignInOptions = {}): HeaderProvider {
  let source: Promise<TokenSource | null> | null = null;
  return async () => {
    source ??= tokenSource(office, fetch, msal).catch((error: unknown) => {
      source = null;
      throw error;
    });
    const token = await source;
    return token ? { Authorization: `Bearer ${await token()}` } : {};
  };
}

async function tokenSource(office: typeof Office | undefined, fetch: typeof globalThis.fetch | undefined, load: () => Promise<Msal>): Promise<TokenSource | null> {
  const config = await getJson<AuthConfig>('/api/auth/config', fetch ? { fetch } : {});
  if (config.mode !== 'EntraId') return null;
  if (!office) return pageSignIn(config, await load());
  return office.context.requirements.isSetSupported('NestedAppAuth', '1.1') ? nestedAppAuth(config, await load()) : officeDialog(office);
}

const msalConfiguration = (config: AuthConfig) => ({
  auth: { clientId: config.clientId!, authority: config.authority! },
  cache: { cacheLocation: 'sessionStorage' as const },
});

async function nestedAppAuth(config: AuthConfig, msal: Msal): Promise<TokenSource> {
  const app = await msal.createNestablePublicClientApplication(msalConfiguration(config));
  return async () => {
    const request = { scopes: config.scopes };
    try {
      return (await app.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      return (await app.acquireTokenPopup(request)).accessToken;
    }
  };
}

/**
 * Outside Office (the dashboard in a browser) and in the Office dialog: MSAL's redirect flow on the
 * page itself. Resolves with a token source once signed in; otherwise leaves for the sign-in page.
 */
export async function pageSignIn(config: AuthConfig, msal: Msal): Promise<TokenSource> {
  const app = await msal.createStandardPublicClientApplication({
    ...msalConfiguration(config),
    auth: { ...msalConfiguration(config).auth, redirectUri: location.origin + location.pathname },
  });
  const returned = await app.handleRedirectPromise();
  const account = returned?.account ?? app.getAllAccounts()[0];
  if (!account) {
    await app.acquireTokenRedirect({ scopes: config.scopes });
    return new Promise<TokenSource>(() => {});
  }
  return async () => {
    try {
      return (await app.acquireTokenSilent({ scopes: config.scopes, account })).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      await app.acquireTokenRedirect({ scopes: config.scopes, account });
      return new Promise<string>(() => {});
    }
  };
}

/** What auth-dialog.html sends back to the pane. */
export type DialogMessage = { token: string; expiresOn: number } | { error: string };

/** For Outlook versions without nested app authentication: sign in in an Office dialog, which sends the token back. */
function officeDialog(office: typeof Office): TokenSource {
  let current: Promise<{ token: string; expiresOn: number }> | null = null;
  return async () => {
    const held = current && (await current.catch(() => null));
    if (!held || held.expiresOn < Date.now() + 60_000) current = openDialog(office);
    return (await current!).token;
  };
}

function openDialog(office: typeof Office): Promise<{ token: string; expiresOn: number }> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(`${location.origin}/taskpane/auth-dialog.html`, { height: 60, width: 30 }, (opened) => {
      if (opened.status === office.AsyncResultStatus.Failed) return reject(new Error(opened.error.message));
      const dialog = opened.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = JSON.parse('message' in arg ? arg.message : '{"error":"no message"}') as DialogMessage;
        if ('token' in message) resolve(message);
        else reject(new Error(message.error));
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, () => reject(new Error('The sign-in dialog was closed.')));
    });
  });
}
