import { Badge, Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { checkEdit } from '../../../../domain/registers/lifecycle.js';
import type { RegisterRecord } from '../../../../platform/registers/index.js';
import { useSlot } from '../../../../ui/slots.js';
import { useFieldFormat, type ValueNames } from '../../components/FieldValue.js';
import { columnLabel, refusalText, registerName, statusLabel } from '../../i18n/labels.js';
import { linkedActionsQuery, lookupOptionsQuery, recordQuery } from '../../queries.js';
import { registerConfig, type RegisterConfig } from '../../services/catalog.js';
import type { RegisterContext } from '../../services/context.js';
import { RecordNotFoundError } from '../../services/errors.js';
import { domainValues, refOf, statusOf } from '../../services/records.js';
import { registerListPath } from '../../services/paths.js';
import { useRegisterContext } from '../../useRegisterContext.js';
import { UnknownRegister } from '../RegisterList/UnknownRegister.js';
import { EditRecordDialog } from './EditRecordDialog.js';
import { History } from './History.js';
import { useRecordStyles } from './Record.styles.js';
import { Transitions } from './Transitions.js';
import { transitionOptions } from './transitionOptions.js';

/** `/registers/:register/:itemId`: one record (deep links `rec:<register>:<id>` land here). */
export function RecordScreen() {
  const { register, itemId } = useParams();
  const config = registerConfig(register);
  if (!config) return <UnknownRegister register={register ?? ''} />;
  return <RecordPage key={`${config.key}:${itemId}`} config={config} itemId={itemId ?? ''} />;
}

function RecordPage({ config, itemId }: { config: RegisterConfig; itemId: string }) {
  const { t } = useTranslation();
  const { context, error, retry } = useRegisterContext();
  const name = registerName(t, config.schema);
  if (!/^\d+$/.test(itemId)) return <NotFound config={config} />;
  if (error) {
    return (
      <>
        <ScreenHeading>{name}</ScreenHeading>
        <ErrorMessage error={error} context={t('registers.record.loadError')} onRetry={retry} />
      </>
    );
  }
  if (!context) {
    return (
      <>
        <ScreenHeading>{name}</ScreenHeading>
        <Loading label={t('registers.record.loading')} />
      </>
    );
  }
  return <LoadedRecordPage ctx={context} config={config} itemId={itemId} />;
}

function NotFound({ config }: { config: RegisterConfig }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{registerName(t, config.schema)}</ScreenHeading>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('registers.record.notFoundTitle')}</MessageBarTitle>
          {t('registers.record.notFoundBody')}
        </MessageBarBody>
      </MessageBar>
      <RouterLink to={registerListPath(config.key)}>{t('registers.record.backToList', { register: registerName(t, config.schema) })}</RouterLink>
    </>
  );
}

/** Names of the lookups of every lookup column of the register (one read per target list, cached). */
function useLookupNames(ctx: RegisterContext, config: RegisterConfig): ValueNames['lookups'] {
  const lookups = config.schema.columns.filter((c) => (c.type === 'lookup' || c.type === 'lookupMulti') && c.lookupList);
  const results = useQueries({ queries: lookups.map((c) => lookupOptionsQuery(ctx.client, ctx.site.siteId, c.lookupList!)) });
  return Object.fromEntries(lookups.map((c, i) => [c.name, new Map((results[i]?.data ?? []).map((o) => [o.id, o.label]))]));
}

function LoadedRecordPage({ ctx, config, itemId }: { ctx: RegisterContext; config: RegisterConfig; itemId: string }) {
  const { t } = useTranslation();
  const styles = useRecordStyles();
  const record = useQuery(recordQuery(ctx.client, ctx.site.siteId, config, itemId, ctx.timeZone));
  const name = registerName(t, config.schema);
  if (record.error instanceof RecordNotFoundError) return <NotFound config={config} />;
  if (record.isError) {
    return (
      <>
        <ScreenHeading>{name}</ScreenHeading>
        <ErrorMessage error={record.error} context={t('registers.record.loadError')} onRetry={() => void record.refetch()} />
      </>
    );
  }
  if (record.isPending) {
    return (
      <>
        <ScreenHeading>{name}</ScreenHeading>
        <Loading label={t('registers.record.loading')} />
      </>
    );
  }
  const title = typeof record.data.values.Title === 'string' ? record.data.values.Title : '';
  return (
    <>
      <ScreenHeading>{title ? t('registers.record.heading', { ref: refOf(record.data), title }) : refOf(record.data)}</ScreenHeading>
      <div className={styles.root}>
        <div className={styles.links}>
          <RouterLink to={registerListPath(config.key)}>{t('registers.record.backToList', { register: name })}</RouterLink>
        </div>
        <RecordBody ctx={ctx} config={config} record={record.data} />
      </div>
    </>
  );
}

function RecordBody({ ctx, config, record }: { ctx: RegisterContext; config: RegisterConfig; record: RegisterRecord }) {
  const { t } = useTranslation();
  const styles = useRecordStyles();
  const lookups = useLookupNames(ctx, config);
  const names: ValueNames = { people: ctx.people, lookups, statusColumn: config.statusColumn };
  const format = useFieldFormat(names);
  const status = statusOf(config, record);
  const RecordActions = useSlot('recordActions');
  const values = domainValues(config, record.values, ctx.people);
  const editRefusal = checkEdit(config.key, values, ctx.actor);
  const primary = typeof record.values.PrimaryClause === 'string' ? record.values.PrimaryClause : null;
  const clauses = [...new Set([...(primary ? [primary] : []), ...(Array.isArray(record.values.ClauseRefs) ? record.values.ClauseRefs : [])])];
  const shown = config.schema.columns.filter((c) => !['Title', 'Ref', 'PrimaryClause', 'ClauseRefs', config.statusColumn].includes(c.name));
  return (
    <>
      <div className={styles.summary}>
        {status && (
          <Badge appearance="filled" shape="rounded" color="brand">
            {t('registers.record.status', { status: statusLabel(t, status) })}
          </Badge>
        )}
        {clauses.length > 0 && (
          <span aria-label={t('registers.record.clausesLabel')} role="group">
            {clauses.map((c) => (
              <Badge key={c} appearance={c === primary ? 'tint' : 'outline'} shape="rounded" color="informative" className={c === primary ? styles.primaryClause : undefined}>
                {t('registers.record.clause', { clause: c })}
              </Badge>
            ))}
          </span>
        )}
      </div>

      {status !== null && (
        <section className={styles.section} aria-labelledby="record-status">
          <h2 id="record-status" className={styles.heading}>
            {t('registers.record.statusHeading')}
          </h2>
          <StatusSteps ctx={ctx} config={config} record={record} />
        </section>
      )}

      <section className={styles.section} aria-labelledby="record-details">
        <h2 id="record-details" className={styles.heading}>
          {t('registers.record.detailsHeading')}
        </h2>
        {editRefusal === null ? (
          <div className={styles.buttons}>
            <EditRecordDialog ctx={ctx} config={config} record={record} />
          </div>
        ) : (
          <Caption1 className={styles.note}>{t('registers.record.cannotEdit', { reason: refusalText(t, editRefusal) })}</Caption1>
        )}
        <dl className={styles.fields}>
          {shown.map((c) => (
            <div key={c.name} className={c.type === 'note' ? `${styles.field} ${styles.wideField}` : styles.field}>
              <dt className={styles.label}>{columnLabel(t, c)}</dt>
              <dd className={styles.value}>{format(c, record.values[c.name])}</dd>
            </div>
          ))}
        </dl>
      </section>

      {/* The Actions area's part (its own "Actions" heading): the record's actions and "Raise action". */}
      {config.sourceType && RecordActions && (
        <RecordActions register={config.key} itemId={Number(record.id)} recordRef={refOf(record)} ownerId={typeof values.Owner === 'string' ? values.Owner : null} primaryClause={primary} />
      )}

      <section className={styles.section} aria-labelledby="record-history">
        <h2 id="record-history" className={styles.heading}>
          {t('registers.history.heading')}
        </h2>
        <History client={ctx.client} siteId={ctx.site.siteId} config={config} record={record} people={ctx.people} timeZone={ctx.timeZone} names={names} />
      </section>
    </>
  );
}

/** The transitions, once the record's linked actions are known (nonconformities: their rules depend on them). */
function StatusSteps({ ctx, config, record }: { ctx: RegisterContext; config: RegisterConfig; record: RegisterRecord }) {
  const { t } = useTranslation();
  const linked = useQuery({ ...linkedActionsQuery(ctx, config, record.id), enabled: config.sourceType === 'Nonconformity' });
  if (config.sourceType === 'Nonconformity') {
    if (linked.isError) return <ErrorMessage error={linked.error} context={t('registers.record.actionsError')} onRetry={() => void linked.refetch()} />;
    if (linked.isPending) return <Loading label={t('registers.record.checking')} />;
  }
  const options = transitionOptions(ctx, config, record, linked.data ?? undefined);
  return (
    <>
      <Body1 as="p">{t('registers.record.statusNow', { status: statusLabel(t, statusOf(config, record)) })}</Body1>
      <Transitions ctx={ctx} config={config} record={record} options={options} />
    </>
  );
}
