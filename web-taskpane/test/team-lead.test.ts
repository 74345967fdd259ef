import { describe, expect, it } from 'vitest';
import { teamLeadLinks } from '../src/team-lead';

const answering = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const me = (isTeamLead: boolean) => ({ userName: 'kari@eksempel.kommune.no', displayName: 'Kari', roles: isTeamLead ? ['MailAssist.TeamLead'] : [], isTeamLead });

describe('the link to the dashboard', () => {
  it('is there for team leads, in the display language', async () => {
    expect(await teamLeadLinks('nb-NO', { fetch: answering(200, me(true)) })).toEqual([{ label: 'Statistikk for teamledere', href: '/stats' }]);
    expect(await teamLeadLinks('en-US', { fetch: answering(200, me(true)) })).toEqual([{ label: 'Statistics for team leads', href: '/stats' }]);
  });

  it('is not there for other staff, nor when /api/me fails', async () => {
    expect(await teamLeadLinks('nb-NO', { fetch: answering(200, me(false)) })).toEqual([]);
    expect(await teamLeadLinks('nb-NO', { fetch: answering(401, { title: 'Unauthorized' }) })).toEqual([]);
    expect(await teamLeadLinks('nb-NO', { fetch: () => Promise.reject(new TypeError('offline')) })).toEqual([]);
  });

  it('asks with the headers of the sign-in', async () => {
    let sent: HeadersInit | undefined;
    const fetch = async (_: RequestInfo | URL, init?: RequestInit) => ((sent = init?.headers), answering(200, me(true))());
    await teamLeadLinks('nb-NO', { fetch, headers: async () => ({ Authorization: 'Bearer t' }) });
    expect(sent).toMatchObject({ Authorization: 'Bearer t', Accept: 'application/json' });
  });
});
