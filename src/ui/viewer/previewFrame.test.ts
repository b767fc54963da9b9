import { describe, expect, it } from 'vitest';
import { previewFrame, previewPolicyOf, type PreviewPolicy } from './previewFrame.js';

/** Which preview URLs the Word viewer frames, and with which sandbox. */
const APP = 'http://127.0.0.1:5173';
const tenant: PreviewPolicy = { mode: 'tenant' };
const emulator: PreviewPolicy = { mode: 'emulator', emulatorOrigin: 'http://127.0.0.1:4000' };

describe('previewFrame', () => {
  it('frames an https preview from another origin with scripts and its own origin', () => {
    expect(previewFrame('https://kestrelms.sharepoint.com/sites/KestrelSMS/_layouts/15/embed.aspx?x=1', APP, tenant)).toEqual({
      ok: true,
      sandbox: 'allow-scripts allow-same-origin allow-popups',
    });
  });

  it('never gives a preview on the app’s own origin scripts or that origin', () => {
    expect(previewFrame('https://app.example.com/preview', 'https://app.example.com', tenant)).toEqual({ ok: true, sandbox: 'allow-popups' });
  });

  it('refuses javascript:, data:, about:, blob: and malformed URLs', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'about:blank', 'blob:https://x.example/abc', 'not a url', '']) {
      expect(previewFrame(url, APP, emulator)).toEqual({ ok: false });
      expect(previewFrame(url, APP, tenant)).toEqual({ ok: false });
    }
  });

  it('takes plain http only from the configured emulator, in emulator mode', () => {
    expect(previewFrame('http://127.0.0.1:4000/_preview/abc', APP, emulator)).toEqual({ ok: true, sandbox: 'allow-scripts allow-same-origin allow-popups' });
    expect(previewFrame('http://127.0.0.1:4000/_preview/abc', APP, tenant)).toEqual({ ok: false });
    expect(previewFrame('http://127.0.0.1:4001/_preview/abc', APP, emulator)).toEqual({ ok: false });
    expect(previewFrame('http://evil.example/_preview/abc', APP, emulator)).toEqual({ ok: false });
    expect(previewFrame('http://localhost:4000/_preview/abc', APP, { mode: 'emulator', emulatorOrigin: 'http://localhost:4000' })).toMatchObject({ ok: true });
    // A configured emulator origin that is not a loopback host is not trusted over http.
    expect(previewFrame('http://emulator.example:4000/p', APP, { mode: 'emulator', emulatorOrigin: 'http://emulator.example:4000' })).toEqual({ ok: false });
  });

  it('reads the emulator origin from the runtime configuration', () => {
    expect(previewPolicyOf({ mode: 'emulator', graphBaseUrl: 'http://127.0.0.1:4000/v1.0', devAuthUrl: 'http://127.0.0.1:4000' })).toEqual(emulator);
    expect(previewPolicyOf({ mode: 'tenant', graphBaseUrl: 'https://graph.microsoft.com/v1.0', clientId: '00000000-0000-0000-0000-000000000000', tenantId: 'contoso.onmicrosoft.com', siteUrl: 'https://contoso.sharepoint.com/sites/SMS' })).toEqual(tenant);
  });
});
