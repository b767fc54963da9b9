/**
 * The 10 controlled documents of domain reference §7.4: metadata, release history and the text
 * of each document (Kestrel-specific, fictional, written for this project — never text of the
 * ISO standard). Offsets are days relative to the seed day D.
 *
 * Version labels are the document-control labels printed in each document and stored in
 * `PublishedVersion` / `Document Releases`. Every published release becomes the next major
 * version of the file in the library (SharePoint numbers those 1.0, 2.0, ...), so for documents
 * whose releases are all whole numbers the two agree; a minor document release (1.3, 2.1) is
 * still a major SharePoint version, because only major versions are visible to readers. A release
 * still in review is a minor (draft) SharePoint version after the last major one.
 */
import type { PersonKey } from '../types.js';

export type DocTypeName = 'Policy' | 'Plan' | 'Procedure' | 'Catalogue' | 'Agreement';
export type Classification = 'Public' | 'Internal' | 'Confidential' | 'Restricted';
export type ChangeTypeName = 'New' | 'Major revision' | 'Minor revision' | 'Reviewed – no change';

/** One issued (or in-review) version of a document. */
export interface DemoRelease {
  readonly label: string;
  readonly changeType: ChangeTypeName;
  readonly changeSummary: string;
  /** Day offset of publication; absent for the version still in review. */
  readonly publishedOn?: number;
  /** Day offset the draft went to review. */
  readonly submittedOn: number;
  /** Reviewer decisions before approval (Step = Review). */
  readonly reviews?: readonly { readonly by: PersonKey; readonly decision: 'Approved' | 'Pending'; readonly on?: number; readonly comment?: string }[];
  /** The approval decision (Step = Approval); `on` absent while pending. */
  readonly approval: { readonly decision: 'Approved' | 'Pending'; readonly on?: number; readonly comment?: string };
}

/** A section of the document body: a heading, paragraphs and optional bullets. */
export interface DemoSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly bullets?: readonly string[];
}

export interface AckSettings {
  readonly dueDays: number;
  /** Who must acknowledge, in words (the audience groups of the demo tenant). */
  readonly audience: string;
}

export interface DemoDocument {
  readonly docId: string;
  readonly title: string;
  readonly docType: DocTypeName;
  readonly primaryClause: string;
  readonly clauseRefs: readonly string[];
  /** D1…D24 of domain §3.1, or `None`. */
  readonly mandatoryItem: string;
  readonly classification: Classification;
  readonly owner: PersonKey;
  readonly approver: PersonKey;
  readonly reviewers?: readonly PersonKey[];
  /** Ref of the process the document belongs to (Processes list). */
  readonly process?: string;
  /** Refs of the services the document covers. */
  readonly services?: readonly string[];
  readonly reviewCycleMonths: number;
  /** Day offset of the next periodic review. */
  readonly nextReview: number;
  readonly ack?: AckSettings;
  /** Oldest first. The last one may be unpublished (In review). */
  readonly releases: readonly DemoRelease[];
  readonly purpose: string;
  readonly sections: readonly DemoSection[];
}

/** File name of a document in `SMS Documents`. */
export const fileNameOf = (doc: Pick<DemoDocument, 'docId' | 'title'>): string =>
  `${doc.docId} ${doc.title.replace(/[\\/:*?"<>|#%]/g, '-')}.docx`;

/** The release that readers see (the last one with a publication date). */
export function currentPublished(doc: DemoDocument): DemoRelease {
  const published = doc.releases.filter((r) => r.publishedOn !== undefined);
  const last = published[published.length - 1];
  if (!last) throw new Error(`${doc.docId} has no published release`);
  return last;
}

/** The release in review after the published one, if any. */
export function draftInReview(doc: DemoDocument): DemoRelease | undefined {
  const last = doc.releases[doc.releases.length - 1];
  return last && last.publishedOn === undefined ? last : undefined;
}

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    docId: 'SMS-POL-001',
    title: 'Service Management Policy',
    docType: 'Policy',
    primaryClause: '5.2',
    clauseRefs: ['5.2', '5.2.1', '5.2.2', '6.2.1'],
    mandatoryItem: 'D2',
    classification: 'Internal',
    owner: 'tom',
    approver: 'eleanor',
    reviewers: ['raj'],
    process: 'PRC-01',
    reviewCycleMonths: 12,
    nextReview: 305,
    ack: { dueDays: 14, audience: 'All staff (SMS-AllStaff)' },
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'First issue for the certification project.',
        submittedOn: -712,
        publishedOn: -700,
        reviews: [{ by: 'raj', decision: 'Approved', on: -708 }],
        approval: { decision: 'Approved', on: -702 },
      },
      {
        label: '2.0',
        changeType: 'Major revision',
        changeSummary: 'Added the Lisbon service desk hub and the commitment to control other parties.',
        submittedOn: -340,
        publishedOn: -330,
        reviews: [{ by: 'raj', decision: 'Approved', on: -337 }],
        approval: { decision: 'Approved', on: -332 },
      },
      {
        label: '3.0',
        changeType: 'Major revision',
        changeSummary: 'Climate-related requirements of interested parties, simplified objective framework, new acknowledgement rule for joiners.',
        submittedOn: -72,
        publishedOn: -60,
        reviews: [{ by: 'raj', decision: 'Approved', on: -68, comment: 'Fine from an operations point of view.' }],
        approval: { decision: 'Approved', on: -62, comment: 'Approved for publication to all staff.' },
      },
    ],
    purpose:
      'This policy sets out how Kestrel Managed Services plans, delivers and improves the managed services it provides to business customers, and what top management commits to.',
    sections: [
      {
        heading: 'Purpose and scope',
        paragraphs: [
          'The policy applies to every service in the SMS scope (SVC-01 to SVC-05), to the Manchester head office and the Lisbon service desk hub, and to everyone who works on those services, including contract agents.',
          'It frames the service management objectives that top management sets each financial year and is the first document a new joiner is asked to acknowledge.',
        ],
      },
      {
        heading: 'Our commitments',
        paragraphs: ['Top management of Kestrel commits to:'],
        bullets: [
          'meet the service requirements agreed with customers in service level agreements and contracts;',
          'keep legal, regulatory and contractual obligations, including those passed down by public-sector customers;',
          'improve the services and the management system continually, using measurements, audits, complaints and staff ideas;',
          'stay accountable for services and processes that suppliers run on our behalf;',
          'provide the people, tools and budget the management system needs.',
        ],
      },
      {
        heading: 'Objectives',
        paragraphs: [
          'Objectives are set per financial year, approved by the Chief Executive, and published in the Objectives register with a target, an owner, a due date and how the result is measured.',
          'Progress is reviewed monthly by the Head of Service Quality and twice a year at management review.',
        ],
      },
      {
        heading: 'Roles and authorities',
        paragraphs: [
          'The Chief Executive owns this policy and chairs management review. The Head of Service Quality is the SMS manager and reports SMS performance to top management. Process owners are named in the Processes register; service owners in the Services register.',
        ],
      },
      {
        heading: 'Communication and acknowledgement',
        paragraphs: [
          'The policy is published on the SMS site and announced in Teams. Every member of staff acknowledges each new major version within 14 days; joiners acknowledge it in their first two weeks. Customers receive it on request.',
        ],
      },
    ],
  },
  {
    docId: 'SMS-SCP-001',
    title: 'Scope of the Service Management System',
    docType: 'Policy',
    primaryClause: '4.3',
    clauseRefs: ['4.3', '4.4'],
    mandatoryItem: 'D1',
    classification: 'Internal',
    owner: 'tom',
    approver: 'eleanor',
    process: 'PRC-01',
    reviewCycleMonths: 12,
    nextReview: 165,
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'Scope statement for the initial certification audit.',
        submittedOn: -710,
        publishedOn: -700,
        approval: { decision: 'Approved', on: -703 },
      },
      {
        label: '2.0',
        changeType: 'Major revision',
        changeSummary: 'Added Backup & Disaster Recovery as a Service (SVC-04) after its transition.',
        submittedOn: -210,
        publishedOn: -200,
        approval: { decision: 'Approved', on: -203 },
      },
    ],
    purpose: 'This document states which services, locations and organisational units the Kestrel service management system covers.',
    sections: [
      {
        heading: 'Scope statement',
        paragraphs: [
          'The SMS covers the design, transition, delivery and improvement of the managed services listed in the service catalogue as SVC-01 to SVC-05, provided from Manchester and Lisbon to external business customers.',
        ],
      },
      {
        heading: 'Services in scope',
        paragraphs: ['The following services are in scope:'],
        bullets: [
          'SVC-01 Managed Service Desk (24×7 L1/L2)',
          'SVC-02 Managed Modern Workplace',
          'SVC-03 Managed Cloud Hosting',
          'SVC-04 Backup & Disaster Recovery as a Service',
          'SVC-05 Managed Network & SD-WAN',
        ],
      },
      {
        heading: 'Other parties',
        paragraphs: [
          'Parts of some services are run by other parties: contract agents from DeskForce Staffing, backup storage from VaultSafe Backup, connectivity from FibreLink Telecom, licensing from Stratus Distribution, finance and payroll from Kestrel Group Shared Services, and site access from Aldermoor County Council. Kestrel remains accountable for all of them.',
        ],
      },
      {
        heading: 'Out of scope',
        paragraphs: [
          'Managed Detection & Response (SVC-06) is in transition and is not yet in scope; top management has decided to add it once the transition is complete. Internal IT for Kestrel staff is out of scope.',
        ],
      },
    ],
  },
  {
    docId: 'SMS-PLN-001',
    title: 'Service Management Plan',
    docType: 'Plan',
    primaryClause: '6.3',
    clauseRefs: ['6.3', '6.1', '6.2.2', '7.1'],
    mandatoryItem: 'D5',
    classification: 'Internal',
    owner: 'tom',
    approver: 'eleanor',
    reviewers: ['raj'],
    process: 'PRC-01',
    reviewCycleMonths: 12,
    nextReview: 245,
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'First plan for the certification year.',
        submittedOn: -700,
        publishedOn: -690,
        approval: { decision: 'Approved', on: -692 },
      },
      {
        label: '2.0',
        changeType: 'Major revision',
        changeSummary: 'Plan for the first surveillance year; new resource model for the Lisbon hub.',
        submittedOn: -340,
        publishedOn: -330,
        reviews: [{ by: 'raj', decision: 'Approved', on: -335 }],
        approval: { decision: 'Approved', on: -332 },
      },
      {
        label: '2.1',
        changeType: 'Minor revision',
        changeSummary: 'Updated the audit calendar and the owners of two processes.',
        submittedOn: -126,
        publishedOn: -120,
        reviews: [{ by: 'raj', decision: 'Approved', on: -124 }],
        approval: { decision: 'Approved', on: -121 },
      },
      {
        label: '2.2',
        changeType: 'Minor revision',
        changeSummary: 'Adds the transition milestones of SVC-06 and the FY2026 objectives.',
        submittedOn: -3,
        reviews: [{ by: 'raj', decision: 'Approved', on: -2, comment: 'Milestones agree with the transition plan.' }],
        approval: { decision: 'Pending' },
      },
    ],
    purpose: 'This plan describes how Kestrel runs its service management system during the current financial year: what it covers, who does what, and how it is measured and improved.',
    sections: [
      {
        heading: 'Services and limitations',
        paragraphs: [
          'The plan covers services SVC-01 to SVC-05. The service desk runs 24×7 from Manchester (day) and Lisbon (evening and night). Cloud hosting depends on two Azure regions; network services depend on FibreLink circuits.',
        ],
      },
      {
        heading: 'Obligations and requirements',
        paragraphs: [
          'Obligations come from customer SLAs, supplier contracts, data protection law and the supply-chain security clauses of public-sector customers. They are kept in the Interested Parties register and reviewed before each management review.',
        ],
      },
      {
        heading: 'Responsibilities and resources',
        paragraphs: ['The SMS manager runs the plan. Each process owner plans the resources of their process in the annual budget.'],
        bullets: [
          'Service Quality team: 2 FTE (SMS manager and quality coordinator)',
          'Internal audit: three trained auditors, about 25 audit days per year',
          'Tools: the ITSM platform, the SMS site in Microsoft 365, monitoring and reporting',
        ],
      },
      {
        heading: 'Measurement, audit and review',
        paragraphs: [
          'KPIs KPI-01 to KPI-06 are imported monthly. Internal audits follow programme AP-2025-27. Management review meets twice a year (H1 and H2).',
        ],
      },
      {
        heading: 'Planned changes this year',
        paragraphs: [
          'Transition of Managed Detection & Response (SVC-06) into the scope, renewal of the ITSM platform contract, and the self-service password reset pilot (IMP-014).',
        ],
      },
    ],
  },
  {
    docId: 'SMS-POL-002',
    title: 'Information Security Policy',
    docType: 'Policy',
    primaryClause: '8.7.3.1',
    clauseRefs: ['8.7.3', '8.7.3.1', '8.7.3.2'],
    mandatoryItem: 'D7',
    classification: 'Internal',
    owner: 'gareth',
    approver: 'eleanor',
    process: 'PRC-16',
    reviewCycleMonths: 12,
    nextReview: 335,
    ack: { dueDays: 14, audience: 'All staff (SMS-AllStaff)' },
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'First issue.',
        submittedOn: -1110,
        publishedOn: -1100,
        approval: { decision: 'Approved', on: -1102 },
      },
      {
        label: '2.0',
        changeType: 'Major revision',
        changeSummary: 'Extended to the Lisbon service desk hub and to contract agents.',
        submittedOn: -770,
        publishedOn: -760,
        approval: { decision: 'Approved', on: -762 },
      },
      {
        label: '3.0',
        changeType: 'Major revision',
        changeSummary: 'Aligned with the ISO/IEC 27001 certification and the new supplier security clauses.',
        submittedOn: -410,
        publishedOn: -400,
        approval: { decision: 'Approved', on: -402 },
      },
      {
        label: '4.0',
        changeType: 'Major revision',
        changeSummary: 'Immutable backups, multi-factor authentication for all customer tenants, and reporting rules for suspected phishing.',
        submittedOn: -40,
        publishedOn: -30,
        reviews: [{ by: 'david', decision: 'Approved', on: -36 }],
        approval: { decision: 'Approved', on: -32 },
      },
    ],
    purpose: 'This policy states how Kestrel protects the information of its customers and its own information across all managed services.',
    sections: [
      {
        heading: 'Principles',
        paragraphs: ['Information is protected according to its classification: Public, Internal, Confidential or Restricted.'],
        bullets: [
          'Access is granted on least privilege and reviewed every quarter.',
          'Multi-factor authentication is required for every administrative account, in our tenant and in customer tenants.',
          'Backups of customer data are immutable and tested.',
        ],
      },
      {
        heading: 'Responsibilities',
        paragraphs: [
          'The Information Security Manager owns this policy and the information security risk assessment. Every member of staff reports suspected incidents, including phishing, to the service desk at once.',
        ],
      },
      {
        heading: 'Suppliers',
        paragraphs: [
          'Suppliers that handle customer data sign our security schedule and are reviewed at least yearly. The SOC partner for SVC-06 is assessed before it takes on live customers.',
        ],
      },
      {
        heading: 'Incidents',
        paragraphs: ['Information security incidents are handled as P1 or P2 incidents with the security on-call engineer as owner, and reviewed after closure.'],
      },
    ],
  },
  {
    docId: 'SMS-POL-003',
    title: 'Change Management Policy',
    docType: 'Policy',
    primaryClause: '8.5.1.1',
    clauseRefs: ['8.5.1', '8.5.1.1', '8.5.1.3'],
    mandatoryItem: 'D6',
    classification: 'Internal',
    owner: 'david',
    approver: 'raj',
    process: 'PRC-10',
    services: ['SVC-02', 'SVC-03', 'SVC-05'],
    reviewCycleMonths: 12,
    nextReview: 215,
    ack: { dueDays: 14, audience: 'Engineers (Kestrel-Engineers)' },
    releases: [
      {
        label: '1.2',
        changeType: 'Minor revision',
        changeSummary: 'Clarified standard changes for Intune policy updates.',
        submittedOn: -430,
        publishedOn: -420,
        approval: { decision: 'Approved', on: -422 },
      },
      {
        label: '1.3',
        changeType: 'Minor revision',
        changeSummary: 'Emergency change criteria and the retrospective CAB review.',
        submittedOn: -160,
        publishedOn: -150,
        approval: { decision: 'Approved', on: -152 },
      },
    ],
    purpose: 'This policy defines which configuration items are under change control at Kestrel and how changes are assessed, approved and reviewed.',
    sections: [
      {
        heading: 'Items under change control',
        paragraphs: [
          'Every configuration item of services SVC-02, SVC-03 and SVC-05 that is recorded in the CMDB is under change control, including customer firewall rules, Azure landing zones and SD-WAN edge devices.',
        ],
      },
      {
        heading: 'Change types',
        bullets: [
          'Standard: pre-approved, low risk, documented in the standard change catalogue.',
          'Normal: assessed and approved by the change advisory board (CAB) before implementation.',
          'Emergency: approved by the emergency CAB (on-call manager plus the service owner) and reviewed at the next CAB.',
        ],
        paragraphs: [],
      },
      {
        heading: 'Major-impact changes',
        paragraphs: [
          'A change is major-impact when it adds, removes or transfers a service, or could cause a P1 incident for more than one customer. These changes follow the service design and transition process.',
        ],
      },
      {
        heading: 'Approval before implementation',
        paragraphs: [
          'No change may move to "Implement" in the ITSM tool until its approval is recorded. A change implemented without recorded approval is reported as a nonconformity.',
        ],
      },
    ],
  },
  {
    docId: 'SMS-PRC-010',
    title: 'Incident and Major Incident Procedure',
    docType: 'Procedure',
    primaryClause: '8.6.1',
    clauseRefs: ['8.6.1', '8.6.2'],
    mandatoryItem: 'D15',
    classification: 'Internal',
    owner: 'marcus',
    approver: 'raj',
    process: 'PRC-13',
    services: ['SVC-01'],
    reviewCycleMonths: 12,
    nextReview: -15,
    ack: { dueDays: 14, audience: 'Service desk (Kestrel-ServiceDesk)' },
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'First issue.',
        submittedOn: -710,
        publishedOn: -700,
        approval: { decision: 'Approved', on: -702 },
      },
      {
        label: '2.0',
        changeType: 'Major revision',
        changeSummary: 'New priority matrix and the major incident bridge in Teams.',
        submittedOn: -390,
        publishedOn: -380,
        approval: { decision: 'Approved', on: -382 },
      },
    ],
    purpose: 'This procedure tells service desk analysts and resolver teams how to record, prioritise, resolve and close incidents, and how to run a major incident.',
    sections: [
      {
        heading: 'Recording and classification',
        paragraphs: [
          'Every incident is logged in the ITSM tool with the customer, the service, the affected configuration item and a category. Analysts in Manchester and Lisbon use the same categories.',
        ],
      },
      {
        heading: 'Priority matrix',
        paragraphs: ['Priority follows impact and urgency:'],
        bullets: ['P1: a whole service down for a customer — respond in 15 minutes', 'P2: a service degraded or a VIP blocked — respond in 30 minutes', 'P3: one user affected — respond in 4 hours', 'P4: advice and minor faults — next business day'],
      },
      {
        heading: 'Major incidents',
        paragraphs: [
          'Any P1 affecting more than one customer, or any suspected security breach, is a major incident. The duty manager opens the major incident bridge in Teams, informs the COO within 30 minutes and sends customer updates every 60 minutes.',
        ],
      },
      {
        heading: 'Closure and review',
        paragraphs: [
          'An incident is closed when the customer confirms resolution or after three working days without reply. Every major incident gets a post-incident review within five working days, recorded in SMS Records.',
        ],
      },
    ],
  },
  {
    docId: 'SMS-PLN-002',
    title: 'Service Continuity Plan – Managed Cloud Hosting',
    docType: 'Plan',
    primaryClause: '8.7.2',
    clauseRefs: ['8.7.2', '8.7.1'],
    mandatoryItem: 'D8',
    classification: 'Restricted',
    owner: 'gareth',
    approver: 'raj',
    process: 'PRC-15',
    services: ['SVC-03'],
    reviewCycleMonths: 12,
    nextReview: 275,
    ack: { dueDays: 14, audience: 'Operations on-call (Kestrel-OpsOnCall)' },
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'First issue after the business impact analysis of SVC-03.',
        submittedOn: -460,
        publishedOn: -450,
        approval: { decision: 'Approved', on: -452 },
      },
      {
        label: '1.1',
        changeType: 'Minor revision',
        changeSummary: 'New contact tree and the updated recovery order for shared platform services.',
        submittedOn: -96,
        publishedOn: -90,
        approval: { decision: 'Approved', on: -91 },
      },
    ],
    purpose: 'This plan describes how Kestrel restores Managed Cloud Hosting (SVC-03) after a regional outage or a loss of the primary management platform.',
    sections: [
      {
        heading: 'Continuity requirements',
        paragraphs: ['Agreed with customers in the SVC-03 service description:'],
        bullets: ['Recovery time objective (RTO): 4 hours for production workloads', 'Recovery point objective (RPO): 15 minutes for databases, 24 hours for file shares', 'Availability target: 99.9% per month'],
      },
      {
        heading: 'Invocation',
        paragraphs: [
          'The on-call operations manager invokes the plan when a primary Azure region is unavailable for more than 30 minutes, or when the management platform cannot be reached. Invocation is announced in the major incident bridge.',
        ],
      },
      {
        heading: 'Recovery order',
        bullets: ['1. Identity and management jump hosts', '2. Customer production databases (geo-replicated)', '3. Application tiers from infrastructure-as-code', '4. File shares from VaultSafe backups', '5. Non-production environments'],
        paragraphs: [],
      },
      {
        heading: 'Testing',
        paragraphs: [
          'The plan is tested at least once a year and after any major change to the hosting platform. The next test is the region failover simulation CT-2025-04.',
        ],
      },
    ],
  },
  {
    docId: 'SMS-CAT-001',
    title: 'Service Catalogue',
    docType: 'Catalogue',
    primaryClause: '8.2.4',
    clauseRefs: ['8.2.4', '8.2.2'],
    mandatoryItem: 'D11',
    classification: 'Public',
    owner: 'chloe',
    approver: 'raj',
    process: 'PRC-06',
    services: ['SVC-01', 'SVC-02', 'SVC-03', 'SVC-04', 'SVC-05'],
    reviewCycleMonths: 6,
    nextReview: 135,
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'First catalogue: service desk, modern workplace and cloud hosting.',
        submittedOn: -1010,
        publishedOn: -1000,
        approval: { decision: 'Approved', on: -1002 },
      },
      {
        label: '2.0',
        changeType: 'Major revision',
        changeSummary: 'Added Managed Network & SD-WAN.',
        submittedOn: -810,
        publishedOn: -800,
        approval: { decision: 'Approved', on: -802 },
      },
      {
        label: '3.0',
        changeType: 'Major revision',
        changeSummary: 'Service levels restated for the certification audit.',
        submittedOn: -640,
        publishedOn: -630,
        approval: { decision: 'Approved', on: -632 },
      },
      {
        label: '4.0',
        changeType: 'Major revision',
        changeSummary: 'Added Backup & Disaster Recovery as a Service.',
        submittedOn: -306,
        publishedOn: -300,
        approval: { decision: 'Approved', on: -302 },
      },
      {
        label: '5.0',
        changeType: 'Major revision',
        changeSummary: 'New support hours for Managed Modern Workplace and a clearer description of SD-WAN options.',
        submittedOn: -50,
        publishedOn: -45,
        approval: { decision: 'Approved', on: -47 },
      },
    ],
    purpose: 'The service catalogue describes the managed services Kestrel offers to its customers, with their support hours and service levels.',
    sections: [
      {
        heading: 'SVC-01 Managed Service Desk',
        paragraphs: ['24×7 first- and second-line support by phone, chat, e-mail and portal, from Manchester and Lisbon, in English and Portuguese.'],
      },
      {
        heading: 'SVC-02 Managed Modern Workplace',
        paragraphs: ['Administration of Microsoft 365 and Intune for customer tenants: licences, policies, device enrolment and security baselines. Support hours 07:00–20:00 UK time on working days.'],
      },
      {
        heading: 'SVC-03 Managed Cloud Hosting',
        paragraphs: ['Operation of customer workloads on Azure IaaS and PaaS, with monitoring, patching and capacity management. Availability target 99.9% per month.'],
      },
      {
        heading: 'SVC-04 Backup & Disaster Recovery as a Service',
        paragraphs: ['Immutable off-site backups with VaultSafe, quarterly restore tests and an optional recovery environment.'],
      },
      {
        heading: 'SVC-05 Managed Network & SD-WAN',
        paragraphs: ['Design and operation of branch networks and SD-WAN over FibreLink circuits, with 24×7 monitoring.'],
      },
      {
        heading: 'SVC-06 Managed Detection & Response (in transition)',
        paragraphs: ['Entry in draft: security monitoring with a 24×7 SOC partner. Not yet available to new customers.'],
      },
    ],
  },
  {
    docId: 'SMS-PRC-030',
    title: 'Internal Audit Procedure',
    docType: 'Procedure',
    primaryClause: '9.2',
    clauseRefs: ['9.2'],
    mandatoryItem: 'None',
    classification: 'Internal',
    owner: 'tom',
    approver: 'raj',
    reviewers: ['omar'],
    process: 'PRC-01',
    reviewCycleMonths: 24,
    nextReview: 200,
    ack: { dueDays: 14, audience: 'Internal auditors (SMS-InternalAuditors)' },
    releases: [
      {
        label: '1.2',
        changeType: 'Minor revision',
        changeSummary: 'Remote audit techniques and the sampling table.',
        submittedOn: -540,
        publishedOn: -530,
        approval: { decision: 'Approved', on: -532 },
      },
      {
        label: '1.3',
        changeType: 'Minor revision',
        changeSummary: 'Independence check before an audit is scheduled; grading guidance for findings.',
        submittedOn: -5,
        reviews: [{ by: 'omar', decision: 'Approved', on: -4, comment: 'The independence rule is clear.' }],
        approval: { decision: 'Pending' },
      },
    ],
    purpose: 'This procedure describes how Kestrel plans, carries out and reports internal audits of its service management system.',
    sections: [
      {
        heading: 'Audit programme',
        paragraphs: [
          'The SMS manager keeps a three-year audit programme that covers every clause and every process at least once, more often where risk or previous results call for it. Top management approves the programme.',
        ],
      },
      {
        heading: 'Independence',
        paragraphs: ['Auditors never audit their own work. Before an audit is scheduled, the lead auditor confirms that no member of the audit team owns a process or document in the audit scope.'],
      },
      {
        heading: 'Conducting an audit',
        bullets: ['Send the audit plan and the calendar invitation at least two weeks before the opening meeting.', 'Sample records in the ITSM tool and on the SMS site.', 'Agree findings with the auditee at the closing meeting.'],
        paragraphs: [],
      },
      {
        heading: 'Findings and reporting',
        paragraphs: [
          'Findings are graded Major NC, Minor NC, Observation, Opportunity for improvement or Good practice. Nonconformities go to the Nonconformities register within five working days; the report is kept in SMS Records.',
        ],
      },
    ],
  },
  {
    docId: 'SMS-AGR-004',
    title: 'SLA – Pennine Logistics – Managed Service Desk',
    docType: 'Agreement',
    primaryClause: '8.3.3',
    clauseRefs: ['8.3.3', '8.3.2'],
    mandatoryItem: 'D12',
    classification: 'Confidential',
    owner: 'chloe',
    approver: 'raj',
    process: 'PRC-08',
    services: ['SVC-01'],
    reviewCycleMonths: 12,
    nextReview: 245,
    releases: [
      {
        label: '1.0',
        changeType: 'New',
        changeSummary: 'Agreement for the first contract term.',
        submittedOn: -490,
        publishedOn: -480,
        approval: { decision: 'Approved', on: -482 },
      },
      {
        label: '2.0',
        changeType: 'Major revision',
        changeSummary: 'Contract renewal: P1/P2 resolution target raised to 95%, quarterly service reviews.',
        submittedOn: -130,
        publishedOn: -120,
        approval: { decision: 'Approved', on: -122, comment: 'Countersigned by Pennine Logistics.' },
      },
    ],
    purpose: 'This agreement sets the service levels of the Managed Service Desk (SVC-01) for Pennine Logistics plc.',
    sections: [
      {
        heading: 'Service',
        paragraphs: ['Kestrel provides the Managed Service Desk (SVC-01) to about 2,400 Pennine Logistics users across 38 depots, 24 hours a day, every day of the year.'],
      },
      {
        heading: 'Service levels',
        bullets: ['P1 and P2 incidents resolved within their target time: at least 95% per month', 'Customer satisfaction: at least 4.4 out of 5 per month', 'Calls answered within 60 seconds: at least 90%'],
        paragraphs: [],
      },
      {
        heading: 'Workload limits and exceptions',
        paragraphs: [
          'The targets apply up to 9,000 contacts a month. Outages of Pennine’s own warehouse systems and planned depot migrations are excluded from the resolution target.',
        ],
      },
      {
        heading: 'Reporting and reviews',
        paragraphs: ['Kestrel sends a monthly service report by the fifth working day and meets Pennine for a quarterly service review. A missed target is discussed at the review and leads to an improvement action.'],
      },
    ],
  },
];
