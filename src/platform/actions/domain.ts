/**
 * The Action rules the engine asks before it writes (src/domain/registers, domain §5.4 and §6.3), in one place.
 */
export {
  byOverdueFirst,
  checkActionEdit,
  checkActionTransition,
  checkRaiseAction,
  isOverdue,
  ncAfterActions,
  OPEN_ACTION_STATUSES,
  progressFromPlanner,
  type ActionField,
  type Actor,
  type LinkedAction,
  type Refusal,
  type RegisterSettings,
} from '../../domain/registers/index.js';
