import { describe, expect, it } from 'vitest';
import { cloudFeatures } from '../config.js';
import { APP_SCOPES, FEATURE_SCOPES, SIGN_IN_SCOPES, featureScopes, msalScopes } from './scopes.js';

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

describe('featureScopes per cloud', () => {
  it('asks for Planner (Tasks.ReadWrite) in the global service, for documents, registers (their actions) and actions', () => {
    const global = cloudFeatures({ cloud: 'global' });
    expect(featureScopes('documents', global)).toContain('Tasks.ReadWrite');
    expect(featureScopes('actions', global)).toContain('Tasks.ReadWrite');
    expect(featureScopes('registers', global)).toContain('Tasks.ReadWrite');
  });

  it('never asks for Tasks.ReadWrite in China (21Vianet), which has no Planner, and keeps every other scope', () => {
    const china = cloudFeatures({ cloud: 'china' });
    for (const feature of Object.keys(FEATURE_SCOPES) as (keyof typeof FEATURE_SCOPES)[]) {
      expect(featureScopes(feature, china), feature).not.toContain('Tasks.ReadWrite');
      expect(featureScopes(feature, china), feature).toEqual(FEATURE_SCOPES[feature].filter((s) => s !== 'Tasks.ReadWrite'));
    }
    expect(featureScopes('documents', china)).toContain('Sites.ReadWrite.All');
  });
});
