/**
 * The SMS Settings values the register rules read (domain §5.4): who may accept a residual risk
 * score (`RiskAcceptance.OwnerMaxScore`, `RiskAcceptance.SmsManagerMaxScore`) and above which cost an
 * improvement needs top management (`Improvement.CostThreshold`). A missing or unreadable value keeps
 * the default of `DEFAULT_REGISTER_SETTINGS`.
 */
import type { GraphClient } from '../../../graph/core/client.js';
import { GraphError } from '../../../graph/core/errors.js';
import { listAllItems } from '../../../graph/lists/items.js';
import { smsSettings } from '../../../graph/schema/system.js';
import { DEFAULT_REGISTER_SETTINGS, type RegisterSettings } from '../../domain/registers/types.js';

const KEYS: Readonly<Record<string, keyof RegisterSettings>> = {
  'RiskAcceptance.OwnerMaxScore': 'ownerMaxScore',
  'RiskAcceptance.SmsManagerMaxScore': 'smsManagerMaxScore',
  'Improvement.CostThreshold': 'improvementCostThreshold',
};

/** The settings from `Key`/`Value` pairs; values that are not numbers are ignored. */
export function settingsOf(pairs: readonly { key: unknown; value: unknown }[]): RegisterSettings {
  const out: { -readonly [K in keyof RegisterSettings]: number } = { ...DEFAULT_REGISTER_SETTINGS };
  for (const { key, value } of pairs) {
    const name = typeof key === 'string' ? KEYS[key.trim()] : undefined;
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (name && Number.isFinite(n)) out[name] = n;
  }
  return out;
}

/**
 * Reads SMS Settings (`GET /sites/{site-id}/lists/SMS Settings/items`, a few dozen items) into the
 * register settings. A site without the list, or a reader it is hidden from, gets the defaults.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 */
export async function loadRegisterSettings(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<RegisterSettings> {
  try {
    const items = await listAllItems(client, siteId, smsSettings.displayName, { select: ['Key', 'Value'], top: 200, signal });
    return settingsOf(items.map((i) => ({ key: i.fields.Key, value: i.fields.Value })));
  } catch (e) {
    if (e instanceof GraphError && (e.status === 404 || e.status === 403)) return DEFAULT_REGISTER_SETTINGS;
    throw e;
  }
}
