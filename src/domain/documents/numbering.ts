/**
 * Document numbering (domain §3.4 item 1, §7.4): `SMS-<prefix>-<nnn>`, one counter per prefix in
 * the `SMS Sequences` list (SequenceName `SMS-POL`, Prefix `SMS-POL-`, NextNumber, Padding 3, as
 * the demo seed writes them). Reading the counter and writing it back with `If-Match: <eTag read>`
 * (retry on 412) is graph/'s job; these functions only compute the values.
 *
 * Prefix per DocType. The demo ids of §7.4 fix POL (Policy), PLN (Plan), PRC (Procedure — the
 * Incident and Internal Audit procedures), CAT (Catalogue), AGR (Agreement) and SCP (the SMS scope,
 * DocType Policy, mandatory item D1). The rest follow the same three-letter pattern:
 *
 * | DocType             | Prefix |
 * |---------------------|--------|
 * | Policy              | POL (SCP when MandatoryItem = D1, the scope of the SMS) |
 * | Plan                | PLN    |
 * | Process description | PRD    |
 * | Procedure           | PRC    |
 * | Work instruction    | WI     |
 * | Form/Template       | FRM    |
 * | Catalogue           | CAT    |
 * | Agreement           | AGR    |
 * | Contract            | CON    |
 * | Register            | REG    |
 * | External document   | EXT    |
 */
import { DOC_TYPES, type DocType } from './constants.js';

/** Text before every document id. */
export const DOC_ID_NAMESPACE = 'SMS';

/** Mandatory item (§3.1) of the SMS scope document, which is numbered `SMS-SCP-nnn`. */
export const SCOPE_MANDATORY_ITEM = 'D1';
export const SCOPE_PREFIX = 'SCP';

/** Id prefix of each DocType (see the table above). */
export const DOC_ID_PREFIXES: Readonly<Record<DocType, string>> = {
  Policy: 'POL',
  Plan: 'PLN',
  'Process description': 'PRD',
  Procedure: 'PRC',
  'Work instruction': 'WI',
  'Form/Template': 'FRM',
  Catalogue: 'CAT',
  Agreement: 'AGR',
  Contract: 'CON',
  Register: 'REG',
  'External document': 'EXT',
};

/** Default zero-padded width of the number (SMS-POL-004). */
export const DOC_ID_PADDING = 3;

/** One `SMS Sequences` item: the counter that hands out the next number for one prefix. */
export interface SequenceState {
  /** `SequenceName`, e.g. `SMS-POL`. */
  readonly sequenceName: string;
  /** `Prefix`, e.g. `SMS-POL-`. */
  readonly prefix: string;
  /** `NextNumber`: the number the next id gets (≥ 1). */
  readonly nextNumber: number;
  /** `Padding`: zero-padded width of the number. */
  readonly padding: number;
}

/** The id prefix of a new document of this type: `POL`, or `SCP` for the scope document (D1). */
export function docIdPrefix(type: DocType, mandatoryItem?: string | null): string {
  if (mandatoryItem === SCOPE_MANDATORY_ITEM) return SCOPE_PREFIX;
  return DOC_ID_PREFIXES[type];
}

/** `SequenceName` of the counter that numbers documents of this type, e.g. `SMS-POL`. */
export function docSequenceName(type: DocType, mandatoryItem?: string | null): string {
  return `${DOC_ID_NAMESPACE}-${docIdPrefix(type, mandatoryItem)}`;
}

/** A fresh counter for documents of this type (NextNumber 1), for when none exists yet. */
export function newDocSequence(type: DocType, mandatoryItem?: string | null): SequenceState {
  const name = docSequenceName(type, mandatoryItem);
  return { sequenceName: name, prefix: `${name}-`, nextNumber: 1, padding: DOC_ID_PADDING };
}

function checkNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`A sequence number must be a whole number ≥ 1 (got ${n})`);
}

/**
 * The id the next document of this type gets: `nextDocId('Policy', 4)` → `SMS-POL-004`. With a
 * counter item, its NextNumber and Padding are used, and the counter must be the one for this
 * type (else `Error`: the app read the wrong item). Numbers wider than the padding are not cut.
 */
export function nextDocId(type: DocType, sequence: number | SequenceState, options: { mandatoryItem?: string | null } = {}): string {
  const name = docSequenceName(type, options.mandatoryItem);
  let number: number;
  let padding = DOC_ID_PADDING;
  if (typeof sequence === 'number') {
    number = sequence;
  } else {
    if (sequence.sequenceName !== name || sequence.prefix !== `${name}-`) {
      throw new Error(`Sequence ${sequence.sequenceName} (${sequence.prefix}) does not number ${type} documents; expected ${name}`);
    }
    number = sequence.nextNumber;
    if (Number.isInteger(sequence.padding) && sequence.padding >= 1) padding = sequence.padding;
  }
  checkNumber(number);
  return `${name}-${String(number).padStart(padding, '0')}`;
}

/**
 * The counter after one number has been handed out (NextNumber + 1). The app PATCHes this back
 * with the eTag it read; on 412 it re-reads and tries again. Works for any SMS Sequences item.
 */
export function sequenceUpdate<T extends { readonly nextNumber: number }>(current: T): T {
  checkNumber(current.nextNumber);
  return { ...current, nextNumber: current.nextNumber + 1 };
}

/** The next id and the counter to write back, in one step. */
export function issueDocId(type: DocType, sequence: SequenceState, options: { mandatoryItem?: string | null } = {}): { docId: string; next: SequenceState } {
  return { docId: nextDocId(type, sequence, options), next: sequenceUpdate(sequence) };
}

/** A document id split into its parts. */
export interface ParsedDocId {
  readonly prefix: string;
  readonly number: number;
  /** The DocType the prefix stands for; `Policy` for SCP; undefined for an unknown prefix. */
  readonly docType: DocType | undefined;
}

const DOC_ID = /^SMS-([A-Z]{2,3})-(\d{3,})$/;

/** `'SMS-PRC-010'` → `{ prefix: 'PRC', number: 10, docType: 'Procedure' }`; undefined if malformed. */
export function parseDocId(docId: string): ParsedDocId | undefined {
  const m = DOC_ID.exec(docId);
  if (!m) return undefined;
  const prefix = m[1]!;
  const number = Number(m[2]);
  if (number < 1) return undefined;
  const docType = prefix === SCOPE_PREFIX ? 'Policy' : DOC_TYPES.find((t) => DOC_ID_PREFIXES[t] === prefix);
  return { prefix, number, docType };
}
