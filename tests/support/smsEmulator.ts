/**
 * An emulator on port 0 with the SMS site provisioned (graph/provisioning, over HTTP as
 * `npm run provision` does), and Graph clients for any demo user. For tests of `src/platform/` and
 * for the benches; not a test file itself.
 */
import type { GraphClient } from '../../graph/core/client.js';
import { emulatorGraphClient, provisionEmulator, SMS_SITE_URL } from '../../graph/provisioning/emulatorTarget.js';
import { ALL_SCOPES, startTestEmulator, type TestEmulator } from './emulator.js';

export interface SmsEmulator {
  emu: TestEmulator;
  siteId: string;
  siteWebUrl: string;
  /** A Graph client signed in as `upn` with every scope the app asks for. */
  clientAs(upn: string): GraphClient;
  close(): Promise<void>;
}

export async function startSmsEmulator(opts: Parameters<typeof startTestEmulator>[0] = {}): Promise<SmsEmulator> {
  const emu = await startTestEmulator(opts);
  try {
    const result = await provisionEmulator({ origin: emu.origin, log: () => undefined });
    const clients = new Map<string, GraphClient>();
    return {
      emu,
      siteId: result.siteId,
      siteWebUrl: SMS_SITE_URL,
      clientAs(upn) {
        let c = clients.get(upn);
        if (!c) clients.set(upn, (c = emulatorGraphClient(emu.origin, upn, ALL_SCOPES)));
        return c;
      },
      close: () => emu.close(),
    };
  } catch (e) {
    await emu.close();
    throw e;
  }
}
