/** Catalog keys of the employee's side of the Acknowledgements area (strings in src/app/i18n/<lang>.json). */
import { useTranslation } from 'react-i18next';
import { AcknowledgementRefusedError } from '../../../platform/acknowledgements/index.js';
import type { RefusalExplanation } from '../../../ui/RefusalMessage.js';

/** Why the engine refused an acknowledgement, by its code (`AcknowledgementRefusedError.code`). */
const REFUSAL_KEYS = {
  notAllowedFromStatus: 'ackMine.refusal.notAllowedFromStatus',
  notOwnRequest: 'ackMine.refusal.notOwnRequest',
  attestationMissing: 'ackMine.refusal.attestationMissing',
  notOwnAcknowledgement: 'ackMine.refusal.notOwnAcknowledgement',
} as const;

/** The refusal of an acknowledgement in the user's language, or null when `error` is not a refusal (a failed write). */
export function useRefusalOf(): (error: unknown, what: { docId: string; version: string }) => RefusalExplanation | null {
  const { t } = useTranslation();
  return (error, what) => {
    if (!(error instanceof AcknowledgementRefusedError)) return null;
    const key = (REFUSAL_KEYS as Record<string, (typeof REFUSAL_KEYS)[keyof typeof REFUSAL_KEYS] | undefined>)[error.code];
    return { message: key ? t(key, what) : error.message };
  };
}
