import { createContext, useContext } from 'react';
import type { Host } from '../host/host.js';

/**
 * The host the app runs in (detected at boot, or simulated in emulator mode), for code below the
 * composition root that must act differently in Teams: tab pages, deep links. App provides it.
 */
export const HostContext = createContext<Host>({ kind: 'browser', embedded: false });

/** The current host; a plain browser when no provider is above (e.g. a component test). */
export function useHost(): Host {
  return useContext(HostContext);
}
