import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Checkbox, Dropdown, Field, Input, Option, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { GraphClient } from '../../../../../graph/core/client.js';
import type { SmsColumn } from '../../../../../graph/schema/types.js';
import type { PeopleDirectory } from '../../../../platform/people.js';
import { columnLabel, statusLabel } from '../../i18n/labels.js';
import { lookupOptionsQuery, type LookupOption } from '../../queries.js';
import type { Draft, DraftValue } from './recordDraft.js';

const useStyles = makeStyles({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  control: { minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

export interface RecordFieldsProps {
  readonly columns: readonly SmsColumn[];
  readonly draft: Draft;
  onChange(column: string, value: DraftValue): void;
  /** The problem of each field, in words (shown under it). */
  readonly problems: Readonly<Record<string, string>>;
  readonly people: PeopleDirectory | undefined;
  readonly client: GraphClient;
  readonly siteId: string;
  readonly disabled?: boolean;
  /** The register's status column: its choices show in the UI language. */
  readonly statusColumn?: string | null;
}

/** The items each lookup column offers (its target list's `Ref – Title`), read once per session and list. */
function useLookupOptions(client: GraphClient, siteId: string, columns: readonly SmsColumn[]): Record<string, readonly LookupOption[]> {
  const lookups = columns.filter((c) => (c.type === 'lookup' || c.type === 'lookupMulti') && c.lookupList);
  const results = useQueries({ queries: lookups.map((c) => lookupOptionsQuery(client, siteId, c.lookupList!)) });
  return Object.fromEntries(lookups.map((c, i) => [c.name, results[i]?.data ?? []]));
}

/**
 * The fields of a record form, one per column, each labelled (`registers.column.<Column>`, else the
 * schema's display name), marked when required and showing its problem beneath it: text and notes,
 * choices as dropdowns, several choices or items as multi-selects, numbers, dates, yes/no as a
 * check box, people from the directory, lookups from the target list.
 */
export function RecordFields(props: RecordFieldsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const lookups = useLookupOptions(props.client, props.siteId, props.columns);
  const people = useMemo(() => (props.people?.people ?? []).filter((p) => p.lookupId !== null), [props.people]);
  const none = t('registers.form.none');
  return (
    <div className={styles.fields}>
      {props.columns.map((column) => {
        const value = props.draft[column.name];
        const label = columnLabel(t, column);
        const message = props.problems[column.name];
        const set = (v: DraftValue) => props.onChange(column.name, v);
        const wide = column.type === 'note' || column.name === 'Title';
        const fieldProps = {
          className: wide ? styles.wide : undefined,
          label,
          required: column.required === true,
          validationMessage: message,
          validationState: message ? ('error' as const) : ('none' as const),
        };
        switch (column.type) {
          case 'note':
            return (
              <Field key={column.name} {...fieldProps}>
                <Textarea resize="vertical" value={String(value ?? '')} disabled={props.disabled} onChange={(_, d) => set(d.value)} />
              </Field>
            );
          case 'boolean':
            return (
              <Field key={column.name} {...fieldProps} label={undefined}>
                <Checkbox label={label} checked={value === true} disabled={props.disabled} onChange={(_, d) => set(d.checked === true)} />
              </Field>
            );
          case 'choice':
          case 'person':
          case 'lookup': {
            const options =
              column.type === 'choice'
                ? (column.choices ?? []).map((c) => ({ value: c, label: column.name === props.statusColumn ? statusLabel(t, c) : c }))
                : column.type === 'person'
                  ? people.map((p) => ({ value: p.lookupId!, label: p.displayName }))
                  : (lookups[column.name] ?? []).map((o) => ({ value: o.id, label: o.label }));
            const v = String(value ?? '');
            return (
              <Field key={column.name} {...fieldProps}>
                <Select className={styles.control} select={{ className: styles.selectControl }} value={v} disabled={props.disabled} onChange={(_, d) => set(d.value)}>
                  <option value="">{none}</option>
                  {v !== '' && !options.some((o) => o.value === v) && <option value={v}>{column.type === 'choice' ? v : `#${v}`}</option>}
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          }
          case 'multiChoice':
          case 'personMulti':
          case 'lookupMulti': {
            const options =
              column.type === 'multiChoice'
                ? (column.choices ?? []).map((c) => ({ value: c, label: c }))
                : column.type === 'personMulti'
                  ? people.map((p) => ({ value: p.lookupId!, label: p.displayName }))
                  : (lookups[column.name] ?? []).map((o) => ({ value: o.id, label: o.label }));
            const selected = Array.isArray(value) ? (value as readonly string[]) : [];
            const labelOf = (id: string) => options.find((o) => o.value === id)?.label ?? id;
            return (
              <Field key={column.name} {...fieldProps}>
                <Dropdown
                  className={styles.control}
                  multiselect
                  disabled={props.disabled}
                  placeholder={none}
                  value={selected.map(labelOf).join(t('registers.value.separator'))}
                  selectedOptions={[...selected]}
                  onOptionSelect={(_, d) => set(d.selectedOptions)}
                >
                  {options.map((o) => (
                    <Option key={o.value} value={o.value}>
                      {o.label}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          }
          default: {
            const type = column.type === 'number' || column.type === 'currency' ? 'number' : column.type === 'dateOnly' ? 'date' : column.type === 'dateTime' ? 'datetime-local' : column.type === 'hyperlink' ? 'url' : 'text';
            return (
              <Field key={column.name} {...fieldProps}>
                <Input
                  className={styles.control}
                  type={type}
                  inputMode={type === 'number' ? 'decimal' : undefined}
                  min={column.min}
                  max={column.max}
                  value={String(value ?? '')}
                  disabled={props.disabled}
                  onChange={(_, d) => set(d.value)}
                />
              </Field>
            );
          }
        }
      })}
    </div>
  );
}
