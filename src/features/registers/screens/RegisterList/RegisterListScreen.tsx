import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../../../app/session/queries.js';
import { checkCreate } from '../../../../domain/registers/lifecycle.js';
import { useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { useRoles } from '../../../../app/roles/useRoles.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { registerName } from '../../i18n/labels.js';
import { registerConfig } from '../../services/catalog.js';
import { newRecordPath, recordPath, registersPath } from '../../services/paths.js';
import { useRegisterSite } from '../../useRegisterContext.js';
import { RegisterSummaryPart, RegisterTools } from './RegisterToolbar.js';
import { RegisterList } from './RegisterList.js';
import { useRegisterListStyles } from './RegisterList.styles.js';
import { addressFilterable } from './useRegisterList.js';
import { UnknownRegister } from './UnknownRegister.js';

/**
 * `/registers/:register`: one register of the SMS site. Its filters live in the address
 * (`?Status=Closed&Owner=7`), so a count elsewhere links to the records it counts; "New record"
 * opens the form, Import and Export the register's files, and the register's summary (risk heat map,
 * objectives' progress) shows above the table.
 */
export function RegisterListScreen() {
  const { t } = useTranslation();
  const styles = useRegisterListStyles();
  const { register } = useParams();
  const config = registerConfig(register);
  const site = useRegisterSite();
  const { roles } = useRoles();
  const me = useQuery(meQuery(site.client));
  // The rules say who adds records (§6.2); a competence record may be the person's own, so it is offered to everyone.
  const canCreate = config !== undefined && (config.key === 'competenceRecords' || checkCreate(config.key, {}, { id: me.data?.userPrincipalName?.toLowerCase() ?? '', roles: roles ?? ['employee'], ownedProcessIds: [] }) === null);
  const [search, setSearch] = useSearchParams();
  const initialFilters = useMemo(() => (config ? Object.fromEntries([...search.entries()].filter(([k]) => config.filterColumns.includes(k) || addressFilterable(config, k))) : {}), [config, search]);
  if (!config) return <UnknownRegister register={register ?? ''} />;
  return (
    <>
      <ScreenHeading>{registerName(t, config.schema)}</ScreenHeading>
      <div className={styles.toolbar}>
        <RouterLink to={registersPath()}>{t('registers.list.allRegisters')}</RouterLink>
        {canCreate && <RouterLink to={newRecordPath(config.key)}>{t('registers.list.new')}</RouterLink>}
      </div>
      {site.error ? (
        <ErrorMessage error={site.error} context={t('registers.list.error')} onRetry={site.retry} />
      ) : !site.siteId ? (
        <Loading label={t('registers.list.loading')} />
      ) : (
        <RegisterList
          key={config.key}
          config={config}
          client={site.client}
          siteId={site.siteId}
          timeZone={site.timeZone}
          initialFilters={initialFilters}
          onFiltersChange={(filters) => {
            const next = new URLSearchParams();
            for (const [k, v] of Object.entries(filters)) if (v) next.set(k, v);
            setSearch(next, { replace: true });
          }}
          renderRecordLink={(record, children) => <RouterLink to={recordPath(config.key, Number(record.id))}>{children}</RouterLink>}
          renderAbove={() => <RegisterSummaryPart config={config} />}
          renderTools={(state) => <RegisterTools config={config} state={state} roles={roles ?? []} siteId={site.siteId!} />}
        />
      )}
    </>
  );
}
