/**
 * The Actions area (issue 12; domain §5.4 "CorrectiveAction and Action", §5.7 Planner). The app loads this
 * module on demand (src/app/screens/lazyScreens.ts), so the area is one chunk of its own. SharePoint's
 * `Actions` list is the record; each action is projected to a task of the Planner plan "SMS Actions" and the
 * two are synced (src/platform/actions).
 *
 * - `MyActionsScreen`: `/actions` ("My actions": the open actions assigned to the signed-in person from every
 *   source, overdue first; a process owner's actions they are accountable for); `MyActions` is its content
 *   without the heading, for the personal tab and the "My actions" web part.
 * - `ActionScreen`: `/actions/:ref` (one action, its Planner task and the steps the person may take).
 * - `RecordActions`: fills a register record's `recordActions` slot (src/ui/slots.tsx): the record's actions
 *   and "Raise action".
 */
export { MyActions, MyActionsScreen } from './screens/MyActions/MyActions.js';
export { ActionScreen } from './screens/ActionPage/ActionPage.js';
export { RecordActions } from './components/RecordActions.js';
