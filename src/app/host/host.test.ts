import { describe, expect, it, vi } from 'vitest';
import { chooseAuthStrategy } from '../auth/strategy.js';
import { detectHost, type HostProbe } from './host.js';
import { isSharePointContext, type TeamsConnection } from './teams.js';

const teams: TeamsConnection = { theme: 'dark', locale: 'zh-cn', loginHint: 'priya@x', hostName: 'Teams', onThemeChange: () => () => undefined };

function probe(over: Partial<HostProbe> = {}): HostProbe {
  return {
    search: '',
    embedded: false,
    hasOpener: false,
    hasNativeInterface: false,
    hasSharePointContext: false,
    referrer: '',
    connectTeams: vi.fn(async () => teams),
    ...over,
  };
}

describe('detectHost', () => {
  it('is a plain browser for a top-level page, without even loading teams-js', async () => {
    const p = probe();
    expect(await detectHost(p)).toEqual({ kind: 'browser', embedded: false });
    expect(p.connectTeams).not.toHaveBeenCalled();
  });

  it('is Teams when framed and teams-js answers, carrying its context', async () => {
    const host = await detectHost(probe({ embedded: true }));
    expect(host.kind).toBe('teams');
    expect(host.kind === 'teams' && host.teams.locale).toBe('zh-cn');
  });

  it('is Teams on mobile, where there is no frame but a native interface', async () => {
    expect((await detectHost(probe({ hasNativeInterface: true }))).kind).toBe('teams');
  });

  it('does not hang when teams-js never answers inside a foreign iframe', async () => {
    const host = await detectHost(probe({ embedded: true, connectTeams: () => new Promise<never>(() => undefined) }), 20);
    expect(host).toEqual({ kind: 'browser', embedded: true });
  });

  it('falls back when teams-js rejects', async () => {
    const host = await detectHost(probe({ hasOpener: true, connectTeams: async () => Promise.reject(new Error('No Parent window found.')) }));
    expect(host).toEqual({ kind: 'browser', embedded: false });
  });

  it('is SharePoint for ?host=sharepoint, without trying Teams', async () => {
    const p = probe({ search: '?host=sharepoint', embedded: true });
    expect(await detectHost(p)).toEqual({ kind: 'sharepoint', embedded: true });
    expect(p.connectTeams).not.toHaveBeenCalled();
  });

  it('is SharePoint when framed by a SharePoint page or given a SharePoint page context', async () => {
    const notTeams = async () => Promise.reject(new Error('not Teams'));
    expect((await detectHost(probe({ embedded: true, referrer: 'https://contoso.sharepoint.com/sites/SMS/SitePages/Home.aspx', connectTeams: notTeams }))).kind).toBe('sharepoint');
    expect((await detectHost(probe({ hasSharePointContext: true }))).kind).toBe('sharepoint');
    expect((await detectHost(probe({ embedded: true, referrer: 'https://sharepoint.com.evil.example/', connectTeams: notTeams }))).kind).toBe('browser');
  });

  it('lets ?host=browser skip Teams detection', async () => {
    const p = probe({ search: '?host=browser', embedded: true });
    expect((await detectHost(p)).kind).toBe('browser');
    expect(p.connectTeams).not.toHaveBeenCalled();
  });

  it('takes a tab that SharePoint shows for SharePoint, not Teams, even though teams-js answered', async () => {
    const shownBySharePoint: TeamsConnection = { ...teams, hostName: 'SharePoint', inSharePoint: true, naaRecommended: false };
    const p = probe({ embedded: true, referrer: 'https://contoso.sharepoint.com/sites/SMS/SitePages/SMS.aspx', connectTeams: vi.fn(async () => shownBySharePoint) });
    const host = await detectHost(p);
    expect(host.kind).toBe('sharepoint');
    expect(host.embedded).toBe(true);
    // teams-js trusts only its own host list, so the SharePoint page that frames the tab is added.
    expect(p.connectTeams).toHaveBeenCalledWith(['https://contoso.sharepoint.com']);
    // ...and the sign-in is SharePoint's (an MSAL popup in the frame), never nested app auth.
    expect(chooseAuthStrategy({ mode: 'tenant' }, host)).toBe('popup');
  });

  it('trusts Teams operated by 21Vianet as a teams-js host when it frames the app', async () => {
    const p = probe({ embedded: true, referrer: 'https://teams.microsoftonline.cn/' });
    expect((await detectHost(p)).kind).toBe('teams');
    expect(p.connectTeams).toHaveBeenCalledWith(['https://teams.microsoftonline.cn']);
  });

  it('passes no extra origin to teams-js when nothing from SharePoint frames the app', async () => {
    const p = probe({ embedded: true, referrer: 'https://teams.microsoft.com/' });
    expect((await detectHost(p)).kind).toBe('teams');
    expect(p.connectTeams).toHaveBeenCalledWith([]);
  });
});

describe('isSharePointContext', () => {
  it('recognises the SharePoint page context or host name that teams-js gives inside SharePoint', () => {
    expect(isSharePointContext({ app: { host: { name: 'Teams' } }, sharepoint: { web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/SMS' } } })).toBe(true);
    expect(isSharePointContext({ app: { host: { name: 'SharePoint' } } })).toBe(true);
    expect(isSharePointContext({ app: { host: { name: 'Teams' } } })).toBe(false);
    expect(isSharePointContext({ app: { host: { name: 'Outlook' } }, sharepoint: undefined })).toBe(false);
  });
});
