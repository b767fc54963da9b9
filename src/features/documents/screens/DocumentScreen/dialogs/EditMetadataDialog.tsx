import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GraphConflictError } from '../../../../../../graph/core/errors.js';
import { ErrorMessage } from '../../../../../app/errors/ErrorMessage.js';
import { useSession } from '../../../../../app/session/SessionContext.js';
import { refuse, type Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { MetadataFields } from '../../../components/MetadataFields.js';
import { changedFields, fromMetadata, metadataChanges, toMetadata, type MetadataFormValue } from '../../../components/metadataForm.js';
import { groupsQuery } from '../../../queries.js';
import { lifecycleRefusals, type FormField } from '../../../i18n/messages.js';
import { metadataMutation } from '../../../mutations.js';
import { metadataOf, metadataProblems, type DocumentServices, type DocumentSnapshot } from '../../../services/index.js';

export interface EditMetadataDialogProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  /** Reads the document again (the caller's query refetch) and returns the fresh snapshot. */
  reload(): Promise<DocumentSnapshot>;
}

/** What the form was loaded from: the values and the eTag a save sends as `If-Match`. */
interface Base {
  snapshot: DocumentSnapshot;
  values: MetadataFormValue;
}

/**
 * Edits the metadata of a working draft. The save sends the eTag the form was loaded with; if
 * someone else saved in between (412), nothing is written and the user is offered "Reload and
 * reapply": the document is read again and the user's own changes are put back on top of the
 * other person's, ready to review and save. What the user typed is never thrown away.
 */
export function EditMetadataDialog({ services, snapshot, reload }: EditMetadataDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { client } = useSession();
  const groups = useQuery(groupsQuery(client));
  const save = useMutation(metadataMutation(services, queryClient));
  const [base, setBase] = useState<Base>(() => ({ snapshot, values: fromMetadata(metadataOf(snapshot.state)) }));
  const [form, setForm] = useState<MetadataFormValue>(base.values);
  const [conflict, setConflict] = useState(false);
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);

  /** Loads the form from the document as the page shows it now. */
  function start() {
    const values = fromMetadata(metadataOf(snapshot.state));
    setBase({ snapshot, values });
    setForm(values);
    setConflict(false);
    setReapplied(false);
    setReloadError(null);
  }

  /** Reads the latest version and puts the user's changes back on top of it. */
  async function reloadAndReapply() {
    setReloading(true);
    setReloadError(null);
    try {
      const mine = changedFields(base.values, form);
      const fresh = await reload();
      const values = fromMetadata(metadataOf(fresh.state));
      setBase({ snapshot: fresh, values });
      setForm({ ...values, ...mine });
      setConflict(false);
      setReapplied(true);
    } catch (e) {
      setReloadError(e);
    } finally {
      setReloading(false);
    }
  }

  return (
    <ActionDialog<Refusal, FormField>
      triggerLabel={t('documents.lifecycle.edit.trigger')}
      title={t('documents.lifecycle.edit.title', { docId: snapshot.state.docId })}
      confirmLabel={t('documents.lifecycle.edit.save')}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
      onOpen={start}
      precheck={() => {
        const problems = metadataProblems(base.snapshot, toMetadata(form));
        return problems.length > 0 ? refuse('metadataIncomplete', 'Complete the details first.', problems) : null;
      }}
      run={async () => {
        const changes = metadataChanges(base.values, form);
        // Nothing changed: nothing to write, the dialog just closes.
        if (Object.keys(changes).length === 0) return;
        await save.mutateAsync({ snapshot: base.snapshot, changes, eTag: base.snapshot.eTag });
      }}
      onFailure={(e) => {
        if (!(e instanceof GraphConflictError)) return false;
        setConflict(true);
        return true;
      }}
      busy={reloading}
      confirmDisabled={conflict}
      notice={
        <>
          {conflict && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('documents.lifecycle.edit.conflictTitle')}</MessageBarTitle>
                {t('documents.lifecycle.edit.conflictBody')}
              </MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" disabled={reloading} onClick={() => void reloadAndReapply()}>
                  {t('documents.lifecycle.edit.reloadReapply')}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {reapplied && !conflict && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t('documents.lifecycle.edit.reapplied')}</MessageBarBody>
            </MessageBar>
          )}
          {reloadError ? <ErrorMessage error={reloadError} onRetry={() => void reloadAndReapply()} /> : null}
        </>
      }
    >
      {({ fieldErrors, busy }) => (
        <MetadataFields value={form} onChange={(p) => setForm((f) => ({ ...f, ...p }))} errors={fieldErrors} people={services.people} groups={groups.data ?? []} disabled={busy} />
      )}
    </ActionDialog>
  );
}
