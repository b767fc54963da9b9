import { useState } from 'react';
import { Body1, Field, Textarea } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { documentTransition } from '../../../../../domain/documents/lifecycle.js';
import { refuse, type Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { lifecycleRefusals, type FormField } from '../../../i18n/messages.js';
import { archiveMutation, reviewNoChangeMutation, withdrawMutation } from '../../../mutations.js';
import { transitionContext, type DocumentServices, type DocumentSnapshot } from '../../../services/index.js';

const REASON_TEXT = {
  review: {
    trigger: 'documents.lifecycle.review.trigger',
    title: 'documents.lifecycle.review.title',
    confirm: 'documents.lifecycle.review.confirm',
    body: 'documents.lifecycle.review.body',
    field: 'documents.lifecycle.review.comment',
  },
  withdraw: {
    trigger: 'documents.lifecycle.withdraw.trigger',
    title: 'documents.lifecycle.withdraw.title',
    confirm: 'documents.lifecycle.withdraw.confirm',
    body: 'documents.lifecycle.withdraw.body',
    field: 'documents.lifecycle.withdraw.reason',
  },
  archive: {
    trigger: 'documents.lifecycle.archive.trigger',
    title: 'documents.lifecycle.archive.title',
    confirm: 'documents.lifecycle.archive.confirm',
    body: 'documents.lifecycle.archive.body',
    field: 'documents.lifecycle.archive.reason',
  },
} as const;

export interface ReasonDialogProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  kind: keyof typeof REASON_TEXT;
}

/** What the rules say to a reason step before it is sent (the archive reason is required by the app). */
function checkReason(services: DocumentServices, snapshot: DocumentSnapshot, kind: ReasonDialogProps['kind'], text: string): Refusal | null {
  if (kind === 'archive') return text.trim() ? null : refuse('reasonRequired', 'Give the reason for archiving.');
  const action = kind === 'review' ? ({ type: 'reviewNoChange', comment: text } as const) : ({ type: 'withdraw', reason: text } as const);
  const r = documentTransition(snapshot.state, action, services.me, transitionContext(services));
  return r.ok ? null : r;
}

/** Periodic review ("reviewed, no change"), withdrawal and archive: one text field each (a reason is required to withdraw or archive). */
export function ReasonDialog({ services, snapshot, kind }: ReasonDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const review = useMutation(reviewNoChangeMutation(services, queryClient));
  const withdraw = useMutation(withdrawMutation(services, queryClient));
  const archive = useMutation(archiveMutation(services, queryClient));
  const [text, setText] = useState('');
  const keys = REASON_TEXT[kind];
  const docId = snapshot.state.docId;
  return (
    <ActionDialog<Refusal, FormField>
      triggerLabel={t(keys.trigger)}
      title={t(keys.title, { docId })}
      confirmLabel={t(keys.confirm)}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
      description={<Body1 as="p">{t(keys.body, { date: snapshot.state.nextReviewDate ?? '—' })}</Body1>}
      precheck={() => checkReason(services, snapshot, kind, text)}
      run={() =>
        kind === 'review'
          ? review.mutateAsync({ docId, comment: text.trim() })
          : kind === 'withdraw'
            ? withdraw.mutateAsync({ docId, reason: text.trim() })
            : archive.mutateAsync({ docId, reason: text.trim() })
      }
      onReset={() => setText('')}
    >
      {({ fieldError, busy }) => (
        <Field
          label={t(keys.field)}
          required={kind !== 'review'}
          {...(fieldError('reason') ? { validationMessage: fieldError('reason'), validationState: 'error' as const } : {})}
        >
          <Textarea value={text} disabled={busy} onChange={(_, d) => setText(d.value)} />
        </Field>
      )}
    </ActionDialog>
  );
}
