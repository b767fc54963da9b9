import type { ItemBody, KeyValuePair, TeamworkActivityTopic } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { graphRequest, seg } from '../core/request.js';

/**
 * A Teams activity feed notification. `activityType` must be declared in the Teams app manifest
 * (`activities.activityTypes`) unless it is the reserved `systemDefault`; `templateParameters` fill the
 * `{name}` placeholders of that declaration's `templateText`. A `text` topic needs `webUrl` (the deep link
 * the notification opens). https://learn.microsoft.com/graph/teams-send-activityfeednotifications
 */
export interface ActivityNotification {
  topic: Required<Pick<TeamworkActivityTopic, 'source' | 'value'>> & Pick<TeamworkActivityTopic, 'webUrl'>;
  activityType: string;
  previewText?: Pick<ItemBody, 'content'>;
  templateParameters?: Required<Pick<KeyValuePair, 'name' | 'value'>>[];
  /** Same `chainId` in a later request replaces the earlier notification. */
  chainId?: number;
  /** The Teams app (catalog id) to send as, when more than one is installed for the recipient. */
  teamsAppId?: string;
}

/** Graph's upper limit of recipients in one sendActivityNotificationToRecipients request. */
export const MAX_NOTIFICATION_RECIPIENTS = 100;

/**
 * Sends an activity feed notification to one user (`POST /users/{id | userPrincipalName}/teamwork/sendActivityNotification`,
 * 204). The sms365 Teams app must be installed for the recipient, or Graph answers 403 `Forbidden`.
 * A user can't notify themselves with a delegated token.
 *
 * Minimum scope: delegated `TeamsActivity.Send`; application `TeamsActivity.Send.User` (resource-specific consent)
 * or `TeamsActivity.Send`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification
 */
export async function sendActivityNotification(client: GraphClient, userIdOrUpn: string, notification: ActivityNotification, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, {
    method: 'POST',
    path: `/users/${seg(userIdOrUpn)}/teamwork/sendActivityNotification`,
    body: notification,
    responseType: 'none',
    signal,
  });
}

/**
 * Sends the same activity feed notification to many users (`POST /teamwork/sendActivityNotificationToRecipients`,
 * 202), at most 100 per request; longer lists are sent in several requests. The service accepts the request as
 * a whole: a recipient without the Teams app simply gets nothing. The access token must still be valid for at least
 * 45 minutes, or Graph answers 412 Precondition Failed.
 *
 * Minimum scope: delegated `TeamsActivity.Send`; application `TeamsActivity.Send.User` (resource-specific consent)
 * or `TeamsActivity.Send`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/teamwork-sendactivitynotificationtorecipients
 */
export async function sendActivityNotificationToRecipients(
  client: GraphClient,
  userIds: readonly string[],
  notification: ActivityNotification,
  signal?: AbortSignal,
): Promise<void> {
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += MAX_NOTIFICATION_RECIPIENTS) {
    const recipients = unique.slice(i, i + MAX_NOTIFICATION_RECIPIENTS).map((userId) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }));
    await graphRequest(client, {
      method: 'POST',
      path: '/teamwork/sendActivityNotificationToRecipients',
      body: { ...notification, recipients },
      responseType: 'none',
      signal,
    });
  }
}
