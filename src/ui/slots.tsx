import { createContext, useContext, useMemo, type ComponentType, type ReactNode } from 'react';
import type { AckFigures } from '../domain/acknowledgements/index.js';

/**
 * Slots: places in one area's screen where another area shows something of its own, without either
 * importing the other (features never import each other, docs/ARCHITECTURE.md). The screen renders
 * `useSlot(name)` with the slot's props; the composition root (src/app) fills the slot with a
 * component of the other area through `SlotsProvider`. An empty slot renders nothing.
 *
 * | Slot                       | Rendered by                    | Props                                   |
 * |----------------------------|--------------------------------|-----------------------------------------|
 * | `documentAcknowledgement`  | the document page (documents)  | {@link DocumentAcknowledgementSlotProps} |
 * | `homeAcknowledgementCompliance` | Home (home), for SMS managers and document controllers | {@link HomeComplianceSlotProps} |
 * | `recordActions`            | a register record's page (registers), for registers that raise actions | {@link RecordActionsSlotProps} |
 */

/** Props of the `documentAcknowledgement` slot: the document shown and its published version. */
export interface DocumentAcknowledgementSlotProps {
  readonly docId: string;
  /** The release label of the published version shown (e.g. `3.0`), or null when none is published. */
  readonly publishedVersion: string | null;
}

/**
 * Props of the `homeAcknowledgementCompliance` slot: the open campaigns' figures Home read in its own `$batch`
 * (src/platform/acknowledgements/homeCompliance.ts `HomeCompliance`), and the class of Home's card frame.
 */
export interface HomeComplianceSlotProps {
  readonly compliance:
    | {
        readonly state: 'counted';
        readonly campaigns: readonly { readonly campaignId: string; readonly releaseId: number; readonly docId: string; readonly versionLabel: string; readonly dueDate: string; readonly figures: AckFigures | null }[];
      }
    | { readonly state: 'missingList' }
    | { readonly state: 'noAccess' };
  readonly className?: string;
}

/**
 * Props of the `recordActions` slot: the register record whose actions are shown (and from which new ones are
 * raised). People are named by lower-case UPN. The part is a section with its own heading ("Actions", an h2),
 * as the `documentAcknowledgement` part is: the record page renders it as it is, without a frame of its own.
 */
export interface RecordActionsSlotProps {
  /** Schema key of the record's register (`nonconformities`, `risks`, …). */
  readonly register: string;
  /** The record's list item id. */
  readonly itemId: number;
  /** The record's reference (`NC-2026-004`). */
  readonly recordRef: string;
  /** Lower-case UPN of the record's owner (accountable for its actions), or null. */
  readonly ownerId: string | null;
  /** The record's primary ISO/IEC 20000-1 clause, or null. */
  readonly primaryClause: string | null;
}

/** Every slot by name, with the props its component receives. */
export interface SlotProps {
  readonly documentAcknowledgement: DocumentAcknowledgementSlotProps;
  readonly homeAcknowledgementCompliance: HomeComplianceSlotProps;
  readonly recordActions: RecordActionsSlotProps;
}

export type SlotName = keyof SlotProps;

/** The components filling the slots (a slot without one stays empty). */
export type Slots = { readonly [N in SlotName]?: ComponentType<SlotProps[N]> };

const SlotsContext = createContext<Slots>({});

/** Fills slots for everything below it; an inner provider adds to (and may replace) the outer one's slots. */
export function SlotsProvider({ slots, children }: { slots: Slots; children: ReactNode }) {
  const outer = useContext(SlotsContext);
  const value = useMemo(() => ({ ...outer, ...slots }), [outer, slots]);
  return <SlotsContext.Provider value={value}>{children}</SlotsContext.Provider>;
}

/** The component filling slot `name`, or null when nobody filled it. */
export function useSlot<N extends SlotName>(name: N): ComponentType<SlotProps[N]> | null {
  return (useContext(SlotsContext)[name] as ComponentType<SlotProps[N]> | undefined) ?? null;
}
