import { NotBuiltYet } from '../../src/app/tabs/NotBuiltYet.js';

/** My actions web part: the signed-in user's open actions. The Actions feature is not built yet. */
export function MyActionsWebPart() {
  return <NotBuiltYet area="actions" />;
}
