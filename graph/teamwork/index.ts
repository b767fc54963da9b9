/** graph/teamwork: Teams activity feed notifications and the Teams apps installed for users. */
export { sendActivityNotification, sendActivityNotificationToRecipients, MAX_NOTIFICATION_RECIPIENTS, type ActivityNotification } from './notifications.js';
export { listInstalledApps, findCatalogApp, installAppForUser, type InstalledApp } from './apps.js';
