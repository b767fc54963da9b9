import { useState } from 'react';
import { Body1, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FinalDecision } from '../../../../../domain/documents/approvals.js';
import type { Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { lifecycleRefusals, refusalMessage, type FormField } from '../../../i18n/messages.js';
import { decisionMutation } from '../../../mutations.js';
import { versionHistoryQuery } from '../../../queries.js';
import { checkDecision, releaseDisplayLabel, releasedAs, versionStory, type ApprovalRow, type DocumentServices, type DocumentSnapshot } from '../../../services/index.js';
import { ChangedAfterSubmission } from '../VersionStory.js';

export interface ApprovalDialogProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  /** The signed-in user's pending approval of the version in review. */
  approval: ApprovalRow;
}

/**
 * The signed-in reviewer's or approver's decision on the version in review: approve, or request
 * changes with a comment. The rules (`decideApproval`) are asked before anything is sent: the
 * author of the version cannot approve it (the choice is disabled with the reason), and asking for
 * changes without a comment is refused next to the comment.
 */
export function ApprovalDialog({ services, snapshot, approval }: ApprovalDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decide = useMutation(decisionMutation(services, queryClient));
  const [decision, setDecision] = useState<FinalDecision | ''>('');
  const [comment, setComment] = useState('');
  // What the rules would say to "Approve" by this user, before they choose it.
  const approveRefusal = checkDecision(services, snapshot, approval, 'Approved', null);
  const approveBlocked = approveRefusal !== null && approveRefusal.reason !== 'commentRequired';
  // The version as the page names it (a new document's 0.1 draft is version 1.0; see services/versionStory.ts).
  const label = snapshot.draftRelease ? releaseDisplayLabel(snapshot.draftRelease) : snapshot.state.draftVersion ? releasedAs(snapshot.state.draftVersion) : '';
  // The page's version history (same query, no extra request): a file changed after submission is said here too.
  const history = useQuery(versionHistoryQuery(services, snapshot));

  return (
    <ActionDialog<Refusal, FormField>
      primary
      triggerLabel={t('documents.lifecycle.approval.trigger')}
      title={t('documents.lifecycle.approval.title', { docId: snapshot.state.docId, version: label })}
      confirmLabel={t('documents.lifecycle.approval.confirm')}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
      description={
        <>
          <ChangedAfterSubmission story={versionStory(history.data ?? [], snapshot.state)} />
          <Body1 as="p">
            {approval.step === 'Approval' ? t('documents.lifecycle.approval.asApprover') : t('documents.lifecycle.approval.asReviewer')}
          </Body1>
        </>
      }
      precheck={() => (decision === '' ? { ok: false, reason: 'invalidDecision', message: 'Choose a decision.' } : checkDecision(services, snapshot, approval, decision, comment.trim() || null))}
      run={async () => {
        if (decision === '') return;
        await decide.mutateAsync({ docId: snapshot.state.docId, approvalItemId: approval.itemId, decision, comment: comment.trim() || null });
      }}
      onReset={() => {
        setDecision('');
        setComment('');
      }}
    >
      {({ fieldError, busy }) => (
        <>
          <Field
            label={t('documents.lifecycle.approval.decision')}
            required
            {...(fieldError('decision')
              ? { validationMessage: fieldError('decision'), validationState: 'error' as const }
              : approveBlocked
                ? { validationMessage: refusalMessage(t, approveRefusal), validationState: 'warning' as const }
                : {})}
          >
            <RadioGroup value={decision} disabled={busy} onChange={(_, d) => setDecision(d.value as FinalDecision)}>
              <Radio value="Approved" label={t('documents.lifecycle.approval.approve')} disabled={approveBlocked} />
              <Radio value="Changes requested" label={t('documents.lifecycle.approval.requestChanges')} />
            </RadioGroup>
          </Field>
          <Field
            label={t('documents.lifecycle.approval.comment')}
            hint={t('documents.lifecycle.approval.commentHint')}
            {...(fieldError('comment') ? { validationMessage: fieldError('comment'), validationState: 'error' as const } : {})}
          >
            <Textarea value={comment} disabled={busy} onChange={(_, d) => setComment(d.value)} />
          </Field>
        </>
      )}
    </ActionDialog>
  );
}
