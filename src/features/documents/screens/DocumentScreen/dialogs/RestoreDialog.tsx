import { Body1 } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { lifecycleRefusals, type FormField } from '../../../i18n/messages.js';
import { restoreMutation } from '../../../mutations.js';
import type { DocumentServices, DocumentSnapshot, VersionEntry } from '../../../services/index.js';

export interface RestoreDialogProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  version: VersionEntry;
}

/** "Restore" of one earlier version: its content and metadata become a new draft (history itself never changes). */
export function RestoreDialog({ services, snapshot, version }: RestoreDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const restore = useMutation(restoreMutation(services, queryClient));
  return (
    <ActionDialog<Refusal, FormField>
      triggerLabel={t('documents.detail.history.restore')}
      triggerAriaLabel={t('documents.detail.history.restoreLabel', { version: version.id })}
      title={t('documents.detail.history.restoreTitle', { version: version.id })}
      confirmLabel={t('documents.detail.history.restoreConfirm')}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
      description={<Body1 as="p">{t('documents.detail.history.restoreBody', { version: version.id })}</Body1>}
      run={() => restore.mutateAsync({ docId: snapshot.state.docId, versionId: version.id, versionName: version.releaseLabel ?? version.id })}
    />
  );
}
