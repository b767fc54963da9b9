import { useId, useMemo } from 'react';
import { Caption1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { HeatMapChart, HorizontalBarChart, HorizontalBarChartVariant, type ChartProps, type HeatMapChartData } from '@fluentui/react-charts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GraphClient } from '../../../../graph/core/client.js';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../app/shell/Loading.js';
import { RouterLink } from '../../../app/shell/RouterLink.js';
import { objectiveProgress } from '../../../domain/registers/objectives.js';
import { heatMap, riskScore, type HeatCell, type RiskBand } from '../../../domain/registers/risk.js';
import { cell, readAll, type RegisterRecord } from '../../../platform/registers/index.js';
import { registerListKey } from '../queries.js';
import { registerConfig, type RegisterConfig } from '../services/catalog.js';
import { recordPath, registerListPath } from '../services/paths.js';
import { definitionOf } from '../services/records.js';
import { useRegisterSite } from '../useRegisterContext.js';

export interface RegisterSummaryProps {
  /** Schema key of the register the list shows. */
  readonly register: string;
}

/** The registers with a picture, and the columns each reads (the whole register: these lists are small). */
const SUMMARY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  risks: ['Ref', 'Title', 'Status', 'ResidualLikelihood', 'ResidualImpact'],
  objectives: ['Ref', 'Title', 'Status', 'Baseline', 'Target', 'CurrentValue', 'Unit', 'Direction', 'RAG'],
};

/** Records no longer in play are left out of the pictures. */
const NOT_IN_PLAY: Readonly<Record<string, readonly string[]>> = {
  risks: ['Closed'],
  objectives: ['Closed', 'Withdrawn', 'Revised'],
};

/** Every record of a summarised register, under the list's query key (a write to the list refreshes it). */
const summaryQuery = (client: GraphClient, siteId: string, config: RegisterConfig, timeZone: string) =>
  queryOptions({
    queryKey: [...registerListKey(siteId, config), 'items', 'summary'],
    queryFn: ({ signal }) => readAll(client, siteId, definitionOf(config, SUMMARY_COLUMNS[config.key]), { filters: [], sort: null, timeZone }, { signal }),
    staleTime: 60_000,
  });

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  subheading: { ...typographyStyles.subtitle2, margin: 0 },
  chart: { maxWidth: '560px', width: '100%', minWidth: 0, overflowX: 'auto' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, textAlign: 'left', verticalAlign: 'top' },
    '& th': { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  },
  note: { color: tokens.colorNeutralForeground2 },
  refs: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/**
 * The picture above a register's list: for risks a likelihood × impact heat map of the residual ratings
 * (risks not rated yet are named below it), for objectives the progress of each towards its target;
 * each with a table that says the same (for screen readers, and as the text view), each count a link to the
 * list filtered to what it counts. Nothing for other registers.
 */
export function RegisterSummary({ register }: RegisterSummaryProps) {
  const config = registerConfig(register);
  if (!config || !SUMMARY_COLUMNS[register]) return null;
  return <Summary config={config} />;
}

function Summary({ config }: { config: RegisterConfig }) {
  const { t } = useTranslation();
  const site = useRegisterSite();
  const query = useQuery({ ...summaryQuery(site.client, site.siteId ?? '', config, site.timeZone), enabled: site.siteId !== null });
  if (query.isError) return <ErrorMessage error={query.error} context={t('registers.summary.error')} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading label={t('registers.summary.loading')} />;
  const rows = query.data.filter((r) => !NOT_IN_PLAY[config.key]?.includes(cell.text(r.values.Status) ?? ''));
  return config.key === 'risks' ? <RiskHeatMap rows={rows} /> : <ObjectivesProgress rows={rows} />;
}

// ---------- risks ----------

/** Fixed heat colours (the chart needs hex values); the chart picks a readable text colour on each. */
const BAND_COLOURS: Readonly<Record<RiskBand, string>> = { low: '#6bb700', medium: '#fce100', high: '#f7630c', critical: '#d13438' };
const BAND_SCORE: Readonly<Record<RiskBand, number>> = { low: 1, medium: 5, high: 10, critical: 20 };
const BANDS: readonly RiskBand[] = ['low', 'medium', 'high', 'critical'];
/** The 1–5 rating scale as the chart's category order. */
const SCALE = ['1', '2', '3', '4', '5'];

/** A risk where the map places it: its residual likelihood and impact (a risk without them is listed as not rated). */
export function riskPosition(r: RegisterRecord): { ref: string; likelihood: number | null; impact: number | null } {
  return { ref: cell.text(r.values.Ref) ?? `#${r.id}`, likelihood: cell.number(r.values.ResidualLikelihood), impact: cell.number(r.values.ResidualImpact) };
}

const cellLabel = (t: TFunction, c: HeatCell) => t('registers.summary.risks.cellLabel', { likelihood: c.likelihood, impact: c.impact, count: c.count, band: t(`registers.summary.risks.band.${c.band}`) });

function RiskHeatMap({ rows }: { rows: readonly RegisterRecord[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const positions = useMemo(() => rows.map(riskPosition), [rows]);
  const cells = useMemo(() => heatMap(positions), [positions]);
  const unrated = positions.filter((p) => riskScore(p.likelihood, p.impact) === null);
  const idsByRef = useMemo(() => new Map(rows.map((r) => [cell.text(r.values.Ref) ?? `#${r.id}`, r.id])), [rows]);
  const data: HeatMapChartData[] = BANDS.map((band) => ({
    legend: t(`registers.summary.risks.band.${band}`),
    value: BAND_SCORE[band],
    data: cells
      .filter((c) => c.band === band)
      .map((c) => ({
        x: String(c.impact),
        y: String(c.likelihood),
        value: c.likelihood * c.impact,
        rectText: c.count,
        callOutAccessibilityData: { ariaLabel: cellLabel(t, c) },
      })),
  }));
  return (
    <section className={styles.root} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t('registers.summary.risks.title')}
      </h2>
      <Caption1 className={styles.note}>{t('registers.summary.risks.about', { count: positions.length - unrated.length })}</Caption1>
      <div className={styles.chart}>
        <HeatMapChart
          chartTitle={t('registers.summary.risks.title')}
          data={data}
          domainValuesForColorScale={[1, 4, 5, 9, 10, 16, 20, 25]}
          rangeValuesForColorScale={['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical'].map((b) => BAND_COLOURS[b as RiskBand])}
          xAxisTitle={t('registers.summary.risks.impact')}
          yAxisTitle={t('registers.summary.risks.likelihood')}
          // Impact 1 → 5 left to right; the chart draws the y order bottom-up, so likelihood 5 is the top row.
          xAxisCategoryOrder={SCALE}
          yAxisCategoryOrder={SCALE}
          height={360}
        />
      </div>
      <div className={styles.scroll}>
          <table className={styles.table}>
            <caption className={styles.note}>{t('registers.summary.risks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registers.summary.risks.likelihoodImpact')}</th>
                {[1, 2, 3, 4, 5].map((impact) => (
                  <th key={impact} scope="col">
                    {t('registers.summary.risks.impactN', { n: impact })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[5, 4, 3, 2, 1].map((likelihood) => (
                <tr key={likelihood}>
                  <th scope="row">{t('registers.summary.risks.likelihoodN', { n: likelihood })}</th>
                  {cells
                    .filter((c) => c.likelihood === likelihood)
                    .map((c) => (
                      <td key={c.impact}>
                        {c.count > 0 ? (
                          <RouterLink to={registerListPath('risks', { ResidualLikelihood: c.likelihood, ResidualImpact: c.impact })} aria-label={cellLabel(t, c)}>
                            {String(c.count)}
                          </RouterLink>
                        ) : (
                          '0'
                        )}
                        <span className={styles.refs}>
                          {t(`registers.summary.risks.band.${c.band}`)}
                          {c.refs.map((ref) => (
                            <span key={ref}>
                              {' · '}
                              {idsByRef.get(ref) ? <RouterLink to={recordPath('risks', Number(idsByRef.get(ref)))}>{ref}</RouterLink> : ref}
                            </span>
                          ))}
                        </span>
                      </td>
                    ))}
                </tr>
              ))}
            </tbody>
          </table>
      </div>
      {unrated.length > 0 && <Caption1 className={styles.note}>{t('registers.summary.risks.unrated', { count: unrated.length, refs: unrated.map((u) => u.ref).join(', ') })}</Caption1>}
      <BandCounts cells={cells} />
    </section>
  );
}

/** How many risks sit in each band. */
function BandCounts({ cells }: { cells: readonly HeatCell[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Caption1 as="p" className={styles.note}>
      {BANDS.map((band, i) => {
        const count = cells.filter((c) => c.band === band).reduce((n, c) => n + c.count, 0);
        return (
          <span key={band}>
            {i > 0 && <span aria-hidden="true"> · </span>}
            <span>{t('registers.summary.risks.bandCount', { band: t(`registers.summary.risks.band.${band}`), count })}</span>
          </span>
        );
      })}
    </Caption1>
  );
}

// ---------- objectives ----------

interface ObjectiveView {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly current: number | null;
  readonly unit: string;
  readonly rag: string | null;
  readonly percent: number | null;
  readonly met: boolean | null;
}

export function objectiveView(r: RegisterRecord): ObjectiveView {
  const baseline = cell.number(r.values.Baseline);
  const target = cell.number(r.values.Target);
  const current = cell.number(r.values.CurrentValue);
  const progress = objectiveProgress({ baseline, target, current, direction: cell.text(r.values.Direction) });
  return {
    id: r.id,
    ref: cell.text(r.values.Ref) ?? `#${r.id}`,
    title: cell.text(r.values.Title) ?? '',
    baseline,
    target,
    current,
    unit: cell.text(r.values.Unit) ?? '',
    rag: cell.text(r.values.RAG),
    percent: progress.percent,
    met: progress.met,
  };
}

const RAGS = ['On track', 'At risk', 'Off track'] as const;
const RAG_KEYS = { 'On track': 'onTrack', 'At risk': 'atRisk', 'Off track': 'offTrack' } as const;

function ObjectivesProgress({ rows }: { rows: readonly RegisterRecord[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const views = useMemo(() => rows.map(objectiveView), [rows]);
  const shown = (v: number | null, unit: string) => (v === null ? '–' : `${v}${unit ? ` ${unit}` : ''}`);
  const data: ChartProps[] = views.map((v) => ({
    chartTitle: `${v.ref} ${v.title}`,
    chartData: [
      {
        legend: t('registers.summary.objectives.progress'),
        horizontalBarChartdata: { x: v.percent ?? 0, total: 100 },
        color: v.met ? tokens.colorPaletteGreenBackground3 : tokens.colorBrandBackground,
        callOutAccessibilityData: { ariaLabel: t('registers.summary.objectives.barLabel', { ref: v.ref, percent: v.percent ?? 0 }) },
      },
    ],
  }));
  return (
    <section className={styles.root} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t('registers.summary.objectives.title')}
      </h2>
      <Caption1 as="p" className={styles.note}>
        {RAGS.map((rag, i) => {
          const count = views.filter((v) => v.rag === rag).length;
          const label = t(`registers.summary.objectives.rag.${RAG_KEYS[rag]}`);
          return (
            <span key={rag}>
              {i > 0 && ' · '}
              {label}:{' '}
              {count > 0 ? (
                <RouterLink to={registerListPath('objectives', { RAG: rag })} aria-label={t('registers.summary.objectives.ragLink', { label, count })}>
                  {String(count)}
                </RouterLink>
              ) : (
                '0'
              )}
            </span>
          );
        })}
      </Caption1>
      {views.length === 0 ? (
        <Caption1 className={styles.note}>{t('registers.summary.objectives.none')}</Caption1>
      ) : (
        <div className={styles.chart}>
          <HorizontalBarChart data={data} variant={HorizontalBarChartVariant.AbsoluteScale} chartDataMode="percentage" />
        </div>
      )}
      <div className={styles.scroll}>
          <table className={styles.table}>
            <caption className={styles.note}>{t('registers.summary.objectives.caption')}</caption>
            <thead>
              <tr>
                {(['objective', 'baseline', 'target', 'current', 'progress', 'met'] as const).map((k) => (
                  <th key={k} scope="col">
                    {t(`registers.summary.objectives.col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {views.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <RouterLink to={recordPath('objectives', Number(v.id))}>{v.ref}</RouterLink> {v.title}
                  </th>
                  <td>{shown(v.baseline, v.unit)}</td>
                  <td>{shown(v.target, v.unit)}</td>
                  <td>{shown(v.current, v.unit)}</td>
                  <td>{v.percent === null ? t('registers.summary.objectives.unknown') : `${v.percent}%`}</td>
                  <td>{v.met === null ? t('registers.summary.objectives.unknown') : v.met ? t('registers.summary.objectives.metYes') : t('registers.summary.objectives.metNo')}</td>
                </tr>
              ))}
            </tbody>
          </table>
      </div>
    </section>
  );
}
