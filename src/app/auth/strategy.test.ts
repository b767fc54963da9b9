import { describe, expect, it } from 'vitest';
import { chooseAuthStrategy } from './strategy.js';

describe('chooseAuthStrategy', () => {
  it('uses the dev sign-in page against the emulator, in any host', () => {
    expect(chooseAuthStrategy({ mode: 'emulator' }, { kind: 'browser', embedded: false })).toBe('emulator');
    expect(chooseAuthStrategy({ mode: 'emulator' }, { kind: 'teams', embedded: true })).toBe('emulator');
  });

  it('uses nested app authentication inside Teams', () => {
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'teams', embedded: true })).toBe('naa');
    // Teams mobile hosts the tab without a frame; still nested app auth.
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'teams', embedded: false })).toBe('naa');
  });

  it('uses a redirect in a top-level browser window, SharePoint link or not', () => {
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'browser', embedded: false })).toBe('redirect');
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'sharepoint', embedded: false })).toBe('redirect');
  });

  it('uses a popup when framed outside Teams, where redirects cannot work', () => {
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'sharepoint', embedded: true })).toBe('popup');
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'browser', embedded: true })).toBe('popup');
  });
});
