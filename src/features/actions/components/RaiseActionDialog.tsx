import { useRef, useState } from 'react';
import { Body1, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTION_PRIORITIES, ACTION_TYPES, type ActionPriority, type ActionSourceType } from '../../../../graph/schema/actions.js';
import type { Refusal } from '../../../domain/registers/types.js';
import { checkAssignable, raiseAction } from '../../../platform/actions/raise.js';
import type { ActionRow } from '../../../platform/actions/types.js';
import { ActionDialog } from '../../../ui/ActionDialog.js';
import type { RefusalExplanation } from '../../../ui/RefusalMessage.js';
import { PRIORITY_KEYS, TYPE_KEYS, refusalOfError } from '../i18n/labels.js';
import { refreshActions } from '../queries.js';
import type { ActionsScreenContext } from '../useActionsContext.js';
import { useActionsStyles } from './Actions.styles.js';
import { afterDialogClosed } from './afterDialogClosed.js';
import { AssigneeField, NOT_IN_GROUP, assignableQuery, useAssigneeRefusalText } from './AssigneeField.js';
import { TITLE_MAX, emptyRaiseForm, validateRaiseForm, type RaiseField, type RaiseForm, type RaiseProblem } from './raiseActionForm.js';

/** The record an action is raised from (the `recordActions` slot's props, with its source type). */
export interface RaiseSource {
  readonly register: string;
  readonly sourceType: ActionSourceType;
  readonly itemId: number;
  readonly recordRef: string;
  /** Lower-case UPN of the record's owner (accountable for the action), or null. */
  readonly ownerId: string | null;
  readonly primaryClause: string | null;
}

/** Why raising was refused: the form's problems (nothing sent), or the rules' answer. */
type RaiseRefusal = { readonly kind: 'form'; readonly problems: readonly RaiseProblem[] } | { readonly kind: 'rules'; readonly refusal: Refusal; readonly assigneeId: string };

/** A refusal `raiseAction` or the pre-write check answered, carried to the dialog. */
class RaiseRefusedError extends Error {
  override readonly name = 'RaiseRefusedError';
  constructor(readonly refusal: Refusal) {
    super(`Raising the action was refused: ${refusal.code}`);
  }
}

/**
 * "Raise action" on a record: title, type (the record's usual one first), assignee from the directory (someone
 * outside the SMS group is refused with the reason: Planner cannot assign them), due date, priority and
 * description, checked with zod before anything is sent. The engine's `raiseAction` writes the action and its
 * Planner task once even when asked twice (a double click, or "Try again" after a lost answer).
 */
export function RaiseActionDialog({ sc, source, onRaised }: { sc: ActionsScreenContext; source: RaiseSource; onRaised(row: ActionRow): void }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const qc = useQueryClient();
  const { ctx } = sc;
  const [form, setForm] = useState<RaiseForm>(() => emptyRaiseForm(source.sourceType));
  const set = (patch: Partial<RaiseForm>) => setForm((f) => ({ ...f, ...patch }));
  const known = (id: string) => ctx.people.byId(id) !== undefined;
  const assigneeText = useAssigneeRefusalText(ctx);
  /** The action just raised, confirmed once its dialog has closed. */
  const raised = useRef<ActionRow | null>(null);

  const problemText = (p: RaiseProblem): string => (p.code === 'titleTooLong' ? t('actions.raise.problem.titleTooLong', { max: TITLE_MAX }) : p.code === 'dueDatePast' ? t('actions.raise.problem.dueDatePast') : t(`actions.raise.problem.${p.code}`));

  async function run() {
    const checked = validateRaiseForm(form, ctx.today, known);
    if (!checked.ok) throw new Error('validated by precheck');
    const v = checked.values;
    // The group may have changed since the field was checked: ask again, right before writing.
    const notAssignable = await qc.fetchQuery({ ...assignableQuery(ctx, v.assigneeId), staleTime: 0 }).catch(() => checkAssignable(ctx, v.assigneeId));
    if (notAssignable) throw new RaiseRefusedError(notAssignable);
    const row = await raiseAction(ctx, {
      sourceRegister: source.register,
      sourceItemId: source.itemId,
      sourceRef: source.recordRef,
      sourceOwnerId: source.ownerId,
      actionType: v.actionType,
      title: v.title,
      ...(v.description ? { description: v.description } : {}),
      assigneeId: v.assigneeId,
      dueDate: v.dueDate,
      priority: v.priority,
      ...(source.primaryClause ? { primaryClause: source.primaryClause } : {}),
    });
    setForm(emptyRaiseForm(source.sourceType));
    raised.current = row;
  }

  /** Once the dialog has closed: the confirmation, then the record's actions are read again (see `afterDialogClosed`). */
  function afterSuccess() {
    const row = raised.current;
    raised.current = null;
    if (row) onRaised(row);
    afterDialogClosed(() => void refreshActions(qc, ctx.site.siteId));
  }

  return (
    <ActionDialog<RaiseRefusal, RaiseField>
      primary
      triggerLabel={t('actions.raise.trigger')}
      title={t('actions.raise.title', { ref: source.recordRef })}
      confirmLabel={t('actions.raise.confirm')}
      description={<Body1 as="p">{t('actions.raise.body')}</Body1>}
      precheck={() => {
        const checked = validateRaiseForm(form, ctx.today, known);
        if (!checked.ok) return { kind: 'form', problems: checked.problems };
        // Someone the field already found outside the SMS group is refused before anything is sent.
        const cached = qc.getQueryData(assignableQuery(ctx, form.assigneeId).queryKey);
        return cached ? { kind: 'rules', refusal: cached, assigneeId: form.assigneeId } : null;
      }}
      run={run}
      refusalOf={(e) => {
        const refusal = refusalOfError(e);
        return refusal ? { kind: 'rules', refusal, assigneeId: form.assigneeId } : null;
      }}
      explain={(r): RefusalExplanation<RaiseField> =>
        r.kind === 'form'
          ? { message: t('actions.raise.invalid'), problems: r.problems.map((p) => ({ field: p.field, message: problemText(p) })) }
          : { message: assigneeText(r.refusal, r.assigneeId), at: r.refusal.code === NOT_IN_GROUP ? 'assignee' : null }
      }
      onReset={() => setForm(emptyRaiseForm(source.sourceType))}
      afterSuccess={afterSuccess}
    >
      {({ fieldError, busy }) => (
        <div className={styles.fields}>
          <Field label={t('actions.raise.titleField')} required validationMessage={fieldError('title')} validationState={fieldError('title') ? 'error' : 'none'}>
            <Input value={form.title} disabled={busy} maxLength={TITLE_MAX + 20} onChange={(_, d) => set({ title: d.value })} />
          </Field>
          <Field label={t('actions.raise.type')} required validationMessage={fieldError('actionType')} validationState={fieldError('actionType') ? 'error' : 'none'}>
            <Select value={form.actionType} disabled={busy} onChange={(_, d) => set({ actionType: d.value })}>
              <option value="">{t('actions.raise.chooseType')}</option>
              {ACTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(TYPE_KEYS[type])}
                </option>
              ))}
            </Select>
          </Field>
          <AssigneeField ctx={ctx} value={form.assigneeId} disabled={busy} onChange={(assigneeId) => set({ assigneeId })} error={fieldError('assignee')} />
          <Field label={t('actions.raise.dueDate')} required validationMessage={fieldError('dueDate')} validationState={fieldError('dueDate') ? 'error' : 'none'}>
            <Input type="date" min={ctx.today} value={form.dueDate} disabled={busy} onChange={(_, d) => set({ dueDate: d.value })} />
          </Field>
          <Field label={t('actions.raise.priority')} validationMessage={fieldError('priority')} validationState={fieldError('priority') ? 'error' : 'none'}>
            <Select value={form.priority} disabled={busy} onChange={(_, d) => set({ priority: d.value as ActionPriority })}>
              {ACTION_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(PRIORITY_KEYS[p])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('actions.raise.description')} validationMessage={fieldError('description')} validationState={fieldError('description') ? 'error' : 'none'}>
            <Textarea value={form.description} disabled={busy} resize="vertical" onChange={(_, d) => set({ description: d.value })} />
          </Field>
        </div>
      )}
    </ActionDialog>
  );
}
