import { getJson, type GetOptions } from './http';
import type { PaneLink } from './pane/pane';

/** GET /api/me: who is signed in. */
export interface Me {
  userName: string;
  displayName: string;
  roles: string[];
  isTeamLead: boolean;
}

/**
 * The pane's link to the dashboard at /stats, for team leads only. Without an answer from /api/me
 * the pane works as for anyone else, without the link.
 */
export async function teamLeadLinks(displayLanguage: string, options: GetOptions = {}): Promise<PaneLink[]> {
  try {
    const me = await getJson<Me>('/api/me', options);
    if (!me.isTeamLead) return [];
  } catch {
    return [];
  }
  return [{ label: displayLanguage.toLowerCase().startsWith('en') ? 'Statistics for team leads' : 'Statistikk for teamledere', href: '/stats' }];
}
