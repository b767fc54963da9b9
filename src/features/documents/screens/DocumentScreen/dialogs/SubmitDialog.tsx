import { useState } from 'react';
import { Body1, Field, Textarea } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { documentTransition } from '../../../../../domain/documents/lifecycle.js';
import type { Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { lifecycleRefusals, type FormField } from '../../../i18n/messages.js';
import { submitMutation } from '../../../mutations.js';
import { transitionContext, type DocumentServices, type DocumentSnapshot } from '../../../services/index.js';

export interface SubmitDialogProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
}

/**
 * "Submit for review": the draft goes to its reviewers and approver, with an optional note. Where the
 * cloud has no Planner (`services.planner === false`, 21Vianet), it says the approver gets no Planner task.
 */
export function SubmitDialog({ services, snapshot }: SubmitDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const submit = useMutation(submitMutation(services, queryClient));
  const [comment, setComment] = useState('');
  const nameOf = (id: string) => services.people.nameOf(id);
  return (
    <ActionDialog<Refusal, FormField>
      primary
      triggerLabel={t('documents.lifecycle.submit.trigger')}
      title={t('documents.lifecycle.submit.title', { docId: snapshot.state.docId })}
      confirmLabel={t('documents.lifecycle.submit.confirm')}
      {...lifecycleRefusals(t, nameOf)}
      description={<Body1 as="p">{t(services.planner === false ? 'documents.lifecycle.submit.bodyNoPlanner' : 'documents.lifecycle.submit.body', { approver: snapshot.state.approverIds.map(nameOf).join(', ') || '—' })}</Body1>}
      precheck={() => {
        const r = documentTransition(snapshot.state, { type: 'submit', comment }, services.me, transitionContext(services));
        return r.ok ? null : r;
      }}
      run={() => submit.mutateAsync({ docId: snapshot.state.docId, comment: comment.trim() || undefined })}
      onReset={() => setComment('')}
    >
      {({ busy }) => (
        <Field label={t('documents.lifecycle.submit.comment')}>
          <Textarea value={comment} disabled={busy} onChange={(_, d) => setComment(d.value)} />
        </Field>
      )}
    </ActionDialog>
  );
}
