import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GraphConflictError } from '../../../../graph/core/errors.js';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { useSession } from '../../../app/session/SessionContext.js';
import { groupsQuery } from '../detail/queries.js';
import { metadataMutation } from '../mutations.js';
import { DocumentRuleError, metadataOf, metadataProblems, type DocumentServices, type DocumentSnapshot } from '../services/index.js';
import { refuse } from '../../../domain/documents/results.js';
import { focusScreenHeading } from './ActionDialog.js';
import { useLifecycleStyles } from './Lifecycle.styles.js';
import { MetadataFields } from './MetadataFields.js';
import { fromMetadata, metadataChanges, toMetadata, changedFields, type MetadataFormValue } from './metadataForm.js';
import { messagesByField, refusalMessage, type FormField } from './messages.js';

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
  const styles = useLifecycleStyles();
  const queryClient = useQueryClient();
  const { client } = useSession();
  const groups = useQuery(groupsQuery(client));
  const save = useMutation(metadataMutation(services, queryClient));
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState<Base>(() => ({ snapshot, values: fromMetadata(metadataOf(snapshot.state)) }));
  const [form, setForm] = useState<MetadataFormValue>(base.values);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [conflict, setConflict] = useState(false);
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameOf = (id: string) => services.people.nameOf(id);

  function start() {
    const values = fromMetadata(metadataOf(snapshot.state));
    setBase({ snapshot, values });
    setForm(values);
    setErrors({});
    setConflict(false);
    setReapplied(false);
    setError(null);
  }

  async function submit() {
    setError(null);
    const meta = toMetadata(form);
    const problems = metadataProblems(base.snapshot, meta);
    setErrors(messagesByField(t, problems, nameOf));
    if (problems.length > 0) return;
    const changes = metadataChanges(base.values, form);
    if (Object.keys(changes).length === 0) {
      setOpen(false);
      return;
    }
    try {
      await save.mutateAsync({ snapshot: base.snapshot, changes, eTag: base.snapshot.eTag });
      setOpen(false);
      setTimeout(focusScreenHeading, 0);
    } catch (e) {
      if (e instanceof GraphConflictError) setConflict(true);
      else if (e instanceof DocumentRuleError) setErrors(messagesByField(t, e.refusal.errors, nameOf));
      else setError(e);
    }
  }

  /** Reads the latest version and puts the user's changes back on top of it. */
  async function reloadAndReapply() {
    setReloading(true);
    setError(null);
    try {
      const mine = changedFields(base.values, form);
      const fresh = await reload();
      const values = fromMetadata(metadataOf(fresh.state));
      setBase({ snapshot: fresh, values });
      setForm({ ...values, ...mine });
      setConflict(false);
      setReapplied(true);
    } catch (e) {
      setError(e);
    } finally {
      setReloading(false);
    }
  }

  const busy = save.isPending || reloading;
  const refusal = Object.keys(errors).length > 0 ? refuse('metadataIncomplete', '') : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (busy) return;
        if (d.open) start();
        setOpen(d.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('documents.lifecycle.edit.trigger')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <DialogBody>
            <DialogTitle>{t('documents.lifecycle.edit.title', { docId: snapshot.state.docId })}</DialogTitle>
            <DialogContent className={styles.dialogForm}>
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
              {refusal && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{refusalMessage(t, refusal)}</MessageBarBody>
                </MessageBar>
              )}
              <MetadataFields
                value={form}
                onChange={(p) => setForm((f) => ({ ...f, ...p }))}
                errors={errors}
                people={services.people}
                groups={groups.data ?? []}
                disabled={busy}
              />
              {error ? <ErrorMessage error={error} onRetry={() => void submit()} /> : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={busy}>{t('documents.lifecycle.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={busy || conflict}>
                {save.isPending ? t('documents.lifecycle.working') : t('documents.lifecycle.edit.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
