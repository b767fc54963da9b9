/** graph/provisioning: brings the SMS site to the state graph/schema describes (`npm run provision`). */
export { provision, NO_PLANNER_NOTE, ProvisionError, ProvisionAbortedError, type ProvisionOptions, type ProvisionResult, type ProvisionTarget } from './engine.js';
export { LIST_ACCESS, SITE_GRANTS, accessPlanOf, type ListAccessPlan, type GroupGrant, type ListSettingsPlan, type PermissionLevel } from './permissions.js';
export { creationOrder, type ListCreation } from './order.js';
export { emulatorToken } from './emulatorDev.js';
export { provisionEmulator, emulatorGraphClient, SMS_SITE_URL, SMS_MANAGER_UPN, PROVISION_SCOPES, DEFAULT_EMULATOR_ORIGIN } from './emulatorTarget.js';
