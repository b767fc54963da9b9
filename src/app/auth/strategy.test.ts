import { describe, expect, it } from 'vitest';
import { chooseAuthStrategy } from './strategy.js';

const naa = { naaRecommended: true };

describe('chooseAuthStrategy', () => {
  it('uses the dev sign-in page against the emulator, in any host', () => {
    expect(chooseAuthStrategy({ mode: 'emulator' }, { kind: 'browser', embedded: false })).toBe('emulator');
    expect(chooseAuthStrategy({ mode: 'emulator' }, { kind: 'teams', embedded: true, teams: naa })).toBe('emulator');
  });

  it('uses nested app authentication inside Teams when teams-js recommends the NAA channel', () => {
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'teams', embedded: true, teams: naa })).toBe('naa');
    // Teams mobile hosts the tab without a frame; still nested app auth.
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'teams', embedded: false, teams: naa })).toBe('naa');
  });

  it('falls back to an MSAL popup in a Teams client that does not recommend NAA (or cannot say)', () => {
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'teams', embedded: true, teams: { naaRecommended: false } })).toBe('popup');
    expect(chooseAuthStrategy({ mode: 'tenant' }, { kind: 'teams', embedded: false, teams: {} })).toBe('popup');
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
