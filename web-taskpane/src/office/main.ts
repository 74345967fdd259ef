import '../styles/pane.css';
import { createApi } from '../api';
import { signInHeaders } from '../auth';
import { h } from '../dom';
import { mountPane } from '../pane/pane';
import { teamLeadLinks } from '../team-lead';
import { officeAdapter } from './office-adapter';

const root = document.getElementById('app')!;

// office.js comes from Microsoft's CDN (Office requires that); outside Outlook it may be missing or report no host.
if (typeof Office === 'undefined') outsideOutlook();
else
  void Office.onReady(async (info) => {
    if (info.host !== Office.HostType.Outlook) return outsideOutlook();
    const adapter = officeAdapter(Office);
    const headers = signInHeaders({ office: Office });
    mountPane(root, { adapter, api: createApi({ headers }), links: await teamLeadLinks(adapter.displayLanguage, { headers }) });
  });

function outsideOutlook(): void {
  const english = navigator.language.toLowerCase().startsWith('en');
  root.replaceChildren(
    h('h1', { class: 'pane-title' }, 'MailAssist'),
    h(
      'p',
      { class: 'empty', 'data-testid': 'status' },
      english ? 'This is the MailAssist pane for Outlook. Open it from a message in Outlook, or try ' : 'Dette er MailAssist-ruten for Outlook. Åpne den fra en e-post i Outlook, eller prøv ',
      h('a', { href: '/demo' }, english ? 'the demo' : 'demoen'),
      '.',
    ),
  );
}
