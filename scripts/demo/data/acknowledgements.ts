/**
 * Acknowledgements of the two all-staff policies (domain reference §7.4): SMS-POL-001 3.0 has
 * 14 of 16 acknowledged (Jack pending as a new joiner, Sofia overdue); SMS-POL-002 4.0 has 12 of
 * 16 acknowledged, 2 overdue and 2 pending.
 */
import { PERSON_KEYS, type PersonKey } from '../types.js';

export interface AckException {
  readonly status: 'Pending' | 'Overdue';
  /** Day offset of the request when it differs from the publication (joiners, people back from leave). */
  readonly requestedOn?: number;
}

export interface AckCampaign {
  readonly docId: string;
  readonly versionLabel: string;
  /** Day offset of the publication, when everyone in the audience was asked. */
  readonly requestedOn: number;
  readonly dueDays: number;
  readonly audience: readonly PersonKey[];
  readonly exceptions: Readonly<Partial<Record<PersonKey, AckException>>>;
}

export const ACK_CAMPAIGNS: readonly AckCampaign[] = [
  {
    docId: 'SMS-POL-001',
    versionLabel: '3.0',
    requestedOn: -60,
    dueDays: 14,
    audience: PERSON_KEYS,
    exceptions: {
      jack: { status: 'Pending', requestedOn: -10 },
      sofia: { status: 'Overdue' },
    },
  },
  {
    docId: 'SMS-POL-002',
    versionLabel: '4.0',
    requestedOn: -30,
    dueDays: 14,
    audience: PERSON_KEYS,
    exceptions: {
      jack: { status: 'Pending', requestedOn: -10 },
      aisha: { status: 'Pending', requestedOn: -5 },
      sofia: { status: 'Overdue' },
      ben: { status: 'Overdue' },
    },
  },
];

/** The statement a person accepts when acknowledging. */
export const ATTESTATION = 'I have read and understood this document and will follow it in my work. (statement v1)';
