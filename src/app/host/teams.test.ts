import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * teams-js only answers inside a Microsoft 365 host, so its two modules the connection uses are
 * stood in for here: `app` (initialize, context, theme) and `nestedAppAuth`.
 */
const host = vi.hoisted(() => ({
  context: { app: { theme: 'default', locale: 'en-gb', host: { name: 'Teams' } }, user: { loginHint: 'priya@contoso.com' } } as Record<string, unknown>,
  naa: (): boolean => true,
  initializedWith: [] as (string[] | undefined)[],
}));

vi.mock('@microsoft/teams-js', () => ({
  app: {
    initialize: async (origins?: string[]) => {
      host.initializedWith.push(origins);
    },
    getContext: async () => host.context,
    registerOnThemeChangeHandler: () => undefined,
    notifySuccess: async () => undefined,
  },
  nestedAppAuth: { isNAAChannelRecommended: () => host.naa() },
}));

const { connectTeams } = await import('./teams.js');

describe('connectTeams', () => {
  beforeEach(() => {
    host.context = { app: { theme: 'default', locale: 'en-gb', host: { name: 'Teams' } }, user: { loginHint: 'priya@contoso.com' } };
    host.naa = () => true;
    host.initializedWith = [];
  });

  it('asks teams-js whether the host recommends nested app authentication', async () => {
    expect((await connectTeams()).naaRecommended).toBe(true);
    host.naa = () => false;
    expect((await connectTeams()).naaRecommended).toBe(false);
  });

  it('takes "cannot say" (teams-js throws) as no nested app authentication', async () => {
    host.naa = () => {
      throw new Error('The library has not yet been initialized');
    };
    expect((await connectTeams()).naaRecommended).toBe(false);
  });

  it('marks a tab that SharePoint shows, and trusts the SharePoint page it is given', async () => {
    host.context = { ...host.context, sharepoint: { web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/SMS' } } };
    const connection = await connectTeams(['https://contoso.sharepoint.com']);
    expect(connection.inSharePoint).toBe(true);
    expect(host.initializedWith).toEqual([['https://contoso.sharepoint.com']]);
  });

  it('is Teams, with teams-js trusting only its own hosts, when no origin is given', async () => {
    const connection = await connectTeams();
    expect(connection.inSharePoint).toBe(false);
    expect(connection.hostName).toBe('Teams');
    expect(host.initializedWith).toEqual([undefined]);
  });
});
