import { useTranslation } from 'react-i18next';
import { samePerson } from '../../../../domain/documents/types.js';
import { canEditDraftNow, offeredActions, type DocumentServices, type DocumentSnapshot } from '../../services/index.js';
import { useDocumentScreenStyles } from './DocumentScreen.styles.js';
import { ApprovalDialog } from './dialogs/ApprovalDialog.js';
import { CompleteRoundDialog } from './dialogs/CompleteRoundDialog.js';
import { DraftUploadDialog } from './dialogs/DraftUploadDialog.js';
import { EditMetadataDialog } from './dialogs/EditMetadataDialog.js';
import { PublishDialog } from './dialogs/PublishDialog.js';
import { ReasonDialog } from './dialogs/ReasonDialog.js';
import { SubmitDialog } from './dialogs/SubmitDialog.js';

export interface DocumentActionsProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  reload(): Promise<DocumentSnapshot>;
}

/**
 * The lifecycle steps the signed-in user may take on this document now, each in its dialog
 * (`dialogs/`). Which steps show is asked of the rules (`offeredActions`, a dry run); every step
 * is checked by the rules again when it runs, so a hidden step is also refused if called some other way.
 */
export function DocumentActions({ services, snapshot, reload }: DocumentActionsProps) {
  const { t } = useTranslation();
  const styles = useDocumentScreenStyles();
  const offered = offeredActions(services, snapshot.state, snapshot.approvals);
  const docId = snapshot.state.docId;
  const mine = snapshot.draftRelease?.versionStatus === 'In review' ? snapshot.approvals.find((a) => a.decision === 'Pending' && samePerson(a.assigneeId, services.me.id)) : undefined;
  const editable = canEditDraftNow(services.me, snapshot.state);
  if (offered.size === 0 && mine === undefined && !editable) return null;
  return (
    <div className={styles.lifecycleActions} role="group" aria-label={t('documents.lifecycle.actionsLabel')}>
      {mine && <ApprovalDialog services={services} snapshot={snapshot} approval={mine} />}
      {offered.has('submit') && <SubmitDialog services={services} snapshot={snapshot} />}
      {offered.has('completeRound') && <CompleteRoundDialog services={services} docId={docId} />}
      {offered.has('publish') && <PublishDialog services={services} docId={docId} />}
      {editable && <EditMetadataDialog services={services} snapshot={snapshot} reload={reload} />}
      {editable && <DraftUploadDialog services={services} snapshot={snapshot} mode="upload" />}
      {offered.has('startRevision') && <DraftUploadDialog services={services} snapshot={snapshot} mode="revise" />}
      {offered.has('reviewNoChange') && <ReasonDialog services={services} snapshot={snapshot} kind="review" />}
      {offered.has('withdraw') && <ReasonDialog services={services} snapshot={snapshot} kind="withdraw" />}
      {offered.has('archive') && <ReasonDialog services={services} snapshot={snapshot} kind="archive" />}
    </div>
  );
}
