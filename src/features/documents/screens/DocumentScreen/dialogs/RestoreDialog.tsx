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
  /** The document version the revision belongs to, as the history names it (`versionStory`). */
  label?: string;
}

/** "Restore" of one earlier version: its content and metadata become a new draft (history itself never changes). */
export function RestoreDialog({ services, snapshot, version, label }: RestoreDialogProps) {
  const { t } = useTranslation();
  // Named as the history names it: the document version and, to tell its revisions apart, the revision.
  const named = label ? t('documents.detail.history.versionAndRevision', { version: label, revision: version.id }) : version.id;
  const queryClient = useQueryClient();
  const restore = useMutation(restoreMutation(services, queryClient));
  return (
    <ActionDialog<Refusal, FormField>
      triggerLabel={t('documents.detail.history.restore')}
      triggerAriaLabel={t('documents.detail.history.restoreLabel', { version: named })}
      title={t('documents.detail.history.restoreTitle', { version: named })}
      confirmLabel={t('documents.detail.history.restoreConfirm')}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
      description={<Body1 as="p">{t('documents.detail.history.restoreBody', { version: named })}</Body1>}
      run={() => restore.mutateAsync({ docId: snapshot.state.docId, versionId: version.id, versionName: label ? `${label} (revision ${version.id})` : (version.releaseLabel ?? version.id) })}
    />
  );
}
