import { listByKey } from '../../../graph/schema/index.js';
import { RECORD_REGISTERS } from './subPageId.js';

/**
 * The configurable channel tab (manifest `configurableTabs[0]`, id `channel`): what a team owner
 * picks on `/tab/config`, and the configuration saved with `pages.config.setConfig`.
 * Pure: no React, no teams-js.
 */
export type ChannelTabView = { readonly view: 'dashboard' } | { readonly view: 'register'; readonly register: string };

/** Registers a channel tab may show: the register lists of the schema (`graph/schema`), Actions excepted. */
export const CHANNEL_REGISTERS: readonly string[] = RECORD_REGISTERS;

/** The display name of a register list, e.g. `nonconformities` → `Nonconformities`. */
export function registerDisplayName(register: string): string {
  return listByKey(register)?.displayName ?? register;
}

export type ChannelViewParse =
  | { readonly status: 'ok'; readonly choice: ChannelTabView }
  /** No `view`: the tab was opened without a configuration. */
  | { readonly status: 'missing' }
  | { readonly status: 'invalid'; readonly problem: 'view' | 'register' };

/**
 * Reads a channel tab's view from its address (`view=register&list=<register key>` or
 * `view=dashboard`), as the configuration page saved it.
 */
export function parseChannelView(search: string): ChannelViewParse {
  const params = new URLSearchParams(search);
  const view = params.get('view')?.trim() ?? '';
  if (view === '') return { status: 'missing' };
  if (view === 'dashboard') return { status: 'ok', choice: { view: 'dashboard' } };
  if (view !== 'register') return { status: 'invalid', problem: 'view' };
  const register = params.get('list')?.trim() ?? '';
  if (!CHANNEL_REGISTERS.includes(register)) return { status: 'invalid', problem: 'register' };
  return { status: 'ok', choice: { view: 'register', register } };
}

/** The configuration of one tab instance, as `pages.config.setConfig` takes it. */
export interface ChannelTabConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** Route of the channel tab's content (manifest/README.md, "URL contract"). */
export const CHANNEL_TAB_PATH = '/tab/channel';

/** The view's own query parameters, in a fixed order. */
function viewQuery(choice: ChannelTabView): string {
  return choice.view === 'dashboard' ? 'view=dashboard' : `view=register&list=${encodeURIComponent(choice.register)}`;
}

/**
 * What the configuration page saves for a choice:
 * - `contentUrl`: `/tab/channel` on the app's own origin (the only host in `validDomains`), with
 *   `host=teams` and Teams' `{app.locale}` / `{app.theme}` placeholders left literal for Teams to fill;
 * - `websiteUrl`: the same view for "open in browser" (`host=browser`, no placeholders);
 * - `entityId`: `dashboard` or `register-<key>`, the page id deep links into this tab use;
 * - `suggestedDisplayName`: the tab's name, already in the user's language.
 * Learn: https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page
 */
export function channelTabConfig(choice: ChannelTabView, options: { origin: string; displayName: string }): ChannelTabConfig {
  const origin = new URL(options.origin).origin;
  const base = `${origin}${CHANNEL_TAB_PATH}?`;
  return {
    contentUrl: `${base}host=teams&${viewQuery(choice)}&locale={app.locale}&theme={app.theme}`,
    websiteUrl: `${base}host=browser&${viewQuery(choice)}`,
    entityId: choice.view === 'dashboard' ? 'dashboard' : `register-${choice.register}`,
    suggestedDisplayName: options.displayName,
  };
}

/**
 * The in-app address Teams would open for a saved `contentUrl`, with its placeholders filled the
 * way Teams fills them (used by the simulated Save, so the simulation ends where Teams would).
 */
export function contentPathFor(contentUrl: string, fill: { locale: string | null; theme: string | null }): string {
  const url = new URL(contentUrl.replace('{app.locale}', fill.locale ?? '').replace('{app.theme}', fill.theme ?? ''));
  for (const name of ['locale', 'theme']) if (url.searchParams.get(name) === '') url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}
