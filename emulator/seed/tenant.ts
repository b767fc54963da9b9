import { createHash } from 'node:crypto';
import type { Emu } from '../emu.js';
import { insertUser, insertGroup, addMember, addGroupMember, findUser, type UserRecord, type GroupRecord } from '../services/directory.js';
import { insertSite, type SiteRow } from '../services/siteStore.js';
import type { PermissionLevel } from '../services/permissions.js';
import { grant } from '../services/permissionStore.js';
import { onSiteCreated } from '../services/siteHooks.js';
import { insertInstallation } from '../services/teamworkStore.js';
import { sms365App } from '../services/teamworkApps.js';

/**
 * The demo tenant: Kestrel Managed Services Ltd (fictional), from
 * shared/domain/iso20000-domain.md §7. Ids are derived from names so they are the same on
 * every machine and every reseed; dates are relative to the day of seeding.
 */
export const TENANT = {
  tenantId: stableGuid('tenant:kestrel'),
  domain: 'kestrelms.onmicrosoft.com',
  hostname: 'kestrelms.sharepoint.com',
  organisation: 'Kestrel Managed Services Ltd',
} as const;

/** A name-based GUID (SHA-1 of a namespace string, shaped like an RFC 4122 v5 id). */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(`sms365:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const ROLE_GROUPS = [
  'SMS-TopManagement',
  'SMS-Managers',
  'SMS-DocumentControllers',
  'SMS-ProcessOwners',
  'SMS-InternalAuditors',
  'SMS-AllStaff',
] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];

/** Audience groups used by acknowledgement settings of the demo documents (§7.4). */
export const AUDIENCE_GROUPS = ['Kestrel-Engineers', 'Kestrel-ServiceDesk', 'Kestrel-OpsOnCall'] as const;
export const SMS_GROUP = 'Kestrel SMS';
export const SMS_SITE_PATH = '/sites/KestrelSMS';

interface DemoUser {
  given: string;
  surname: string;
  jobTitle: string;
  department: string;
  office: 'Manchester' | 'Lisbon';
  language: string;
  groups: readonly string[];
  /** Days before seeding that the person joined (drives "new joiner" stories). */
  joinedDaysAgo: number;
}

const TM = 'SMS-TopManagement', MGR = 'SMS-Managers', DC = 'SMS-DocumentControllers', PO = 'SMS-ProcessOwners', IA = 'SMS-InternalAuditors';
const ENG = 'Kestrel-Engineers', SD = 'Kestrel-ServiceDesk', OPS = 'Kestrel-OpsOnCall';

export const DEMO_USERS: readonly DemoUser[] = [
  { given: 'Eleanor', surname: 'Marsh', jobTitle: 'Chief Executive', department: 'Leadership', office: 'Manchester', language: 'en-GB', groups: [TM], joinedDaysAgo: 3200 },
  { given: 'Raj', surname: 'Patel', jobTitle: 'COO / Service Delivery Director', department: 'Leadership', office: 'Manchester', language: 'en-GB', groups: [TM, PO], joinedDaysAgo: 2900 },
  { given: 'Hannah', surname: 'Okafor', jobTitle: 'Chief Financial Officer', department: 'Leadership', office: 'Manchester', language: 'en-GB', groups: [TM, PO], joinedDaysAgo: 2100 },
  { given: 'Tom', surname: 'Whitaker', jobTitle: 'Head of Service Quality', department: 'Service Quality', office: 'Manchester', language: 'en-GB', groups: [MGR, PO], joinedDaysAgo: 1800 },
  { given: 'Priya', surname: 'Nair', jobTitle: 'Quality & Compliance Coordinator', department: 'Service Quality', office: 'Manchester', language: 'en-GB', groups: [DC, IA, PO], joinedDaysAgo: 1300 },
  { given: 'Marcus', surname: 'Chen', jobTitle: 'Service Desk Manager', department: 'Service Desk', office: 'Manchester', language: 'en-GB', groups: [PO, SD], joinedDaysAgo: 1600 },
  { given: 'David', surname: 'Kowalski', jobTitle: 'Head of Cloud & Network Operations', department: 'Operations', office: 'Manchester', language: 'en-GB', groups: [PO, ENG, OPS], joinedDaysAgo: 2400 },
  { given: 'Aisha', surname: 'Rahman', jobTitle: 'Problem & Configuration Manager', department: 'Operations', office: 'Manchester', language: 'en-GB', groups: [PO, ENG], joinedDaysAgo: 1100 },
  { given: 'Gareth', surname: 'Lloyd', jobTitle: 'Information Security Manager', department: 'Security', office: 'Manchester', language: 'en-GB', groups: [PO, OPS], joinedDaysAgo: 1500 },
  { given: 'Chloe', surname: 'Dubois', jobTitle: 'Head of Customer Success', department: 'Customer Success', office: 'Manchester', language: 'en-GB', groups: [PO], joinedDaysAgo: 1250 },
  { given: 'Ben', surname: 'Adeyemi', jobTitle: 'Procurement & Supplier Manager', department: 'Finance', office: 'Manchester', language: 'en-GB', groups: [PO], joinedDaysAgo: 900 },
  { given: 'Laura', surname: 'Jensen', jobTitle: 'People & Talent Manager', department: 'People', office: 'Manchester', language: 'en-GB', groups: [PO], joinedDaysAgo: 1000 },
  { given: 'Sofia', surname: 'Almeida', jobTitle: 'Service Desk Team Lead (Lisbon)', department: 'Service Desk', office: 'Lisbon', language: 'pt-PT', groups: [SD], joinedDaysAgo: 800 },
  { given: 'Omar', surname: 'Haddad', jobTitle: 'Senior Network Engineer', department: 'Operations', office: 'Manchester', language: 'en-GB', groups: [IA, ENG, OPS], joinedDaysAgo: 1400 },
  { given: 'Fiona', surname: 'McAllister', jobTitle: 'Cloud Engineer', department: 'Operations', office: 'Manchester', language: 'en-GB', groups: [IA, ENG, OPS], joinedDaysAgo: 700 },
  { given: 'Jack', surname: 'Turner', jobTitle: 'Service Desk Analyst', department: 'Service Desk', office: 'Manchester', language: 'en-GB', groups: [SD], joinedDaysAgo: 10 },
];

/** Demo users who joined this many days ago or less have not got the sms365 Teams app installed yet. */
export const NEW_JOINER_DAYS = 30;

export const upnOf = (u: { given: string; surname: string }): string =>
  `${u.given}.${u.surname}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${TENANT.domain}`;

export const userIdOf = (upn: string): string => stableGuid(`user:${upn.toLowerCase()}`);
export const groupIdOf = (name: string): string => stableGuid(`group:${name}`);

/** Site permissions of the SMS site (SharePoint permission levels granted to Entra groups). */
export const SMS_SITE_GRANTS: readonly [string, PermissionLevel][] = [
  ['SMS-Managers', 'fullControl'],
  ['SMS-DocumentControllers', 'contribute'],
  ['SMS-ProcessOwners', 'contribute'],
  ['SMS-TopManagement', 'contribute'],
  ['SMS-InternalAuditors', 'contribute'],
  ['SMS-AllStaff', 'read'],
];

export function seedTenant(emu: Emu): void {
  const { db } = emu;
  const seededAt = emu.seedDate;
  const day = 86_400_000;
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const groupDefs: { name: string; description: string; unified: boolean }[] = [
    { name: 'SMS-TopManagement', description: 'Top management of the organisation in the SMS scope.', unified: false },
    { name: 'SMS-Managers', description: 'SMS manager(s): run the SMS and administer sms365.', unified: false },
    { name: 'SMS-DocumentControllers', description: 'Document controllers: numbering, publication and withdrawal of SMS documents.', unified: false },
    { name: 'SMS-ProcessOwners', description: 'Process and service owners.', unified: false },
    { name: 'SMS-InternalAuditors', description: 'Trained internal auditors.', unified: false },
    { name: 'SMS-AllStaff', description: 'Everyone in the SMS scope; default acknowledgement audience.', unified: false },
    { name: 'Kestrel-Engineers', description: 'Cloud, network and configuration engineers.', unified: false },
    { name: 'Kestrel-ServiceDesk', description: 'Service desk staff in Manchester and Lisbon.', unified: false },
    { name: 'Kestrel-OpsOnCall', description: 'Operations on-call rota.', unified: false },
    { name: SMS_GROUP, description: 'The Service Management System: team, site, plan and calendar.', unified: true },
  ];
  for (const g of groupDefs) {
    const id = groupIdOf(g.name);
    const mailNickname = g.name.replace(/[^A-Za-z0-9-]/g, '');
    const group: GroupRecord = {
      id,
      displayName: g.name,
      description: g.description,
      mailNickname,
      mailEnabled: g.unified,
      securityEnabled: !g.unified,
      groupTypes: g.unified ? ['Unified'] : [],
      mail: g.unified ? `${mailNickname.toLowerCase()}@${TENANT.domain}` : null,
      visibility: g.unified ? 'Private' : null,
      createdDateTime: iso(new Date(seededAt.getTime() - 900 * day)),
      resourceProvisioningOptions: g.unified ? ['Team'] : [],
    } as GroupRecord;
    insertGroup(db, group);
  }

  for (const u of DEMO_USERS) {
    const upn = upnOf(u);
    const user: UserRecord = {
      id: userIdOf(upn),
      displayName: `${u.given} ${u.surname}`,
      givenName: u.given,
      surname: u.surname,
      jobTitle: u.jobTitle,
      department: u.department,
      officeLocation: u.office,
      preferredLanguage: u.language,
      mail: upn,
      userPrincipalName: upn,
      businessPhones: [],
      mobilePhone: null,
      accountEnabled: true,
      companyName: TENANT.organisation,
      employeeHireDate: iso(new Date(seededAt.getTime() - u.joinedDaysAgo * day)),
    } as UserRecord;
    insertUser(db, user);
    addMember(db, groupIdOf('SMS-AllStaff'), user.id);
    addMember(db, groupIdOf(SMS_GROUP), user.id, u.groups.includes(MGR));
    for (const g of u.groups) addMember(db, groupIdOf(g), user.id);
    // The administrator deployed sms365 to staff (Teams app setup policy); a new joiner does not have it yet.
    if (u.joinedDaysAgo > NEW_JOINER_DAYS) insertInstallation(db, { userId: user.id, teamsAppId: sms365App().id, installedAt: iso(new Date(seededAt.getTime() - 30 * day)) });
  }

  // One nested group, so nesting is exercised: the service desk group is also a member of SMS-AllStaff (whose
  // people are all direct members as well, so what each person can reach is unchanged).
  addGroupMember(db, groupIdOf('SMS-AllStaff'), groupIdOf('Kestrel-ServiceDesk'));

  const root: SiteRow = siteRow('/', 'Kestrel Managed Services', 'Communication site of Kestrel Managed Services.', null, iso(new Date(seededAt.getTime() - 3000 * day)));
  root.site.root = {};
  root.site.siteCollection = { hostname: TENANT.hostname, root: {} } as never;
  insertSite(db, root);
  grant(db, root.id, groupIdOf('SMS-AllStaff'), 'read');
  grant(db, root.id, groupIdOf('SMS-Managers'), 'fullControl');
  onSiteCreated(emu, root);

  const sms = siteRow(SMS_SITE_PATH, SMS_GROUP, 'Service Management System of Kestrel Managed Services.', groupIdOf(SMS_GROUP), iso(new Date(seededAt.getTime() - 900 * day)));
  insertSite(db, sms);
  for (const [group, level] of SMS_SITE_GRANTS) grant(db, sms.id, groupIdOf(group), level);
  onSiteCreated(emu, sms);

  if (!findUser(db, upnOf({ given: 'Jack', surname: 'Turner' }))) throw new Error('seed failed: users missing');
}

function siteRow(path: string, displayName: string, description: string, groupId: string | null, created: string): SiteRow {
  const siteGuid = stableGuid(`site:${path}`);
  const webGuid = stableGuid(`web:${path}`);
  const name = path === '/' ? '' : path.split('/').pop()!;
  return {
    id: `${TENANT.hostname},${siteGuid},${webGuid}`,
    siteGuid,
    webGuid,
    groupId,
    path,
    site: {
      id: `${TENANT.hostname},${siteGuid},${webGuid}`,
      name,
      displayName,
      description,
      webUrl: `https://${TENANT.hostname}${path === '/' ? '' : path}`,
      createdDateTime: created,
      lastModifiedDateTime: created,
      siteCollection: { hostname: TENANT.hostname },
    },
  };
}
