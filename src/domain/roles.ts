/**
 * SMS roles (domain reference §6.1) derived from Entra group membership (§6.4), and which areas of
 * the app each role may use (derived from the §6.2 permission matrix). Pure: no React, no I/O.
 */

/** The roles of §6.1 the app distinguishes, most senior first. Everyone is at least an employee. */
export const SMS_ROLES = ['topManagement', 'smsManager', 'documentController', 'processOwner', 'internalAuditor', 'employee'] as const;
export type SmsRole = (typeof SMS_ROLES)[number];

/**
 * The Entra security group that makes someone hold a role (§6.4). `employee` has no group: every
 * signed-in member of the organisation in scope is an employee.
 */
export const ROLE_GROUPS: Readonly<Record<Exclude<SmsRole, 'employee'>, string>> = {
  topManagement: 'SMS-TopManagement',
  smsManager: 'SMS-Managers',
  documentController: 'SMS-DocumentControllers',
  processOwner: 'SMS-ProcessOwners',
  internalAuditor: 'SMS-InternalAuditors',
};

/**
 * The SMS roles of someone who belongs to groups with these display names, in `SMS_ROLES` order,
 * always ending with `employee`. Group names compare case-insensitively and ignore surrounding
 * spaces (Entra display names are not case-sensitive); unrelated groups are ignored.
 */
export function rolesFromGroupNames(groupNames: Iterable<string>): SmsRole[] {
  const held = new Set<string>();
  for (const name of groupNames) held.add(name.trim().toLowerCase());
  const roles: SmsRole[] = [];
  for (const role of SMS_ROLES) {
    if (role === 'employee') continue;
    if (held.has(ROLE_GROUPS[role].toLowerCase())) roles.push(role);
  }
  roles.push('employee');
  return roles;
}

/** The areas of the app, in navigation order. */
export const APP_AREAS = ['home', 'documents', 'acknowledgements', 'registers', 'actions', 'reviews', 'audits', 'compliance'] as const;
export type AppArea = (typeof APP_AREAS)[number];

/**
 * Who may open each area, read off the §6.2 matrix:
 * - home, documents (published content), acknowledgements (own), actions (assigned ones): everyone;
 * - registers: everyone reads context issues, objectives and the service catalogue (R or better);
 * - reviews (management review): top management (chair), SMS manager (secretary), process owners and
 *   internal auditors (provide inputs); document controllers and employees have no part (—);
 * - audits: top management (approves the programme), SMS manager (programme manager) and internal
 *   auditors (plan, run, record findings);
 * - compliance (acknowledgement compliance and clause coverage across the SMS): top management, SMS
 *   manager, document controllers and internal auditors read it; process owners see their own team
 *   and employees themselves, which the Acknowledgements and Home areas cover.
 */
export const AREA_ROLES: Readonly<Record<AppArea, readonly SmsRole[]>> = {
  home: SMS_ROLES,
  documents: SMS_ROLES,
  acknowledgements: SMS_ROLES,
  registers: SMS_ROLES,
  actions: SMS_ROLES,
  reviews: ['topManagement', 'smsManager', 'processOwner', 'internalAuditor'],
  audits: ['topManagement', 'smsManager', 'internalAuditor'],
  compliance: ['topManagement', 'smsManager', 'documentController', 'internalAuditor'],
};

/** True when someone holding `roles` may use `area`. */
export function canUseArea(roles: readonly SmsRole[], area: AppArea): boolean {
  return AREA_ROLES[area].some((r) => roles.includes(r));
}

/** The areas someone holding `roles` may use, in navigation order. */
export function areasFor(roles: readonly SmsRole[]): AppArea[] {
  return APP_AREAS.filter((a) => canUseArea(roles, a));
}

/**
 * Who reads everyone's competence records (§6.2 "Competence requirements & records": top management, the SMS
 * manager and internal auditors read them); everyone else reads their own.
 */
export const COMPETENCE_READERS: readonly SmsRole[] = ['topManagement', 'smsManager', 'internalAuditor'];

/** True when someone holding `roles` reads every person's competence records, not only their own. */
export function readsEveryonesCompetence(roles: readonly SmsRole[]): boolean {
  return COMPETENCE_READERS.some((r) => roles.includes(r));
}
