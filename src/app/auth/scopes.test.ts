import { describe, expect, it } from 'vitest';
import { APP_SCOPES, msalScopes } from './scopes.js';

describe('msalScopes', () => {
  it('qualifies every app scope with the Graph resource of the configured endpoint', () => {
    const scopes = msalScopes('https://graph.microsoft.com/v1.0');
    expect(scopes).toHaveLength(APP_SCOPES.length);
    expect(scopes).toContain('https://graph.microsoft.com/User.Read');
    expect(scopes).toContain('https://graph.microsoft.com/GroupMember.Read.All');
    expect(scopes.every((s) => s.startsWith('https://graph.microsoft.com/'))).toBe(true);
  });

  it('follows a national cloud endpoint', () => {
    expect(msalScopes('https://graph.microsoft.us/v1.0')[0]).toBe('https://graph.microsoft.us/User.Read');
  });

  it('asks for no application-only or directory-write permission', () => {
    expect(APP_SCOPES.some((s) => /Directory\.|\.All\.Application|Sites\.FullControl/.test(s))).toBe(false);
  });
});
