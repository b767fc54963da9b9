import { describe, expect, it } from 'vitest';
import { APP_SCOPES, FEATURE_SCOPES, SIGN_IN_SCOPES, msalScopes } from './scopes.js';

describe('msalScopes', () => {
  it('qualifies the sign-in scopes with the Graph resource of the configured endpoint', () => {
    const scopes = msalScopes('https://graph.microsoft.com/v1.0');
    expect(scopes).toEqual(['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/Sites.Read.All']);
  });

  it('qualifies a feature scope list the same way, and follows a national cloud endpoint', () => {
    expect(msalScopes('https://graph.microsoft.com/v1.0', FEATURE_SCOPES.documents)).toContain('https://graph.microsoft.com/Sites.ReadWrite.All');
    expect(msalScopes('https://graph.microsoft.us/v1.0')[0]).toBe('https://graph.microsoft.us/User.Read');
  });
});

describe('least privilege', () => {
  it('asks at sign-in only for what Home reads, none of which needs an administrator', () => {
    expect([...SIGN_IN_SCOPES]).toEqual(['User.Read', 'Sites.Read.All']);
  });

  it('never asks for Files.ReadWrite.All (Sites.ReadWrite.All covers the site libraries) nor Group.ReadWrite.All', () => {
    expect(APP_SCOPES).not.toContain('Files.ReadWrite.All');
    expect(APP_SCOPES).not.toContain('Group.ReadWrite.All');
  });

  it('asks for no application-only or directory-write permission', () => {
    expect(APP_SCOPES.some((s) => /Directory\.|\.All\.Application|Sites\.FullControl/.test(s))).toBe(false);
  });
});
