import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AREA_ROLES, type AppArea } from '../../domain/roles.js';
import { cloudFeatures } from '../config.js';
import { useSession } from '../session/SessionContext.js';
import { useRoles } from '../roles/useRoles.js';
import { AREA_LABEL_KEYS, PLACEHOLDER_KEYS, ROLE_LABEL_KEYS } from '../shell/areas.js';
import { Loading } from '../shell/Loading.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';

/** Areas built on Planner, and the catalog key explaining them where the cloud has no Planner (21Vianet). */
const NO_PLANNER_KEYS: Partial<Record<Exclude<AppArea, 'home'>, 'area.noPlanner.actions'>> = { actions: 'area.noPlanner.actions' };

/**
 * An area that is not built yet: an honest placeholder saying what will come, with no sample data.
 * Someone whose roles may not use the area (e.g. by typing its address) is told so instead. Where the
 * cloud has no Planner (`cloudFeatures(config).planner`), a Planner-based area says how it works there.
 */
export function AreaScreen({ area }: { area: Exclude<AppArea, 'home'> }) {
  const { t } = useTranslation();
  const { areas, isLoading } = useRoles();
  const { config } = useSession();
  const noPlannerKey = cloudFeatures(config).planner ? undefined : NO_PLANNER_KEYS[area];
  const name = t(AREA_LABEL_KEYS[area]);
  if (isLoading && !areas.includes(area)) return <Loading label={t('nav.rolesLoading')} />;
  if (!areas.includes(area)) {
    const roles = AREA_ROLES[area].map((r) => t(ROLE_LABEL_KEYS[r])).join(t('role.listSeparator'));
    return (
      <>
        <ScreenHeading>{name}</ScreenHeading>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('area.notAllowed.title')}</MessageBarTitle>
            {t('area.notAllowed.body', { area: name, roles })}
          </MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return (
    <>
      <ScreenHeading>{name}</ScreenHeading>
      {noPlannerKey && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('area.noPlanner.title')}</MessageBarTitle>
            {t(noPlannerKey)}
          </MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('area.placeholder.title', { area: name })}</MessageBarTitle>
          {t(PLACEHOLDER_KEYS[area])}
        </MessageBarBody>
      </MessageBar>
      <Body1 as="p">{t('area.placeholder.note')}</Body1>
    </>
  );
}
