import { useRef, useState } from 'react';
import { Body1, Field, Input, Textarea } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../../domain/registers/types.js';
import { changeAction, transitionAction } from '../../../../platform/actions/change.js';
import type { ActionRow } from '../../../../platform/actions/types.js';
import { ActionDialog } from '../../../../ui/ActionDialog.js';
import type { RefusalExplanation } from '../../../../ui/RefusalMessage.js';
import { useDateFormat } from '../../../../ui/dateFormat.js';
import { afterDialogClosed } from '../../components/afterDialogClosed.js';
import { AssigneeField, NOT_IN_GROUP, assignableQuery, useAssigneeRefusalText } from '../../components/AssigneeField.js';
import { useActionsStyles } from '../../components/Actions.styles.js';
import { refusalOfError } from '../../i18n/labels.js';
import { refreshActions } from '../../queries.js';
import { changeRefusal, transitionRefusal, type OfferedStep } from '../../services/steps.js';
import type { ActionsScreenContext } from '../../useActionsContext.js';

type StepField = 'reason' | 'dueDate' | 'assignee';
type StepProblem = 'reasonRequired' | 'dueDateRequired' | 'dueDateUnchanged' | 'assigneeRequired' | 'assigneeUnchanged';
type StepRefusal = { readonly kind: 'form'; readonly problems: readonly { field: StepField; code: StepProblem }[] } | { readonly kind: 'rules'; readonly refusal: Refusal };

const calendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * One step on an action in a dialog: verify, reject the evidence, block, unblock, cancel, or change the due date
 * or the assignee, with the reason the rules require. The rules are asked again with what was typed before
 * anything is sent (a refusal is explained and nothing changes), and the engine checks once more against the item
 * it reads before writing.
 */
export function StepDialog({ sc, row, step, onDone }: { sc: ActionsScreenContext; row: ActionRow; step: OfferedStep; onDone(message: string): void }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const qc = useQueryClient();
  const date = useDateFormat();
  const { ctx } = sc;
  const actor = ctx.actor === 'app' ? null : ctx.actor;
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState(row.dueDate ?? '');
  const [assigneeId, setAssigneeId] = useState('');
  const assigneeText = useAssigneeRefusalText(ctx);
  const kind = step.kind;
  /** The confirmation of the step that just succeeded, shown once its dialog has closed. */
  const finished = useRef<string | null>(null);
  const needsReason = step.needsReason;
  const reset = () => {
    setReason('');
    setDueDate(row.dueDate ?? '');
    setAssigneeId('');
  };

  function formProblems(): { field: StepField; code: StepProblem }[] {
    const problems: { field: StepField; code: StepProblem }[] = [];
    if (kind === 'changeDueDate') {
      if (!calendarDate(dueDate)) problems.push({ field: 'dueDate', code: 'dueDateRequired' });
      else if (dueDate === row.dueDate) problems.push({ field: 'dueDate', code: 'dueDateUnchanged' });
    }
    if (kind === 'changeAssignee') {
      if (!assigneeId || !ctx.people.byId(assigneeId)) problems.push({ field: 'assignee', code: 'assigneeRequired' });
      else if (assigneeId === row.assigneeId?.toLowerCase()) problems.push({ field: 'assignee', code: 'assigneeUnchanged' });
    }
    if (needsReason && reason.trim() === '') problems.push({ field: 'reason', code: 'reasonRequired' });
    return problems;
  }

  function precheck(): StepRefusal | null {
    const problems = formProblems();
    if (problems.length > 0) return { kind: 'form', problems };
    if (!actor) return null;
    const why = needsReason ? reason.trim() : null;
    const refusal = step.to ? transitionRefusal(row, step.to, actor, why) : changeRefusal(row, kind === 'changeDueDate' ? 'changeDueDate' : 'changeAssignee', actor, why);
    if (refusal) return { kind: 'rules', refusal };
    if (kind === 'changeAssignee') {
      const notAssignable = qc.getQueryData(assignableQuery(ctx, assigneeId).queryKey);
      if (notAssignable) return { kind: 'rules', refusal: notAssignable };
    }
    return null;
  }

  async function run() {
    const why = needsReason ? reason.trim() : null;
    if (step.to) {
      await transitionAction(ctx, row, step.to, { reason: why });
    } else if (kind === 'changeDueDate') {
      await changeAction(ctx, row, { dueDate }, why);
    } else {
      await changeAction(ctx, row, { assigneeId }, why);
    }
    const done =
      kind === 'changeDueDate'
        ? t('actions.step.changeDueDate.done', { ref: row.ref, date: date(dueDate) })
        : kind === 'changeAssignee'
          ? t('actions.step.changeAssignee.done', { ref: row.ref, name: ctx.people.nameOf(assigneeId) })
          : t(`actions.step.${kind}.done`, { ref: row.ref });
    reset();
    finished.current = done;
  }

  /** Once the dialog has closed: the confirmation, then the action is read again (see `afterDialogClosed`). */
  function afterSuccess() {
    const done = finished.current;
    finished.current = null;
    if (done) onDone(done);
    afterDialogClosed(() => void refreshActions(qc, ctx.site.siteId));
  }

  const explain = (r: StepRefusal): RefusalExplanation<StepField> => {
    if (r.kind === 'form') return { message: t('actions.step.invalid'), problems: r.problems.map((p) => ({ field: p.field, message: t(`actions.step.problem.${p.code}`) })) };
    const message = assigneeText(r.refusal, assigneeId);
    return { message, at: r.refusal.code === NOT_IN_GROUP ? 'assignee' : /reason/i.test(r.refusal.code) ? 'reason' : null };
  };

  return (
    <ActionDialog<StepRefusal, StepField>
      primary={kind === 'verify'}
      triggerLabel={t(`actions.step.${kind}.trigger`)}
      title={t(`actions.step.${kind}.title`, { ref: row.ref })}
      confirmLabel={t(`actions.step.${kind}.confirm`)}
      description={<Body1 as="p">{t(`actions.step.${kind}.body`, { ref: row.ref, name: ctx.people.nameOf(row.assigneeId) })}</Body1>}
      precheck={precheck}
      run={run}
      refusalOf={(e) => {
        const refusal = refusalOfError(e);
        return refusal ? { kind: 'rules', refusal } : null;
      }}
      explain={explain}
      onReset={reset}
      afterSuccess={afterSuccess}
    >
      {({ fieldError, busy }) => (
        <div className={styles.fields}>
          {kind === 'changeDueDate' && (
            <Field label={t('actions.step.newDueDate')} required validationMessage={fieldError('dueDate')} validationState={fieldError('dueDate') ? 'error' : 'none'}>
              <Input type="date" value={dueDate} disabled={busy} onChange={(_, d) => setDueDate(d.value)} />
            </Field>
          )}
          {kind === 'changeAssignee' && <AssigneeField ctx={ctx} value={assigneeId} disabled={busy} onChange={setAssigneeId} error={fieldError('assignee')} label={t('actions.step.newAssignee')} />}
          {needsReason && (
            <Field label={t('actions.step.reason')} required validationMessage={fieldError('reason')} validationState={fieldError('reason') ? 'error' : 'none'}>
              <Textarea value={reason} disabled={busy} resize="vertical" onChange={(_, d) => setReason(d.value)} />
            </Field>
          )}
        </div>
      )}
    </ActionDialog>
  );
}
