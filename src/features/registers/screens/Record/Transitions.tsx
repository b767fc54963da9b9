import { useState } from 'react';
import { Body1, Field, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../../domain/registers/types.js';
import type { RegisterRecord } from '../../../../platform/registers/index.js';
import { ActionDialog } from '../../../../ui/ActionDialog.js';
import { refusalText, statusLabel } from '../../i18n/labels.js';
import { useTransitionRecord } from '../../mutations.js';
import type { RegisterConfig } from '../../services/catalog.js';
import type { RegisterContext } from '../../services/context.js';
import { RegisterRefusalError } from '../../services/errors.js';
import { refOf } from '../../services/records.js';
import { useRecordStyles } from './Record.styles.js';
import type { TransitionOption } from './transitionOptions.js';

/**
 * The status changes the signed-in user may make, as buttons (each opens a dialog with a reason
 * field, required where the rules need one), and the ones they may not, each with the rules' reason.
 */
export function Transitions({ ctx, config, record, options }: { ctx: RegisterContext; config: RegisterConfig; record: RegisterRecord; options: readonly TransitionOption[] }) {
  const { t } = useTranslation();
  const styles = useRecordStyles();
  const allowed = options.filter((o) => o.refusal === null);
  const refused = options.filter((o) => o.refusal !== null);
  if (options.length === 0) return <Body1 as="p">{t('registers.record.noTransitions')}</Body1>;
  return (
    <>
      {allowed.length > 0 ? (
        <div className={styles.buttons}>
          {allowed.map((o) => (
            <TransitionDialog key={o.to} ctx={ctx} config={config} record={record} option={o} />
          ))}
        </div>
      ) : (
        <Body1 as="p">{t('registers.record.noAllowedTransitions')}</Body1>
      )}
      {refused.length > 0 && (
        <>
          <Body1 as="p" className={styles.note}>
            {t('registers.record.refusedHeading')}
          </Body1>
          <ul className={styles.refusals}>
            {refused.map((o) => (
              <li key={o.to}>
                <strong>{statusLabel(t, o.to)}</strong>
                {t('registers.record.refusedSeparator')}
                {refusalText(t, o.refusal!)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function TransitionDialog({ ctx, config, record, option }: { ctx: RegisterContext; config: RegisterConfig; record: RegisterRecord; option: TransitionOption }) {
  const { t } = useTranslation();
  const transition = useTransitionRecord(ctx);
  const [reason, setReason] = useState('');
  const to = statusLabel(t, option.to);
  return (
    <ActionDialog<Refusal, 'reason'>
      triggerLabel={t('registers.record.moveTo', { status: to })}
      title={t('registers.record.moveTitle', { ref: refOf(record), status: to })}
      confirmLabel={t('registers.record.moveConfirm', { status: to })}
      description={t('registers.record.moveBody', { status: to })}
      precheck={() => (option.needsReason && reason.trim() === '' ? { code: 'reasonRequired' } : null)}
      run={() => transition.mutateAsync({ register: config.key, itemId: record.id, to: option.to, reason })}
      refusalOf={(e) => (e instanceof RegisterRefusalError ? e.refusal : null)}
      explain={(r) => (r.code === 'reasonRequired' ? { message: t('registers.record.reasonNeeded'), at: 'reason' } : { message: refusalText(t, r) })}
      onReset={() => setReason('')}
    >
      {({ fieldError, busy }) => (
        <Field
          label={option.needsReason ? t('registers.record.reason') : t('registers.record.reasonOptional')}
          required={option.needsReason}
          validationMessage={fieldError('reason')}
          validationState={fieldError('reason') ? 'error' : 'none'}
        >
          <Textarea value={reason} disabled={busy} onChange={(_, d) => setReason(d.value)} />
        </Field>
      )}
    </ActionDialog>
  );
}
