import { useId, useMemo } from 'react';
import { Checkbox, Combobox, Field, Input, Option, Select, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { clauses } from '../../../../graph/schema/clauses.js';
import { canApproveContent } from '../../../domain/documents/access.js';
import { CLASSIFICATIONS, DOC_TYPES, MANDATORY_ITEMS, isOneOf } from '../../../domain/documents/constants.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import { CLASSIFICATION_KEYS, DOC_TYPE_KEYS } from '../i18n/labels.js';
import type { FormField } from '../i18n/messages.js';
import { useMetadataFieldsStyles } from './MetadataFields.styles.js';
import { processLabel } from '../services/registerQuery.js';
import type { MetadataFormValue } from './metadataForm.js';

export interface MetadataFieldsProps {
  value: MetadataFormValue;
  onChange(patch: Partial<MetadataFormValue>): void;
  /** Problems to show next to their fields. */
  errors: Partial<Record<FormField, string>>;
  people: PeopleDirectory;
  groups: readonly { id?: string | null; displayName?: string | null }[];
  disabled?: boolean;
  /** The change summary field's label differs for a new document and an edit. */
  showChangeSummary?: boolean;
}

const clauseText = (c: { clause: string; title: string }) => `${c.clause} ${c.title}`;

/**
 * The metadata of a controlled document as form fields, each with its problem (from the rules)
 * right below it. Choices come from the schema (types, classifications, mandatory items), the
 * clause tree of ISO/IEC 20000-1, the site's people and processes, and the tenant's groups.
 */
/** A single-person choice (owner, approver) among the site's people; the empty option means "not chosen". */
function PersonSelect(props: {
  value: string;
  people: readonly { id: string; displayName: string }[];
  disabled?: boolean;
  placeholder: string;
  onChange: (id: string) => void;
}) {
  return (
    <Select value={props.value} disabled={props.disabled} onChange={(_, d) => props.onChange(d.value)}>
      <option value="">{props.placeholder}</option>
      {props.people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.displayName}
        </option>
      ))}
    </Select>
  );
}

export function MetadataFields({ value, onChange, errors, people, groups, disabled, showChangeSummary = true }: MetadataFieldsProps) {
  const { t } = useTranslation();
  const styles = useMetadataFieldsStyles();
  const ids = { legend1: useId(), legend2: useId(), legend3: useId() };
  const v = value;
  const err = (f: FormField) => (errors[f] ? { validationMessage: errors[f], validationState: 'error' as const } : {});
  const typed = v.primaryClause.trim();
  const primaryOptions = useMemo(() => clauses.filter((c) => !typed || c.clause.startsWith(typed) || c.title.toLowerCase().includes(typed.toLowerCase())).slice(0, 40), [typed]);

  // Early hint (the rules decide at submission): can the chosen approver approve this type?
  const approver = v.approverId ? people.documentUser(v.approverId) : undefined;
  const approverHint =
    approver && isOneOf(DOC_TYPES, v.docType) && !canApproveContent(approver, { docType: v.docType, mandatoryItem: v.mandatoryItem, processId: v.processId || null })
      ? t('documents.lifecycle.form.approverCannotApprove', { name: people.nameOf(v.approverId), type: t(DOC_TYPE_KEYS[v.docType]) })
      : undefined;

  // Any directory user can be named, site user or not: documents keep people by UPN (ADR 0005).
  const personOptions = people.people;
  const groupName = (id: string) => groups.find((g) => g.id === id)?.displayName ?? id;

  return (
    <>
      <fieldset className={styles.fieldset} aria-labelledby={ids.legend1}>
        <legend id={ids.legend1} className={styles.legend}>
          {t('documents.lifecycle.form.identity')}
        </legend>
        <Field label={t('documents.lifecycle.form.title')} required {...err('title')}>
          <Input value={v.title} disabled={disabled} onChange={(_, d) => onChange({ title: d.value })} />
        </Field>
        <div className={styles.grid}>
          <Field label={t('documents.lifecycle.form.docType')} required {...err('docType')}>
            <Select value={v.docType} disabled={disabled} onChange={(_, d) => onChange({ docType: d.value })}>
              <option value="">{t('documents.lifecycle.form.choose')}</option>
              {DOC_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(DOC_TYPE_KEYS[type])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('documents.lifecycle.form.classification')} required {...err('classification')}>
            <Select value={v.classification} disabled={disabled} onChange={(_, d) => onChange({ classification: d.value })}>
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {t(CLASSIFICATION_KEYS[c])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('documents.lifecycle.form.mandatoryItem')} {...err('mandatoryItem')}>
            <Select value={v.mandatoryItem} disabled={disabled} onChange={(_, d) => onChange({ mandatoryItem: d.value })}>
              {MANDATORY_ITEMS.map((m) => (
                <option key={m} value={m}>
                  {m === 'None' ? t('documents.lifecycle.form.none') : m}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('documents.lifecycle.form.process')} {...err('processId')}>
            <Select value={v.processId} disabled={disabled} select={{ className: styles.selectControl }} onChange={(_, d) => onChange({ processId: d.value })}>
              <option value="">{t('documents.lifecycle.form.none')}</option>
              {people.processes.map((p) => (
                <option key={p.id} value={p.id}>
                  {processLabel(p)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset} aria-labelledby={ids.legend2}>
        <legend id={ids.legend2} className={styles.legend}>
          {t('documents.lifecycle.form.people')}
        </legend>
        <div className={styles.grid}>
          <Field label={t('documents.lifecycle.form.owner')} required {...err('ownerId')}>
            <PersonSelect value={v.ownerId} people={personOptions} disabled={disabled} placeholder={t('documents.lifecycle.form.choose')} onChange={(ownerId) => onChange({ ownerId })} />
          </Field>
          <Field
            label={t('documents.lifecycle.form.approver')}
            required
            {...(errors.approverIds
              ? { validationMessage: errors.approverIds, validationState: 'error' as const }
              : approverHint
                ? { validationMessage: approverHint, validationState: 'warning' as const }
                : {})}
          >
            <PersonSelect value={v.approverId} people={personOptions} disabled={disabled} placeholder={t('documents.lifecycle.form.choose')} onChange={(approverId) => onChange({ approverId })} />
          </Field>
        </div>
        <Field label={t('documents.lifecycle.form.reviewers')} hint={t('documents.lifecycle.form.reviewersHint')} {...err('reviewerIds')}>
          <Combobox
            multiselect
            disabled={disabled}
            placeholder={t('documents.lifecycle.form.choosePeople')}
            selectedOptions={v.reviewerIds}
            value={v.reviewerIds.map((id) => people.nameOf(id)).join(', ')}
            onOptionSelect={(_, d) => onChange({ reviewerIds: d.selectedOptions })}
          >
            {personOptions.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.displayName}
              </Option>
            ))}
          </Combobox>
        </Field>
      </fieldset>

      <fieldset className={styles.fieldset} aria-labelledby={ids.legend3}>
        <legend id={ids.legend3} className={styles.legend}>
          {t('documents.lifecycle.form.control')}
        </legend>
        <div className={styles.grid}>
          <Field label={t('documents.lifecycle.form.primaryClause')} hint={t('documents.lifecycle.form.primaryClauseHint')} {...err('primaryClause')}>
            <Combobox
              freeform
              disabled={disabled}
              value={v.primaryClause}
              onChange={(e) => onChange({ primaryClause: e.target.value })}
              onOptionSelect={(_, d) => onChange({ primaryClause: d.optionValue ?? '' })}
            >
              {primaryOptions.map((c) => (
                <Option key={c.clause} value={c.clause} text={c.clause}>
                  {clauseText(c)}
                </Option>
              ))}
            </Combobox>
          </Field>
          <Field label={t('documents.lifecycle.form.reviewCycle')} required {...err('reviewCycleMonths')}>
            <Input type="number" min={1} max={60} value={v.reviewCycleMonths} disabled={disabled} onChange={(_, d) => onChange({ reviewCycleMonths: d.value })} />
          </Field>
        </div>
        <Field label={t('documents.lifecycle.form.clauseRefs')} hint={t('documents.lifecycle.form.clauseRefsHint')} {...err('clauseRefs')}>
          <Combobox
            multiselect
            disabled={disabled}
            placeholder={t('documents.lifecycle.form.chooseClauses')}
            selectedOptions={v.clauseRefs}
            value={v.clauseRefs.join(', ')}
            onOptionSelect={(_, d) => onChange({ clauseRefs: d.selectedOptions })}
          >
            {clauses.map((c) => (
              <Option key={c.clause} value={c.clause} text={c.clause}>
                {clauseText(c)}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Checkbox checked={v.ackRequired} disabled={disabled} label={t('documents.lifecycle.form.ackRequired')} onChange={(_, d) => onChange({ ackRequired: d.checked === true })} />
        {v.ackRequired && (
          <div className={styles.grid}>
            <Field label={t('documents.lifecycle.form.ackAudience')} required {...err('ackAudience')}>
              <Combobox
                multiselect
                disabled={disabled}
                placeholder={t('documents.lifecycle.form.chooseGroups')}
                selectedOptions={v.ackAudience}
                value={v.ackAudience.map(groupName).join(', ')}
                onOptionSelect={(_, d) => onChange({ ackAudience: d.selectedOptions })}
              >
                {groups
                  .filter((g) => g.id)
                  .map((g) => (
                    <Option key={g.id!} value={g.id!}>
                      {g.displayName ?? g.id!}
                    </Option>
                  ))}
              </Combobox>
            </Field>
            <Field label={t('documents.lifecycle.form.ackDueDays')} required {...err('ackDueDays')}>
              <Input type="number" min={0} value={v.ackDueDays} disabled={disabled} onChange={(_, d) => onChange({ ackDueDays: d.value })} />
            </Field>
          </div>
        )}
        <Checkbox checked={v.externalOrigin} disabled={disabled} label={t('documents.lifecycle.form.externalOrigin')} onChange={(_, d) => onChange({ externalOrigin: d.checked === true })} />
        {v.externalOrigin && (
          <Field label={t('documents.lifecycle.form.issuer')} required {...err('issuer')}>
            <Input value={v.issuer} disabled={disabled} onChange={(_, d) => onChange({ issuer: d.value })} />
          </Field>
        )}
        {showChangeSummary && (
          <Field label={t('documents.lifecycle.form.changeSummary')} {...err('changeSummary')}>
            <Textarea value={v.changeSummary} disabled={disabled} onChange={(_, d) => onChange({ changeSummary: d.value })} />
          </Field>
        )}
      </fieldset>
    </>
  );
}
