import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GraphConflictError } from '../../../../../graph/core/errors.js';
import type { Refusal } from '../../../../domain/registers/types.js';
import type { RegisterRecord } from '../../../../platform/registers/index.js';
import { validateRecord } from '../../../../platform/registers/validation.js';
import { ActionDialog } from '../../../../ui/ActionDialog.js';
import type { RefusalExplanation } from '../../../../ui/RefusalMessage.js';
import { issueText, refusalText } from '../../i18n/labels.js';
import { useUpdateRecord } from '../../mutations.js';
import { recordQuery } from '../../queries.js';
import type { RegisterConfig } from '../../services/catalog.js';
import type { RegisterContext } from '../../services/context.js';
import { RecordValidationError, RegisterRefusalError, type FieldIssue } from '../../services/errors.js';
import { domainValues, refOf } from '../../services/records.js';
import { editScope, mayEditColumn } from '../../../../domain/registers/lifecycle.js';
import { RecordFields } from '../RecordForm/RecordFields.js';
import { changesOf, draftOf, type Draft } from '../RecordForm/recordDraft.js';
import { useRecordForm } from '../RecordForm/useRecordForm.js';

/** Why an edit was not saved: the rules refused it, or some values are not valid. */
type EditRefusal = { readonly kind: 'refusal'; readonly refusal: Refusal } | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] };

/**
 * Edit a record's fields in a dialog. It saves with `If-Match` set to the eTag of the record the
 * form started from: when someone saved the record meanwhile, it explains the conflict, keeps what
 * the user typed, and "Reload and keep my changes" puts the user's changes on top of the record as
 * it is now (their changes only: what the other person changed in other fields stays).
 */
export function EditRecordDialog({ ctx, config, record }: { ctx: RegisterContext; config: RegisterConfig; record: RegisterRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateRecord(ctx);
  // Only the columns the rules let this user change (§6.2: e.g. an NC owner its analysis, not its grade).
  const scope = editScope(config.key, domainValues(config, record.values, ctx.people), ctx.actor);
  const form = useRecordForm(
    config,
    record.values,
    config.formColumns.filter((c) => mayEditColumn(scope, c)),
  );
  const [base, setBase] = useState<RegisterRecord>(record);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const changes = () => changesOf(form.columns, form.draft, base.values);

  async function reloadKeepingChanges() {
    setReloading(true);
    try {
      const mine = changes();
      const fresh = await queryClient.fetchQuery({ ...recordQuery(ctx.client, ctx.site.siteId, config, record.id, ctx.timeZone), staleTime: 0 });
      const next: Draft = { ...draftOf(form.columns, fresh.values), ...draftOf(form.columns.filter((c) => c.name in mine), mine) };
      setBase(fresh);
      form.replaceDraft(next);
      setConflict(false);
    } finally {
      setReloading(false);
    }
  }

  const explain = (r: EditRefusal): RefusalExplanation =>
    r.kind === 'refusal'
      ? { message: refusalText(t, r.refusal) }
      : { message: t('registers.form.fix', { count: r.issues.length }), problems: r.issues.map((i) => ({ field: i.column, message: issueText(t, config.schema, i) })) };

  return (
    <ActionDialog<EditRefusal, string>
      triggerLabel={t('registers.record.edit')}
      title={t('registers.record.editTitle', { ref: refOf(record) })}
      confirmLabel={t('registers.record.save')}
      onOpen={() => {
        setBase(record);
        form.reset(record.values);
        setConflict(false);
      }}
      precheck={() => {
        const issues = validateRecord(config.schema, { ...base.values, ...changes() });
        return issues.length > 0 ? { kind: 'invalid', issues } : null;
      }}
      run={() => update.mutateAsync({ register: config.key, record: base, changes: changes() })}
      refusalOf={(e) => (e instanceof RegisterRefusalError ? { kind: 'refusal', refusal: e.refusal } : e instanceof RecordValidationError ? { kind: 'invalid', issues: e.issues } : null)}
      explain={explain}
      onFailure={(e) => {
        if (!(e instanceof GraphConflictError)) return false;
        setConflict(true);
        return true;
      }}
      busy={reloading}
      confirmDisabled={conflict}
      notice={
        conflict ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('registers.record.conflictTitle')}</MessageBarTitle>
              {t('registers.record.conflictBody')}
            </MessageBarBody>
            <MessageBarActions>
              <Button disabled={reloading} onClick={() => void reloadKeepingChanges()}>
                {t('registers.record.reloadKeep')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : undefined
      }
    >
      {({ fieldErrors, busy }) => (
        <RecordFields
          columns={form.columns}
          draft={form.draft}
          onChange={form.setField}
          problems={fieldErrors as Record<string, string>}
          people={ctx.people}
          client={ctx.client}
          siteId={ctx.site.siteId}
          disabled={busy || reloading}
          statusColumn={config.statusColumn}
        />
      )}
    </ActionDialog>
  );
}
