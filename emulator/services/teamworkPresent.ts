import type { CatalogApp } from './teamworkApps.js';
import type { Installation, SentNotification } from './teamworkStore.js';
import { installationId } from './teamwork.js';

/**
 * Teams apps and installations as Graph returns them (https://learn.microsoft.com/graph/api/resources/teamsapp ,
 * https://learn.microsoft.com/graph/api/resources/teamsappdefinition ,
 * https://learn.microsoft.com/graph/api/resources/teamsappinstallation), and the dev view of the
 * notifications the emulator received.
 */

/** A teamsApp (catalog app). */
export function presentTeamsApp(app: CatalogApp): Record<string, unknown> {
  return { id: app.id, externalId: app.externalId, displayName: app.displayName, distributionMethod: app.distributionMethod };
}

/** The teamsAppDefinition of the app's current version. */
export function presentDefinition(app: CatalogApp): Record<string, unknown> {
  return {
    id: Buffer.from(`${app.id}##${app.version}`, 'utf8').toString('base64'),
    teamsAppId: app.id,
    azureADAppId: app.azureADAppId,
    displayName: app.displayName,
    version: app.version,
    publishingState: 'published',
    shortDescription: app.shortDescription,
    description: app.description,
    lastModifiedDateTime: null,
    createdBy: null,
  };
}

/**
 * A userScopeTeamsAppInstallation: only `id` unless `$expand` asks for `teamsApp` and/or `teamsAppDefinition`
 * (userteamwork-list-installedapps, examples 1 to 3).
 */
export function presentInstallation(i: Installation, app: CatalogApp, expand: ReadonlySet<string>): Record<string, unknown> {
  return {
    id: installationId(i),
    ...(expand.has('teamsapp') ? { teamsApp: presentTeamsApp(app) } : {}),
    ...(expand.has('teamsappdefinition') ? { teamsAppDefinition: presentDefinition(app) } : {}),
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A link only for http(s) URLs; anything else is shown as text. */
const link = (url: string | null, label: string) =>
  url && /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(label)}</a>` : escapeHtml(label);

/** The dev view: every notification received, newest first, every value escaped. */
export function notificationsPage(all: readonly SentNotification[]): string {
  const rows = [...all]
    .reverse()
    .map(
      (n) => `<tr${n.delivered ? '' : ' class="undelivered"'}>
<td>${n.seq}</td><td>${escapeHtml(n.sentDateTime)}</td>
<td>${escapeHtml(n.recipient.displayName)}<br><small>${escapeHtml(n.recipient.userPrincipalName)}</small></td>
<td><code>${escapeHtml(n.activityType)}</code></td>
<td>${escapeHtml(n.text)}${n.previewText ? `<br><small>${escapeHtml(n.previewText.content)}</small>` : ''}</td>
<td>${link(n.topic.webUrl ?? (n.topic.source === 'entityUrl' ? n.topic.value : null), n.topic.value)}</td>
<td>${escapeHtml(n.sender.displayName)} (${n.sender.kind})</td>
<td>${n.delivered ? 'yes' : `no: ${escapeHtml(n.reason ?? '')}`}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams activity notifications (emulator)</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}.undelivered{color:#767676}small{color:#555}</style>
</head><body>
<h1>Teams activity notifications</h1>
<p>${all.length} received by the emulator (<code>POST /users/{id}/teamwork/sendActivityNotification</code>, <code>POST /teamwork/sendActivityNotificationToRecipients</code>). JSON: <a href="/_dev/notifications">/_dev/notifications</a>.</p>
<table><thead><tr><th>#</th><th>Sent (UTC)</th><th>Recipient</th><th>Activity type</th><th>Text</th><th>Topic</th><th>Sender</th><th>Delivered</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="8">None yet.</td></tr>'}
</tbody></table>
</body></html>`;
}
