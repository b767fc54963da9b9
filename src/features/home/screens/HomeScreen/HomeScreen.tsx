import { useId, type ReactNode } from 'react';
import { Body1, Caption1 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HomeCount, HomeCounts } from '../../../../../graph/home/homeCounts.js';
import { readsEveryonesCompetence, type AppArea } from '../../../../domain/roles.js';
import { REVIEW_DUE_SOON_DAYS } from '../../../../domain/documents/constants.js';
import { addDays } from '../../../../domain/documents/dates.js';
import { siteTimeZone, smsSiteUrl } from '../../../../app/config.js';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { useRoles } from '../../../../app/roles/useRoles.js';
import { meQuery, smsSiteQuery } from '../../../../app/session/queries.js';
import { useSession } from '../../../../app/session/SessionContext.js';
import { AREA_LABEL_KEYS, AREA_PATHS } from '../../../../app/shell/areas.js';
import { awaitingMyDecisionPath } from '../../../../platform/paths.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { homeCountsQuery } from '../../queries.js';
import { fromDateOnly, localCalendarDate, toDateOnly, type CalendarDate } from '../../../../platform/clock.js';
import { useHomeStyles } from './HomeScreen.styles.js';
import { canManageCampaigns } from '../../../../domain/acknowledgements/index.js';
import { useSlot } from '../../../../ui/slots.js';

type CountKey = keyof HomeCounts;

const CARDS: readonly {
  key: CountKey;
  label: 'home.pendingAcknowledgements' | 'home.openActions' | 'home.upcomingReviews' | 'home.upcomingAudits' | 'documents.lifecycle.home.dueReviews' | 'home.expiringCompetence';
  area: AppArea;
  /** Where the card's link goes, with its own label (default: the area, "Go to <area>"). */
  link?: { to: string; label: 'home.expiringCompetenceOpen' };
}[] = [
  { key: 'pendingAcknowledgements', label: 'home.pendingAcknowledgements', area: 'acknowledgements' },
  { key: 'openActions', label: 'home.openActions', area: 'actions' },
  { key: 'upcomingReviews', label: 'home.upcomingReviews', area: 'reviews' },
  { key: 'upcomingAudits', label: 'home.upcomingAudits', area: 'audits' },
  { key: 'dueDocumentReviews', label: 'documents.lifecycle.home.dueReviews', area: 'documents' },
  { key: 'expiringCompetence', label: 'home.expiringCompetence', area: 'registers', link: { to: `${AREA_PATHS.registers}/competence?show=expiring`, label: 'home.expiringCompetenceOpen' } },
];

/** Competence records expiring within this many days show on Home (issue 12, clause 7.2). */
const COMPETENCE_EXPIRY_DAYS = 60;

/** The last day a document's periodic review counts as due soon (src/domain: REVIEW_DUE_SOON_DAYS). */
function reviewsDueBy(today: CalendarDate): CalendarDate {
  return fromDateOnly(addDays(toDateOnly(today), REVIEW_DUE_SOON_DAYS))!;
}

/** The last day of the competence expiry window: everyone's records for those who read them all, else the user's own. */
function competenceExpiringBy(today: CalendarDate, everyone: boolean) {
  return { ...fromDateOnly(addDays(toDateOnly(today), COMPETENCE_EXPIRY_DAYS))!, of: everyone ? ('everyone' as const) : ('mine' as const) };
}

/**
 * Home for the signed-in user: documents awaiting their decision, pending acknowledgements, open
 * actions, upcoming reviews and audits. Reads `/me`, the SMS site id and the user's roles (one
 * session-start `$batch`, cached for the session), then the counts in one `$batch`. A list the SMS
 * site does not have yet shows 0 with a note instead of an error. Someone whose only SMS role is
 * employee approves nothing (and may not read the approval lists): their Home does not ask.
 */
export function HomeScreen() {
  const { t } = useTranslation();
  const { session, client, config } = useSession();
  const me = useQuery(meQuery(client));
  const site = useQuery(smsSiteQuery(client, smsSiteUrl(config)));
  const upn = me.data?.userPrincipalName ?? null;
  const siteId = site.data?.id ?? null;
  const today = localCalendarDate();
  // The roles come from the same first batch as `/me` and the site, so waiting for them costs no round trip.
  const { roles, isLoading: rolesLoading } = useRoles();
  const awaitingDecision = roles === null || roles.some((r) => r !== 'employee');
  // SMS managers and document controllers see the open campaigns' figures, read in the same batch.
  const ackCompliance = roles !== null && canManageCampaigns(roles);
  const ComplianceCard = useSlot('homeAcknowledgementCompliance');
  const styles = useHomeStyles();
  const counts = useQuery({
    ...homeCountsQuery(client, {
      siteId: siteId ?? '',
      upn: upn ?? '',
      userId: me.data?.id ?? null,
      today,
      timeZone: siteTimeZone(config),
      documentReviewsDueBy: reviewsDueBy(today),
      awaitingDecision,
      ackCompliance,
      competenceExpiringBy: competenceExpiringBy(today, roles !== null && readsEveryonesCompetence(roles)),
    }),
    enabled: siteId !== null && upn !== null && !rolesLoading,
  });

  const name = me.data?.displayName ?? session.user.displayName;
  const failed = [me, site, counts].find((q) => q.isError);
  // Offline, TanStack Query pauses the reads instead of failing them: say so rather than spin.
  const paused = !counts.data && [me, site, counts].some((q) => q.fetchStatus === 'paused');

  return (
    <>
      <ScreenHeading>{t('home.heading', { name })}</ScreenHeading>
      {me.data && <Body1 as="p">{t('home.signedInAs', { name, upn: me.data.userPrincipalName ?? '' })}</Body1>}
      {failed ? (
        <ErrorMessage
          error={failed.error}
          context={t('home.error')}
          onRetry={() => {
            for (const q of [me, site, counts]) if (q.isError) void q.refetch();
          }}
        />
      ) : paused ? (
        <ErrorMessage error={null} />
      ) : counts.data ? (
        <>
          <CountSection heading={t('home.myWork')} cards={CARDS.slice(0, 2)} counts={counts.data} awaitingDecision={counts.data.awaitingDecision}>
            {ComplianceCard && counts.data.ackCompliance && <ComplianceCard compliance={counts.data.ackCompliance} className={styles.card} />}
          </CountSection>
          <CountSection heading={t('home.upcoming')} cards={CARDS.slice(2)} counts={counts.data} />
        </>
      ) : (
        <Loading label={t('home.loading')} />
      )}
    </>
  );
}

function CountSection({ heading, cards, counts, awaitingDecision, children }: { heading: string; cards: typeof CARDS; counts: HomeCounts; awaitingDecision?: HomeCount; children?: ReactNode }) {
  const styles = useHomeStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {heading}
      </h2>
      <div className={styles.cards}>
        {awaitingDecision && awaitingDecision.state !== 'noAccess' && <AwaitingDecisionCard count={awaitingDecision} />}
        {cards.map((card) => {
          const count = counts[card.key];
          return count && count.state !== 'noAccess' ? <CountCard key={card.key} label={card.label} area={card.area} link={card.link} count={count} /> : null;
        })}
        {children}
      </div>
    </section>
  );
}

type ShownCount = Exclude<HomeCount, { state: 'noAccess' }>;

/** A count as shown: 0 for a missing list, "100+" past a cap. */
function useShownCount(count: ShownCount): string {
  const { t } = useTranslation();
  return count.state === 'missingList' ? '0' : count.more ? t('home.countMore', { count: count.count }) : String(count.count);
}

/**
 * The approver's inbox: how many documents have a review or approval of the user's to decide. The
 * count links to the register filtered to them; none says so.
 */
function AwaitingDecisionCard({ count }: { count: ShownCount }) {
  const { t } = useTranslation();
  const styles = useHomeStyles();
  const id = useId();
  const shown = useShownCount(count);
  const some = count.state === 'counted' && count.count > 0;
  return (
    <section className={styles.card} aria-labelledby={id}>
      <h3 id={id} className={styles.cardHeading}>
        {t('home.awaitingDecision')}
      </h3>
      {some ? (
        <RouterLink to={awaitingMyDecisionPath()}>
          <span className={styles.count}>{shown}</span>
        </RouterLink>
      ) : (
        <p className={styles.count}>{shown}</p>
      )}
      {count.state === 'missingList' && <Caption1 className={styles.note}>{t('home.missingList', { list: count.list })}</Caption1>}
      {count.state === 'counted' && <Caption1 className={styles.note}>{some ? t('home.awaitingDecisionSome') : t('home.awaitingDecisionNone')}</Caption1>}
    </section>
  );
}

function CountCard({ label, area, link, count }: { label: (typeof CARDS)[number]['label']; area: AppArea; link?: (typeof CARDS)[number]['link']; count: ShownCount }) {
  const { t } = useTranslation();
  const styles = useHomeStyles();
  const { areas } = useRoles();
  const id = useId();
  const shown = useShownCount(count);
  return (
    <section className={styles.card} aria-labelledby={id}>
      <h3 id={id} className={styles.cardHeading}>
        {t(label)}
      </h3>
      <p className={styles.count}>{shown}</p>
      {count.state === 'missingList' && <Caption1 className={styles.note}>{t('home.missingList', { list: count.list })}</Caption1>}
      {areas.includes(area) && (link ? <RouterLink to={link.to}>{t(link.label)}</RouterLink> : <RouterLink to={AREA_PATHS[area]}>{t('home.open', { area: t(AREA_LABEL_KEYS[area]) })}</RouterLink>)}
    </section>
  );
}
