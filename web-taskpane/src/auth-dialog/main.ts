import { pageSignIn, type AuthConfig, type DialogMessage } from '../auth';
import { getJson } from '../http';

// Opened by the pane with Office's dialog API where Outlook has no nested app authentication:
// signs in with MSAL's redirect flow and sends the token back to the pane.
void Office.onReady(async () => {
  let message: DialogMessage;
  try {
    const config = await getJson<AuthConfig>('/api/auth/config');
    const msal = await import('@azure/msal-browser');
    const token = await (await pageSignIn(config, msal))();
    message = { token, expiresOn: tokenExpiry(token) };
  } catch (error) {
    message = { error: error instanceof Error ? error.message : String(error) };
  }
  Office.context.ui.messageParent(JSON.stringify(message));
});

/** The token's exp claim in milliseconds; the pane asks again shortly before. */
function tokenExpiry(token: string): number {
  const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp: number };
  return payload.exp * 1000;
}
