import { Body1 } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { lifecycleRefusals, type FormField } from '../../../i18n/messages.js';
import { completeRoundMutation } from '../../../mutations.js';
import type { DocumentServices } from '../../../services/index.js';

export interface CompleteRoundDialogProps {
  services: DocumentServices;
  docId: string;
}

/** Finishes a review whose decisions are all in while the document is still In review (an earlier step failed). */
export function CompleteRoundDialog({ services, docId }: CompleteRoundDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const complete = useMutation(completeRoundMutation(services, queryClient));
  return (
    <ActionDialog<Refusal, FormField>
      primary
      triggerLabel={t('documents.lifecycle.complete.trigger')}
      title={t('documents.lifecycle.complete.title', { docId })}
      confirmLabel={t('documents.lifecycle.complete.confirm')}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
      description={<Body1 as="p">{t('documents.lifecycle.complete.body')}</Body1>}
      run={() => complete.mutateAsync({ docId })}
    />
  );
}
