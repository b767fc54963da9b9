import { describe, expect, it, vi } from 'vitest';
import { acquireWithConsent, ConsentRequiredError } from './consent.js';

/** MSAL's incremental consent pattern with stand-ins for acquireTokenSilent / acquireTokenPopup. */
class InteractionRequired extends Error {
  constructor(readonly errorCode: string, readonly subError = '') {
    super(errorCode);
  }
}
const isInteractionRequired = (e: unknown) => e instanceof InteractionRequired;
const scopes = ['https://graph.microsoft.com/GroupMember.Read.All'];

describe('acquireWithConsent', () => {
  it('uses the silent answer when the scopes are already consented, without a prompt', async () => {
    const interactive = vi.fn();
    await expect(acquireWithConsent(scopes, { silent: async () => 'silent', interactive, isInteractionRequired })).resolves.toBe('silent');
    expect(interactive).not.toHaveBeenCalled();
  });

  it('prompts only on InteractionRequiredAuthError, and propagates any other failure as it is', async () => {
    const prompt = acquireWithConsent(scopes, { silent: () => Promise.reject(new InteractionRequired('consent_required')), interactive: async () => 'popup', isInteractionRequired });
    await expect(prompt).resolves.toBe('popup');
    const offline = new TypeError('Failed to fetch');
    const interactive = vi.fn();
    await expect(acquireWithConsent(scopes, { silent: () => Promise.reject(offline), interactive, isInteractionRequired })).rejects.toBe(offline);
    expect(interactive).not.toHaveBeenCalled();
  });

  it('turns "Need admin approval" (AADSTS65001, AADSTS90094) into an admin-consent refusal, and a cancelled popup into a declined one', async () => {
    const silent = () => Promise.reject(new InteractionRequired('interaction_required', 'consent_required'));
    const admin = acquireWithConsent(scopes, { silent, interactive: () => Promise.reject(new Error('AADSTS90094: The grant requires admin permission.')), isInteractionRequired });
    await expect(admin).rejects.toMatchObject({ name: 'ConsentRequiredError', problem: 'admin', scopes });
    const declined = acquireWithConsent(scopes, { silent, interactive: () => Promise.reject(Object.assign(new Error('closed'), { errorCode: 'user_cancelled' })), isInteractionRequired });
    await expect(declined).rejects.toBeInstanceOf(ConsentRequiredError);
    await expect(declined).rejects.toMatchObject({ problem: 'declined' });
  });
});
