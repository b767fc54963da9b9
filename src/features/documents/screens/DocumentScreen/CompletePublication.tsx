import { Body1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkoutHolder, getPublication } from '../../../../../graph/drive/drive.js';
import type { Refusal } from '../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../ui/ActionDialog.js';
import { lifecycleRefusals, type FormField } from '../../i18n/messages.js';
import { completePublicationMutation } from '../../mutations.js';
import { documentKey } from '../../queries.js';
import { canFinishPublication, unfinishedPublicationOf, type DocumentServices, type DocumentSnapshot } from '../../services/index.js';

export interface CompletePublicationProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
}

/**
 * A publication left half done (services/resume.ts: the file not checked in, or an approved
 * version not published), shown to whoever can finish it: the user holding the file's check-out,
 * else an approver of the round or a document controller. "Complete publication" runs
 * `completePublication`, which reads the document again and does only what did not happen.
 * Someone else holding the check-out is named instead (only they can check the file in).
 */
export function CompletePublication({ services, snapshot }: CompletePublicationProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const complete = useMutation(completePublicationMutation(services, queryClient));
  const unfinished = unfinishedPublicationOf(services, snapshot);
  const driveItemId = snapshot.file.driveItemId;
  // Who holds the check-out decides who can finish; read only for a half-done publication.
  const publication = useQuery({
    queryKey: [...documentKey(services.site.siteId, snapshot.state.docId), 'publication', driveItemId, snapshot.file.versionLabel ?? ''],
    queryFn: ({ signal }) => getPublication(services.client, services.site.driveId, driveItemId, signal),
    enabled: unfinished !== null,
  });
  if (unfinished === null || !publication.isSuccess) return null;
  const holder = checkoutHolder(publication.data);
  const mayFinish = canFinishPublication(services, snapshot, holder?.id ?? null);
  if (!mayFinish && !holder) return null;
  const docId = snapshot.state.docId;

  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('documents.lifecycle.completePublication.title', { version: unfinished.versionLabel })}</MessageBarTitle>
        {t(unfinished.kind === 'checkIn' ? 'documents.lifecycle.completePublication.checkIn' : 'documents.lifecycle.completePublication.publish', { version: unfinished.versionLabel })}
        {!mayFinish && holder && ` ${t('documents.lifecycle.completePublication.heldBy', { name: holder.name })}`}
      </MessageBarBody>
      {mayFinish && (
        <MessageBarActions>
          <ActionDialog<Refusal, FormField>
            primary
            triggerLabel={t('documents.lifecycle.completePublication.trigger')}
            title={t('documents.lifecycle.completePublication.dialogTitle', { docId })}
            confirmLabel={t('documents.lifecycle.completePublication.confirm')}
            {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
            description={<Body1 as="p">{t('documents.lifecycle.completePublication.body')}</Body1>}
            run={() => complete.mutateAsync({ docId })}
          />
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
