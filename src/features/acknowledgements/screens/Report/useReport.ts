import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { compliancePercent, figuresBy, figuresOf, type AckCampaign, type AckFigures, type RequestView } from '../../../../domain/acknowledgements/index.js';
import { ACK_STATUS_PARAM } from '../../../../platform/paths.js';
import { downloadFile, type ExportFormat, type SaveFile } from '../../../../ui/export/index.js';
import { ackListsKey, audienceGroupsQuery, refreshAfterCampaignStep, campaignQuery, groupPeopleQuery, releaseCampaignsQuery, releaseRecordsQuery, siteListIdsQuery } from '../../campaignQueries.js';
import { reconcileCampaigns, waive, type ListIds } from '../../services/campaignActions.js';
import type { CampaignContext } from '../../useCampaignContext.js';
import { reportFile } from './reportExport.js';
import { departmentOf, reportFilterOf, reportRows, type ReportFilter } from './reportFilter.js';

/** A report is of one campaign, or of one release (every campaign that asked about it). */
export type ReportTarget = { readonly campaignId: string } | { readonly releaseId: number };

/** The query parameter that narrows the drill-down table to one department. */
export const DEPARTMENT_PARAM = 'department';

export interface GroupFigures {
  readonly group: string;
  readonly figures: AckFigures;
}

export type ExportState = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; fileName: string; count: number } | { phase: 'failed'; error: unknown };

const isCampaign = (t: ReportTarget): t is Extract<ReportTarget, { campaignId: string }> => 'campaignId' in t;

/** Runs the open campaigns' reconciliation once per opening of the report (a fresh key per mount). */
function useReconcile(ctx: CampaignContext, listIds: ListIds | undefined, campaigns: readonly AckCampaign[] | undefined) {
  const [opening] = useState(() => Math.random().toString(36).slice(2));
  const open = (campaigns ?? []).filter((c) => c.status === 'Open');
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['ack-reconcile', opening, open.map((c) => c.id).join(',')],
    queryFn: async () => {
      await reconcileCampaigns(ctx, listIds!, open);
      // The stored figures and statuses changed: the campaigns list shows them.
      await queryClient.invalidateQueries({ queryKey: [...ackListsKey(ctx.site.siteId), 'lists'], refetchType: 'none' });
      return true;
    },
    enabled: ctx.manages && listIds !== undefined && campaigns !== undefined && open.length > 0,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

/** State and data of a compliance report (see `Report`). */
export function useReport(ctx: CampaignContext, target: ReportTarget, saveFile: SaveFile = downloadFile) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = reportFilterOf(params.get(ACK_STATUS_PARAM));
  const department = params.get(DEPARTMENT_PARAM);
  const queryClient = useQueryClient();

  const campaign = useQuery({
    ...campaignQuery(ctx.client, ctx.site, isCampaign(target) ? target.campaignId : '', ctx.timeZone),
    enabled: isCampaign(target),
  });
  const releaseId = isCampaign(target) ? campaign.data?.releaseId : target.releaseId;
  const releaseCampaigns = useQuery({
    ...releaseCampaignsQuery(ctx.client, ctx.site, releaseId ?? 0, ctx.timeZone),
    enabled: releaseId !== undefined && !isCampaign(target),
  });
  const campaigns: readonly AckCampaign[] | undefined = isCampaign(target) ? (campaign.data ? [campaign.data] : undefined) : releaseCampaigns.data;
  // The engine writes (reconciliation, waivers) address lists by id; only managers and waivers need them.
  const listIds = useQuery({ ...siteListIdsQuery(ctx.client, ctx.site.siteId), enabled: ctx.manages || ctx.waives });
  const reconcile = useReconcile(ctx, listIds.data, campaigns);
  const reconciling = reconcile.fetchStatus === 'fetching';
  const records = useQuery({
    ...releaseRecordsQuery(ctx.client, ctx.site, releaseId ?? 0, ctx.today, ctx.timeZone),
    enabled: releaseId !== undefined && campaigns !== undefined && !reconciling && (!ctx.manages || listIds.data !== undefined || listIds.isError),
  });

  const none = t('ackReport.noDepartment');
  const views = useMemo<RequestView[]>(() => {
    const all = records.data?.views ?? [];
    return isCampaign(target) ? all.filter((v) => String(v.request.campaignId) === target.campaignId) : [...all];
  }, [records.data, target]);
  const figures = useMemo(() => figuresOf(views), [views]);
  const byDepartment = useMemo(() => figuresBy(views, (v) => [departmentOf(v, none)]), [views, none]);

  // Figures by audience group: who each group reaches now (nested groups resolved), plus the people named.
  const groupIds = useMemo(() => [...new Set((campaigns ?? []).flatMap((c) => c.audienceGroups))], [campaigns]);
  const named = useMemo(() => new Set((campaigns ?? []).flatMap((c) => c.audiencePeople)), [campaigns]);
  const groupPeople = useQuery({ ...groupPeopleQuery(ctx.client, groupIds), enabled: groupIds.length > 0 });
  const groups = useQuery({ ...audienceGroupsQuery(ctx.client), enabled: groupIds.length > 0 });
  const byGroup = useMemo<GroupFigures[] | null>(() => {
    if (groupIds.length > 0 && !groupPeople.data) return null;
    const nameOf = (id: string) => groups.data?.find((g) => g.id === id)?.displayName ?? id;
    const namedLabel = t('ackReport.namedPeople');
    return figuresBy(views, (v) => [
      ...groupIds.filter((id) => groupPeople.data?.get(id)?.has(v.request.userId.toLowerCase())).map(nameOf),
      ...(named.has(v.request.userUpn.toLowerCase()) ? [namedLabel] : []),
    ]);
  }, [views, groupIds, groupPeople.data, groups.data, named, t]);

  const rows = useMemo(() => reportRows(views, filter, department, none), [views, filter, department, none]);

  const setFilter = (next: ReportFilter, dept: string | null = department) => {
    const p = new URLSearchParams(params);
    p.set(ACK_STATUS_PARAM, next);
    if (dept === null) p.delete(DEPARTMENT_PARAM);
    else p.set(DEPARTMENT_PARAM, dept);
    setParams(p);
  };

  const [exportState, setExportState] = useState<ExportState>({ phase: 'idle' });
  const first = campaigns?.[0];
  async function exportAs(format: ExportFormat) {
    if (!first) return;
    setExportState({ phase: 'running' });
    try {
      const file = await reportFile(format, rows, t, { docId: first.docId, versionLabel: first.versionLabel, filter, today: ctx.today, timeZone: ctx.timeZone });
      saveFile(file);
      setExportState({ phase: 'done', fileName: file.name, count: rows.length });
    } catch (error) {
      setExportState({ phase: 'failed', error });
    }
  }

  const waiver = useMutation({
    mutationFn: async ({ view, reason }: { view: RequestView; reason: string }) => waive(ctx, listIds.data ?? (await queryClient.fetchQuery(siteListIdsQuery(ctx.client, ctx.site.siteId))), view, reason),
    onSettled: () => refreshAfterCampaignStep(queryClient, ctx.site.siteId),
  });

  const failed = [campaign, releaseCampaigns, records, listIds].find((q) => q.isError);
  return {
    ctx,
    error: failed?.error ?? null,
    retry: () => {
      for (const q of [campaign, releaseCampaigns, records, listIds]) if (q.isError) void q.refetch();
    },
    campaigns,
    releaseId,
    reconciling,
    reconcileError: reconcile.error,
    retryReconcile: () => void reconcile.refetch(),
    isLoading: !records.data,
    views,
    figures,
    percent: compliancePercent(figures),
    byDepartment,
    byGroup,
    filter,
    department,
    setFilter,
    rows,
    exportState,
    exportAs,
    waive: (view: RequestView, reason: string) => waiver.mutateAsync({ view, reason }),
  };
}

export type ReportState = ReturnType<typeof useReport>;
