import { useMemo, useState } from 'react';
import { Body1, Caption1, Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SMS_GROUPS } from '../../../../../graph/schema/people.js';
import type { AckCampaign } from '../../../../domain/acknowledgements/index.js';
import { CampaignRefusedError } from '../../../../platform/acknowledgements/campaigns.js';
import { ActionDialog } from '../../../../ui/ActionDialog.js';
import type { RefusalExplanation } from '../../../../ui/RefusalMessage.js';
import { audienceGroupsQuery, refreshAfterCampaignStep, publishedReleasesQuery, siteListIdsQuery } from '../../campaignQueries.js';
import { start } from '../../services/campaignActions.js';
import type { CampaignContext } from '../../useCampaignContext.js';
import { startKeyOf, validateStartForm, type AudienceKind, type StartField, type StartForm, type StartProblem } from './startCampaignForm.js';
import { campaignRefusalText } from '../../i18n/reportLabels.js';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groups: { display: 'flex', flexDirection: 'column', maxHeight: '260px', overflowY: 'auto', margin: 0, padding: 0, border: 'none' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Why a start was refused: the form's problems (before anything is sent), or the engine's refusal. */
type StartRefusal = { readonly kind: 'form'; readonly problems: readonly StartProblem[] } | { readonly kind: 'engine'; readonly message: string; readonly code: string };

const newDialogKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

const EMPTY: StartForm = { releaseId: '', audience: 'allStaff', groupIds: [], people: '', dueDate: '' };

export interface StartCampaignProps {
  readonly ctx: CampaignContext;
  /** The campaign started (or found again by its start key). */
  onStarted?(campaign: AckCampaign): void;
}

/**
 * "Start a campaign" on demand: a published document's current release, who must acknowledge it (all staff, Entra
 * groups, or people named by UPN) and by when (a site date, today or later). The start key is made once per
 * dialog and kept across "Try again", so a retry after a lost answer finds the campaign instead of starting a
 * second one; a new key is made after a success.
 */
export function StartCampaign({ ctx, onStarted }: StartCampaignProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<StartForm>(EMPTY);
  const [onlyRequired, setOnlyRequired] = useState(true);
  const [dialogKey, setDialogKey] = useState(newDialogKey);
  const [opened, setOpened] = useState(false);
  const releases = useQuery({ ...publishedReleasesQuery(ctx.client, ctx.site), enabled: opened });
  const groups = useQuery({ ...audienceGroupsQuery(ctx.client), enabled: opened });
  const listIds = useQuery({ ...siteListIdsQuery(ctx.client, ctx.site.siteId), enabled: opened });
  const shown = useMemo(() => (releases.data ?? []).filter((r) => !onlyRequired || r.ackRequired), [releases.data, onlyRequired]);
  const allStaff = groups.data?.find((g) => g.displayName === SMS_GROUPS.allStaff);
  const set = (patch: Partial<StartForm>) => setForm((f) => ({ ...f, ...patch }));

  const problemText = (p: StartProblem): string => {
    switch (p.code) {
      case 'peopleInvalid':
        return t('ackStart.problem.peopleInvalid', { values: (p.values ?? []).join(', ') });
      case 'dueDatePast':
        return t('ackStart.problem.dueDatePast', { today: ctx.today });
      default:
        return t(`ackStart.problem.${p.code}`);
    }
  };

  async function run() {
    const checked = validateStartForm(form, ctx.today);
    if (!checked.ok) throw new Error('validated by precheck');
    const v = checked.values;
    const release = releases.data?.find((r) => r.releaseId === v.releaseId);
    if (!release) throw new Error(`Release ${v.releaseId} is no longer published.`);
    const audienceGroups = v.audience === 'allStaff' ? (allStaff?.id ? [allStaff.id] : []) : v.audience === 'groups' ? v.groupIds : [];
    if (v.audience === 'allStaff' && audienceGroups.length === 0) throw new CampaignRefusedError('audienceEmpty', t('ackStart.noAllStaff', { group: SMS_GROUPS.allStaff }));
    const campaign = await start(ctx, listIds.data ?? (await queryClient.fetchQuery(siteListIdsQuery(ctx.client, ctx.site.siteId))), {
      release: { id: release.releaseId, docId: release.docId, title: release.title, versionLabel: release.versionLabel, fileHash: release.fileHash },
      audienceGroups,
      audiencePeople: v.audience === 'people' ? v.people : [],
      dueDate: v.dueDate,
      startKey: startKeyOf(dialogKey, v),
    });
    await refreshAfterCampaignStep(queryClient, ctx.site.siteId);
    setDialogKey(newDialogKey());
    setForm(EMPTY);
    onStarted?.(campaign);
  }

  return (
    <ActionDialog<StartRefusal, StartField>
      primary
      triggerLabel={t('ackStart.trigger')}
      title={t('ackStart.title')}
      confirmLabel={t('ackStart.confirm')}
      description={<Body1 as="p">{t('ackStart.body')}</Body1>}
      onOpen={() => setOpened(true)}
      precheck={() => {
        const checked = validateStartForm(form, ctx.today);
        return checked.ok ? null : { kind: 'form', problems: checked.problems };
      }}
      run={run}
      refusalOf={(e) => (e instanceof CampaignRefusedError ? { kind: 'engine', message: campaignRefusalText(t, e.code), code: e.code } : null)}
      explain={(r): RefusalExplanation<StartField> =>
        r.kind === 'form'
          ? { message: t('ackStart.invalid'), problems: r.problems.map((p) => ({ field: p.field, message: problemText(p) })) }
          : { message: r.message, at: r.code === 'dueDatePast' || r.code === 'dueDateInvalid' ? 'dueDate' : r.code === 'audienceEmpty' ? (form.audience === 'people' ? 'people' : 'groups') : null }
      }
    >
      {({ fieldError, busy }) => (
        <div className={styles.fields}>
          {releases.isError && <Body1 as="p">{t('ackStart.releasesError')}</Body1>}
          <Checkbox checked={onlyRequired} disabled={busy} onChange={(_, d) => setOnlyRequired(d.checked === true)} label={t('ackStart.onlyRequired')} />
          <Field label={t('ackStart.release')} required validationMessage={fieldError('release')} validationState={fieldError('release') ? 'error' : 'none'}>
            <Select value={form.releaseId} disabled={busy} onChange={(_, d) => set({ releaseId: d.value })}>
              <option value="">{releases.isLoading ? t('ackStart.loadingReleases') : t('ackStart.chooseRelease')}</option>
              {shown.map((r) => (
                <option key={r.releaseId} value={String(r.releaseId)}>
                  {t('ackStart.releaseOption', { docId: r.docId, title: r.title, version: r.versionLabel })}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('ackStart.audience')} required>
            <RadioGroup value={form.audience} disabled={busy} onChange={(_, d) => set({ audience: d.value as AudienceKind })}>
              <Radio value="allStaff" label={t('ackStart.audienceAllStaff', { group: SMS_GROUPS.allStaff })} />
              <Radio value="groups" label={t('ackStart.audienceGroups')} />
              <Radio value="people" label={t('ackStart.audiencePeople')} />
            </RadioGroup>
          </Field>
          {form.audience === 'groups' && (
            <fieldset className={styles.groups} aria-describedby={fieldError('groups') ? `${dialogKey}-groups-error` : undefined}>
              <legend>{t('ackStart.groups')}</legend>
              {(groups.data ?? []).map((g) => (
                <Checkbox
                  key={g.id}
                  disabled={busy}
                  label={g.displayName ?? g.id}
                  checked={form.groupIds.includes(g.id ?? '')}
                  onChange={(_, d) => set({ groupIds: d.checked ? [...form.groupIds, g.id ?? ''] : form.groupIds.filter((id) => id !== g.id) })}
                />
              ))}
              {fieldError('groups') && (
                <Caption1 id={`${dialogKey}-groups-error`} className={styles.error}>
                  {fieldError('groups')}
                </Caption1>
              )}
            </fieldset>
          )}
          {form.audience === 'people' && (
            <Field label={t('ackStart.people')} hint={t('ackStart.peopleHint')} required validationMessage={fieldError('people')} validationState={fieldError('people') ? 'error' : 'none'}>
              <Textarea value={form.people} disabled={busy} onChange={(_, d) => set({ people: d.value })} resize="vertical" />
            </Field>
          )}
          <Field label={t('ackStart.dueDate')} hint={t('ackStart.dueDateHint')} required validationMessage={fieldError('dueDate')} validationState={fieldError('dueDate') ? 'error' : 'none'}>
            <Input type="date" min={ctx.today} value={form.dueDate} disabled={busy} onChange={(_, d) => set({ dueDate: d.value })} />
          </Field>
        </div>
      )}
    </ActionDialog>
  );
}
