import { Body1 } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { lifecycleRefusals, type FormField } from '../../../i18n/messages.js';
import { publishMutation } from '../../../mutations.js';
import type { DocumentServices } from '../../../services/index.js';

export interface PublishDialogProps {
  services: DocumentServices;
  docId: string;
}

/** "Publish": the approved version becomes the published major version (the rules check it when it runs). */
export function PublishDialog({ services, docId }: PublishDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const publish = useMutation(publishMutation(services, queryClient));
  return (
    <ActionDialog<Refusal, FormField>
      primary
      triggerLabel={t('documents.lifecycle.publish.trigger')}
      title={t('documents.lifecycle.publish.title', { docId })}
      confirmLabel={t('documents.lifecycle.publish.confirm')}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
      description={<Body1 as="p">{t('documents.lifecycle.publish.body')}</Body1>}
      run={() => publish.mutateAsync({ docId })}
    />
  );
}
