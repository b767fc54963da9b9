import { describe, expect, it } from 'vitest';
import { channelTabConfig, contentPathFor, parseChannelView } from './channelTab.js';

describe('channelTabConfig', () => {
  it('saves a register view on the app’s own origin, leaving Teams’ placeholders for Teams to fill', () => {
    const config = channelTabConfig({ view: 'register', register: 'nonconformities' }, { origin: 'https://sms.example.com/some/page', displayName: 'SMS register: Nonconformities' });
    expect(config).toEqual({
      contentUrl: 'https://sms.example.com/tab/channel?host=teams&view=register&list=nonconformities&locale={app.locale}&theme={app.theme}',
      websiteUrl: 'https://sms.example.com/tab/channel?host=browser&view=register&list=nonconformities',
      entityId: 'register-nonconformities',
      suggestedDisplayName: 'SMS register: Nonconformities',
    });
  });

  it('saves the dashboard', () => {
    const config = channelTabConfig({ view: 'dashboard' }, { origin: 'https://sms.example.com', displayName: 'SMS dashboard' });
    expect(config.contentUrl).toBe('https://sms.example.com/tab/channel?host=teams&view=dashboard&locale={app.locale}&theme={app.theme}');
    expect(config.websiteUrl).toBe('https://sms.example.com/tab/channel?host=browser&view=dashboard');
    expect(config.entityId).toBe('dashboard');
  });

  it('produces a content address the channel tab reads back as the same view', () => {
    for (const choice of [{ view: 'dashboard' } as const, { view: 'register', register: 'risks' } as const]) {
      const { contentUrl, websiteUrl } = channelTabConfig(choice, { origin: 'https://sms.example.com', displayName: 'x' });
      expect(parseChannelView(new URL(contentUrl).search)).toEqual({ status: 'ok', choice });
      expect(parseChannelView(new URL(websiteUrl).search)).toEqual({ status: 'ok', choice });
    }
  });
});

describe('parseChannelView', () => {
  it('says what is wrong with a tab address', () => {
    expect(parseChannelView('?host=teams')).toEqual({ status: 'missing' });
    expect(parseChannelView('?view=calendar')).toEqual({ status: 'invalid', problem: 'view' });
    expect(parseChannelView('?view=register')).toEqual({ status: 'invalid', problem: 'register' });
    expect(parseChannelView('?view=register&list=smsSettings')).toEqual({ status: 'invalid', problem: 'register' });
  });
});

describe('contentPathFor', () => {
  it('fills the placeholders the way Teams would and keeps the address in the app', () => {
    const { contentUrl } = channelTabConfig({ view: 'dashboard' }, { origin: 'https://sms.example.com', displayName: 'x' });
    expect(contentPathFor(contentUrl, { locale: 'zh-CN', theme: 'contrast' })).toBe('/tab/channel?host=teams&view=dashboard&locale=zh-CN&theme=contrast');
    expect(contentPathFor(contentUrl, { locale: null, theme: null })).toBe('/tab/channel?host=teams&view=dashboard');
  });
});
