import type { pages } from '@microsoft/teams-js';
import type { ChannelTabConfig } from './channelTab.js';

/** The part of teams-js `pages.config` the configuration page uses. */
export type PagesConfigApi = Pick<typeof pages.config, 'registerOnSaveHandler' | 'setConfig' | 'setValidityState'>;

/**
 * Wires the configuration page to Teams' Save button: registers the save handler, which saves the
 * current choice with `setConfig` and then tells Teams whether it worked (`notifySuccess` /
 * `notifyFailure`, which Teams shows). `current()` is read at save time, so the latest choice is
 * saved; with no valid choice the save fails with `noChoice`.
 * Learn: https://learn.microsoft.com/javascript/api/@microsoft/teams-js/pages.config
 */
export function registerConfigSave(
  api: PagesConfigApi,
  current: () => ChannelTabConfig | null,
  messages: () => { noChoice: string; failed: string },
  onSaved?: (config: ChannelTabConfig) => void,
): void {
  api.registerOnSaveHandler((event) => {
    const config = current();
    if (!config) {
      event.notifyFailure(messages().noChoice);
      return;
    }
    api.setConfig(config).then(
      () => {
        event.notifySuccess();
        onSaved?.(config);
      },
      (e: unknown) => {
        console.error('Teams did not save the tab configuration', e);
        event.notifyFailure(messages().failed);
      },
    );
  });
}

/** A stand-in for `pages.config` outside Teams, with the Save button Teams would show. */
export interface SimulatedPagesConfig extends PagesConfigApi {
  /** What the last successful save stored. */
  saved(): ChannelTabConfig | null;
  valid(): boolean;
  /** Presses Teams' Save: runs the registered handler; resolves with the outcome. */
  save(): Promise<{ ok: true; config: ChannelTabConfig } | { ok: false; reason: string }>;
}

/**
 * The query-parameter simulation of `pages.config`: it keeps the registered handler, the validity
 * state and the saved configuration in memory, and `save()` plays Teams' part.
 */
export function simulatedPagesConfig(): SimulatedPagesConfig {
  let handler: Parameters<PagesConfigApi['registerOnSaveHandler']>[0] | null = null;
  let validity = false;
  let stored: ChannelTabConfig | null = null;
  let pending: ChannelTabConfig | null = null;
  return {
    registerOnSaveHandler(h) {
      handler = h;
    },
    setValidityState(state) {
      validity = state;
    },
    async setConfig(config) {
      pending = { contentUrl: config.contentUrl, websiteUrl: config.websiteUrl ?? '', entityId: config.entityId ?? '', suggestedDisplayName: config.suggestedDisplayName ?? '' };
    },
    saved: () => stored,
    valid: () => validity,
    save() {
      return new Promise((resolve) => {
        if (!handler || !validity) {
          resolve({ ok: false, reason: 'not valid' });
          return;
        }
        pending = null;
        handler({
          result: {},
          notifySuccess() {
            stored = pending;
            resolve(stored ? { ok: true, config: stored } : { ok: false, reason: 'nothing saved' });
          },
          notifyFailure(reason?: string) {
            resolve({ ok: false, reason: reason ?? 'failed' });
          },
        });
      });
    },
  };
}
