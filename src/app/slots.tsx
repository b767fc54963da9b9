import { Suspense, type ReactNode } from 'react';
import { SlotsProvider, type DocumentAcknowledgementSlotProps, type HomeComplianceSlotProps, type RecordActionsSlotProps, type Slots } from '../ui/slots.js';
import { retryableLazy } from './shell/lazyScreen.js';

/**
 * What fills the slots of the app's screens (src/ui/slots.tsx): one area's part on another area's
 * screen, wired here because features never import each other. Each part is downloaded with its
 * area's chunk when first shown, and shows nothing meanwhile.
 */
const AcknowledgementPanel = retryableLazy<DocumentAcknowledgementSlotProps>(() => import('../features/acknowledgements/index.js').then((m) => m.DocumentAcknowledgementPanel));

function DocumentAcknowledgement(props: DocumentAcknowledgementSlotProps) {
  return (
    <Suspense fallback={null}>
      <AcknowledgementPanel {...props} />
    </Suspense>
  );
}

const ComplianceCard = retryableLazy<HomeComplianceSlotProps>(() => import('../features/acknowledgements/index.js').then((m) => m.AckStatusHome));

function HomeAcknowledgementCompliance(props: HomeComplianceSlotProps) {
  return (
    <Suspense fallback={null}>
      <ComplianceCard {...props} />
    </Suspense>
  );
}

const RecordActionsPart = retryableLazy<RecordActionsSlotProps>(() => import('../features/actions/index.js').then((m) => m.RecordActions));

function RecordActions(props: RecordActionsSlotProps) {
  return (
    <Suspense fallback={null}>
      <RecordActionsPart {...props} />
    </Suspense>
  );
}

export const APP_SLOTS: Slots = { documentAcknowledgement: DocumentAcknowledgement, homeAcknowledgementCompliance: HomeAcknowledgementCompliance, recordActions: RecordActions };

/** Fills the app's slots for everything below it. */
export function AppSlots({ children }: { children: ReactNode }) {
  return <SlotsProvider slots={APP_SLOTS}>{children}</SlotsProvider>;
}
