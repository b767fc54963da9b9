import { useId } from 'react';
import { Field, Select, Spinner } from '@fluentui/react-components';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../domain/registers/types.js';
import { checkAssignable } from '../../../platform/actions/raise.js';
import type { ActionsContext } from '../../../platform/actions/types.js';
import { useRefusalText } from '../i18n/labels.js';

/** Whether the person may be assigned a Planner task: a member of the SMS group (the plan's group). */
export const assignableQuery = (ctx: ActionsContext, assigneeId: string) =>
  queryOptions({
    queryKey: ['groups', ctx.site.groupId ?? '', 'members', assigneeId],
    queryFn: ({ signal }) => checkAssignable({ ...ctx, signal }, assigneeId),
    staleTime: 5 * 60_000,
  });

/** The code `checkAssignable` answers for someone outside the SMS group. */
export const NOT_IN_GROUP = 'assigneeNotInGroup';

/** A refusal about an assignee in words: outside the SMS group, Planner cannot assign them; other codes from the rules' catalog. */
export function useAssigneeRefusalText(ctx: ActionsContext): (refusal: Refusal, assigneeId: string) => string {
  const { t } = useTranslation();
  const rules = useRefusalText();
  return (refusal, assigneeId) => (refusal.code === NOT_IN_GROUP ? t('actions.assignee.notInGroup', { name: ctx.people.nameOf(assigneeId) }) : rules(refusal));
}

export interface AssigneeFieldProps {
  readonly ctx: ActionsContext;
  readonly value: string;
  onChange(assigneeId: string): void;
  readonly disabled: boolean;
  /** A problem from the form or the rules, shown under the field. */
  readonly error?: string;
  readonly label?: string;
}

/**
 * The assignee, chosen from the people directory. Once someone is chosen the field says at once whether they
 * are in the SMS group; someone outside it cannot be assigned the Planner task, so the dialog refuses them
 * (the warning says why and what to do) before anything is written.
 */
export function AssigneeField({ ctx, value, onChange, disabled, error, label }: AssigneeFieldProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const check = useQuery({ ...assignableQuery(ctx, value), enabled: value !== '' });
  const explain = useAssigneeRefusalText(ctx);
  const warning = check.data ? explain(check.data, value) : undefined;
  // What the field says about the person chosen now wins over a problem found before they were chosen.
  const message = warning ?? error;
  return (
    <Field
      label={label ?? t('actions.raise.assignee')}
      required
      validationMessage={message}
      validationState={warning ? 'warning' : error ? 'error' : 'none'}
      hint={check.isFetching ? <Spinner id={hintId} size="extra-tiny" labelPosition="after" label={t('actions.assignee.checking')} /> : undefined}
    >
      <Select value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t('actions.assignee.choose')}</option>
        {ctx.people.people.map((p) => (
          <option key={p.id} value={p.id}>
            {t('actions.assignee.option', { name: p.displayName, upn: p.upn })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
