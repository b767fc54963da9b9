import { describe, expect, it } from 'vitest';
import { appLink, shareLink, teamsDeepLink } from './deepLinks.js';

const APP_ID = '5d1f7c2a-3b64-4e0f-9a8d-6c2b1e4f7a90';

describe('teamsDeepLink', () => {
  it('links to the app’s tab with the sub-page in the context, every value encoded', () => {
    const link = teamsDeepLink({
      appId: APP_ID,
      pageId: 'home',
      subPageId: 'doc:SMS-POL-001',
      webUrl: 'https://sms.example.com/documents/SMS-POL-001',
      label: 'Information security policy',
      tenantId: 'contoso.onmicrosoft.com',
    });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/home`);
    expect(url.searchParams.get('webUrl')).toBe('https://sms.example.com/documents/SMS-POL-001');
    expect(url.searchParams.get('label')).toBe('Information security policy');
    expect(url.searchParams.get('tenantId')).toBe('contoso.onmicrosoft.com');
    expect(JSON.parse(url.searchParams.get('context') ?? 'null')).toEqual({ subEntityId: 'doc:SMS-POL-001' });
    // Spaces and JSON punctuation are percent-encoded, never left raw or turned into "+".
    expect(link).not.toMatch(/[ {}"+]/);
  });

  it('adds the channel for a channel tab and leaves out what is not given', () => {
    const url = new URL(teamsDeepLink({ appId: APP_ID, pageId: 'register-risks', channelId: '19:abc@thread.tacv2' }));
    expect(JSON.parse(url.searchParams.get('context') ?? 'null')).toEqual({ channelId: '19:abc@thread.tacv2' });
    expect([...url.searchParams.keys()]).toEqual(['context']);
    expect(teamsDeepLink({ appId: APP_ID, pageId: 'home' })).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/home`);
  });
});

describe('shareLink', () => {
  const target = { kind: 'record', register: 'nonconformities', itemId: 12 } as const;

  it('is the app’s own address outside Teams', () => {
    expect(shareLink(target, { origin: 'https://sms.example.com', teams: null })).toBe('https://sms.example.com/registers/nonconformities/12');
    expect(appLink('https://sms.example.com/anything?x=1', { kind: 'action', actionRef: 'ACT-0142' })).toBe('https://sms.example.com/actions/ACT-0142');
  });

  it('is a Teams deep link to the SMS tab inside Teams, falling back to the app’s address', () => {
    const link = new URL(shareLink(target, { origin: 'https://sms.example.com', teams: { appId: APP_ID, tenantId: null } }));
    expect(link.pathname).toBe(`/l/entity/${APP_ID}/home`);
    expect(JSON.parse(link.searchParams.get('context') ?? 'null')).toEqual({ subEntityId: 'rec:nonconformities:12' });
    expect(link.searchParams.get('webUrl')).toBe('https://sms.example.com/registers/nonconformities/12');
  });

  it('is the plain address in a Teams host that does not say the app id', () => {
    expect(shareLink(target, { origin: 'https://sms.example.com', teams: { appId: null, tenantId: 't' } })).toBe('https://sms.example.com/registers/nonconformities/12');
  });
});
