/**
 * The metadata form's state: text as typed (numbers stay strings until checked, so a wrong value
 * is kept and shown, not lost), converted to `DocumentMetadata` for the rules.
 */
import { DEFAULT_REVIEW_CYCLE_MONTHS, DOC_TYPES, isOneOf, type Classification, type DocType } from '../../../domain/documents/constants.js';
import type { DocumentMetadata } from '../services/mapping.js';

export interface MetadataFormValue {
  title: string;
  docType: string;
  ownerId: string;
  approverId: string;
  reviewerIds: string[];
  processId: string;
  primaryClause: string;
  clauseRefs: string[];
  mandatoryItem: string;
  classification: string;
  reviewCycleMonths: string;
  ackRequired: boolean;
  ackAudience: string[];
  ackDueDays: string;
  externalOrigin: boolean;
  issuer: string;
  changeSummary: string;
}

/** A blank form for a new document owned by `ownerId` (the columns' defaults). */
export function emptyMetadataForm(ownerId: string): MetadataFormValue {
  return {
    title: '',
    docType: '',
    ownerId,
    approverId: '',
    reviewerIds: [],
    processId: '',
    primaryClause: '',
    clauseRefs: [],
    mandatoryItem: 'None',
    classification: 'Internal',
    reviewCycleMonths: String(DEFAULT_REVIEW_CYCLE_MONTHS),
    ackRequired: false,
    ackAudience: [],
    ackDueDays: '14',
    externalOrigin: false,
    issuer: '',
    changeSummary: '',
  };
}

const toNumber = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The form as the rules read it. A missing document type stays blank (the rules say so). */
export function toMetadata(v: MetadataFormValue): DocumentMetadata {
  return {
    title: v.title.trim(),
    docType: (isOneOf(DOC_TYPES, v.docType) ? v.docType : v.docType.trim()) as DocType,
    ownerId: orNull(v.ownerId),
    approverIds: v.approverId ? [v.approverId] : [],
    reviewerIds: v.reviewerIds,
    processId: orNull(v.processId),
    primaryClause: orNull(v.primaryClause),
    clauseRefs: v.clauseRefs,
    mandatoryItem: v.mandatoryItem || 'None',
    classification: v.classification as Classification,
    reviewCycleMonths: toNumber(v.reviewCycleMonths),
    ackRequired: v.ackRequired,
    ackAudience: v.ackRequired ? v.ackAudience : [],
    ackDueDays: toNumber(v.ackDueDays),
    externalOrigin: v.externalOrigin,
    issuer: v.externalOrigin ? orNull(v.issuer) : null,
    changeSummary: orNull(v.changeSummary),
  };
}

/** The form showing existing metadata. */
export function fromMetadata(m: DocumentMetadata): MetadataFormValue {
  return {
    title: m.title,
    docType: m.docType,
    ownerId: m.ownerId ?? '',
    approverId: m.approverIds[0] ?? '',
    reviewerIds: [...m.reviewerIds],
    processId: m.processId ?? '',
    primaryClause: m.primaryClause ?? '',
    clauseRefs: [...m.clauseRefs],
    mandatoryItem: m.mandatoryItem,
    classification: m.classification,
    reviewCycleMonths: Number.isFinite(m.reviewCycleMonths) ? String(m.reviewCycleMonths) : '',
    ackRequired: m.ackRequired,
    ackAudience: [...m.ackAudience],
    ackDueDays: Number.isFinite(m.ackDueDays) ? String(m.ackDueDays) : '',
    externalOrigin: m.externalOrigin,
    issuer: m.issuer ?? '',
    changeSummary: m.changeSummary ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The form fields the user changed compared with `base`. */
export function changedFields(base: MetadataFormValue, now: MetadataFormValue): Partial<MetadataFormValue> {
  const out: Partial<MetadataFormValue> = {};
  for (const k of Object.keys(now) as (keyof MetadataFormValue)[]) {
    if (!same(base[k], now[k])) (out as Record<string, unknown>)[k] = now[k];
  }
  return out;
}

/** The metadata changes behind changed form fields (for a metadata write). */
export function metadataChanges(base: MetadataFormValue, now: MetadataFormValue): Partial<DocumentMetadata> {
  const changed = changedFields(base, now);
  const full = toMetadata(now);
  const out: Partial<DocumentMetadata> = {};
  const map: Record<keyof MetadataFormValue, (keyof DocumentMetadata)[]> = {
    title: ['title'],
    docType: ['docType'],
    ownerId: ['ownerId'],
    approverId: ['approverIds'],
    reviewerIds: ['reviewerIds'],
    processId: ['processId'],
    primaryClause: ['primaryClause'],
    clauseRefs: ['clauseRefs'],
    mandatoryItem: ['mandatoryItem'],
    classification: ['classification'],
    reviewCycleMonths: ['reviewCycleMonths'],
    ackRequired: ['ackRequired', 'ackAudience'],
    ackAudience: ['ackAudience'],
    ackDueDays: ['ackDueDays'],
    externalOrigin: ['externalOrigin', 'issuer'],
    issuer: ['issuer'],
    changeSummary: ['changeSummary'],
  };
  for (const k of Object.keys(changed) as (keyof MetadataFormValue)[]) {
    for (const m of map[k]) (out as Record<string, unknown>)[m] = full[m];
  }
  return out;
}
