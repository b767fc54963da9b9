import type { AppArea, SmsRole } from '../../domain/roles.js';

/** The URL path of each area (react-router). */
export const AREA_PATHS: Readonly<Record<AppArea, string>> = {
  home: '/',
  documents: '/documents',
  acknowledgements: '/acknowledgements',
  registers: '/registers',
  actions: '/actions',
  reviews: '/reviews',
  audits: '/audits',
  compliance: '/compliance',
};

/** Catalog keys of the area names shown in navigation. */
export const AREA_LABEL_KEYS = {
  home: 'nav.home',
  documents: 'nav.documents',
  acknowledgements: 'nav.acknowledgements',
  registers: 'nav.registers',
  actions: 'nav.actions',
  reviews: 'nav.reviews',
  audits: 'nav.audits',
  compliance: 'nav.compliance',
} as const satisfies Record<AppArea, string>;

/** Catalog keys of what an area not built yet will hold (its honest placeholder). */
export const PLACEHOLDER_KEYS = {
  documents: 'area.placeholder.documents',
  acknowledgements: 'area.placeholder.acknowledgements',
  registers: 'area.placeholder.registers',
  actions: 'area.placeholder.actions',
  reviews: 'area.placeholder.reviews',
  audits: 'area.placeholder.audits',
  compliance: 'area.placeholder.compliance',
} as const satisfies Record<Exclude<AppArea, 'home'>, string>;

export const ROLE_LABEL_KEYS = {
  topManagement: 'role.topManagement',
  smsManager: 'role.smsManager',
  documentController: 'role.documentController',
  processOwner: 'role.processOwner',
  internalAuditor: 'role.internalAuditor',
  employee: 'role.employee',
} as const satisfies Record<SmsRole, string>;
