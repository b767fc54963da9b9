import { MyActions } from '../../src/features/actions/index.js';

/**
 * "My actions" web part: the Actions area's own "My actions" (the signed-in person's open actions, overdue
 * first, synced with Planner when it opens), under the web part's title; its links open the app in a new tab.
 */
export function MyActionsWebPart() {
  return <MyActions newTab />;
}
