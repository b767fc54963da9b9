import { describe, expect, it } from 'vitest';
// The lifecycles are the list schemas' own `transitions` (tests may read graph/schema; the code may not).
// eslint-disable-next-line no-restricted-imports
import { actions as actionsSchema } from '../../../graph/schema/actions.js';
// eslint-disable-next-line no-restricted-imports
import { competenceRecords } from '../../../graph/schema/people.js';
// eslint-disable-next-line no-restricted-imports
import { contextIssues, improvements, interestedParties, nonconformities, objectives, risks, serviceAgreements, services, suppliers } from '../../../graph/schema/registers.js';
// eslint-disable-next-line no-restricted-imports
import type { SmsListSchema } from '../../../graph/schema/types.js';
import type { SmsRole } from '../roles.js';
import { ACTION_STEPS } from './actions.js';
import {
  CLOSED_STATUSES,
  checkCreate,
  checkEdit,
  checkTransition,
  editScope,
  mayEditColumn,
  nextTransitions,
  reasonRequired,
  transitionsOf,
} from './lifecycle.js';
import { DEFAULT_REGISTER_SETTINGS, type Actor, type LinkedAction, type TransitionInput, type Values } from './types.js';

const person = (name: string, roles: SmsRole[] = [], ownedProcessIds: string[] = []): Actor => ({
  id: `${name}@contoso.test`,
  roles: [...roles, 'employee'],
  ownedProcessIds,
});
const eleanor = person('eleanor', ['topManagement']);
const tom = person('tom', ['smsManager']);
const marcus = person('marcus', ['processOwner'], ['13']);
const david = person('david', ['processOwner'], ['10']);
const fiona = person('fiona', ['internalAuditor']);
const sam = person('sam');

const TODAY = '2026-12-07';
const action = (status: string, assignee: Actor | null, actionType = 'Corrective action'): LinkedAction => ({ status, assigneeId: assignee?.id ?? null, actionType });

function check(schema: SmsListSchema, from: string, to: string, values: Values, actor: Actor | 'system', extra: Partial<TransitionInput> = {}) {
  return checkTransition({
    register: schema.key,
    transitions: schema.transitions ?? [],
    from,
    to,
    values,
    actor,
    settings: DEFAULT_REGISTER_SETTINGS,
    today: TODAY,
    ...extra,
  });
}

interface Allowed {
  readonly actor: Actor | 'system';
  readonly values?: Values;
  readonly reason?: string;
  readonly extra?: Partial<TransitionInput>;
}

/**
 * For every register in scope, one way each declared step is allowed (actor, record after the change,
 * reason). The table must cover every transition of the schema: a step added to graph/schema without a
 * rule and a test here fails below.
 */
const ALLOWED: ReadonlyArray<{ schema: SmsListSchema; base: Values; steps: Readonly<Record<string, Allowed>> }> = [
  {
    schema: contextIssues,
    base: { Owner: marcus.id },
    steps: {
      'Active → Monitoring': { actor: marcus },
      'Monitoring → Active': { actor: tom },
      'Monitoring → Closed': { actor: marcus, reason: 'No longer relevant after the divestment.' },
    },
  },
  {
    schema: interestedParties,
    base: { Owner: tom.id, RelationshipOwner: marcus.id },
    steps: {
      'Active → Inactive': { actor: marcus },
      'Inactive → Active': { actor: tom },
    },
  },
  {
    schema: services,
    base: { Owner: david.id, ServiceOwner: david.id, ChangeRef: 'RFC-24100' },
    steps: {
      'Proposed → Approved': { actor: eleanor },
      'Proposed → Rejected': { actor: eleanor, reason: 'Outside the portfolio strategy.' },
      'Approved → In design': { actor: david },
      'In design → In transition': { actor: david },
      'In transition → Live': { actor: david },
      'Live → Retiring': { actor: david },
      'Retiring → Retired': { actor: david },
    },
  },
  {
    schema: serviceAgreements,
    base: { Owner: marcus.id, StartDate: '2026-01-01', EndDate: '2027-12-31' },
    steps: {
      'Draft → In negotiation': { actor: marcus },
      'In negotiation → Active': { actor: marcus },
      'Active → Under review': { actor: marcus },
      'Under review → Active': { actor: marcus },
      'Active → Expired': { actor: 'system', values: { EndDate: '2026-12-06' } },
      'Active → Terminated': { actor: marcus, reason: 'Customer left.' },
    },
  },
  {
    schema: suppliers,
    base: { Owner: tom.id, RelationshipManager: david.id, SelectionEvidence: 'https://contoso.test/eval.docx' },
    steps: {
      'Prospective → Under evaluation': { actor: david },
      'Under evaluation → Approved': { actor: david },
      'Under evaluation → Rejected': { actor: david, reason: 'Failed the security questionnaire.' },
      'Approved → On watch': { actor: david },
      'On watch → Approved': { actor: david },
      'Approved → Exiting': { actor: david },
      'On watch → Exiting': { actor: david },
      'Exiting → Terminated': { actor: tom, reason: 'Contract ended.' },
    },
  },
  {
    schema: risks,
    base: { Owner: marcus.id, Process: '13', Likelihood: 3, Impact: 2, TreatmentOption: 'Reduce', ResidualLikelihood: 2, ResidualImpact: 2 },
    steps: {
      'Identified → Assessed': { actor: marcus },
      'Assessed → Treatment planned': { actor: marcus },
      'Treatment planned → Treatment in progress': { actor: tom },
      'Treatment in progress → Monitoring': { actor: marcus },
      'Assessed → Accepted': { actor: marcus },
      'Monitoring → Assessed': { actor: marcus },
      'Accepted → Assessed': { actor: marcus },
      'Identified → Closed': { actor: tom, reason: 'Duplicate of RSK-002.' },
      'Assessed → Closed': { actor: tom, reason: 'Service retired.' },
      'Treatment planned → Closed': { actor: tom, reason: 'Service retired.' },
      'Treatment in progress → Closed': { actor: tom, reason: 'Service retired.' },
      'Monitoring → Closed': { actor: tom, reason: 'Cause removed.' },
      'Accepted → Closed': { actor: tom, reason: 'Cause removed.' },
    },
  },
  {
    schema: objectives,
    base: { Owner: marcus.id, Process: '13', Baseline: 91, Target: 95, CurrentValue: 96, Direction: 'Higher is better', DueDate: '2026-12-01' },
    steps: {
      'Draft → Approved': { actor: eleanor },
      'Approved → Active': { actor: marcus },
      'Active → Achieved': { actor: tom },
      'Active → Not achieved': { actor: tom, values: { CurrentValue: 93 } },
      'Achieved → Closed': { actor: tom, reason: 'Evaluated at management review.' },
      'Not achieved → Closed': { actor: tom, reason: 'Carried into FY2027 objective.' },
      'Active → Revised': { actor: marcus },
      'Draft → Withdrawn': { actor: eleanor, reason: 'Merged into OBJ-2026-01.' },
      'Active → Withdrawn': { actor: eleanor, reason: 'Service sold.' },
    },
  },
  {
    schema: nonconformities,
    base: {
      Owner: marcus.id,
      Grade: 'Minor',
      Correction: 'Re-approved the two changes.',
      RootCause: 'Workflow lets implementers skip CAB.',
      ExtentOfCondition: 'None found',
      EffectivenessCriteria: 'No change implemented before approval in a sample of 20.',
      EffectivenessResult: 'Effective',
    },
    steps: {
      'Reported → Under review': { actor: tom },
      'Under review → Rejected': { actor: tom, reason: 'Not a requirement of the SMS.' },
      'Under review → Containment': { actor: tom },
      'Containment → Root cause analysis': { actor: marcus },
      'Root cause analysis → Action planned': { actor: marcus, extra: { linkedActions: [action('Not started', david)] } },
      'Action planned → Actions in progress': { actor: tom },
      'Actions in progress → Effectiveness check': { actor: 'system', extra: { linkedActions: [action('Completed', david), action('Cancelled', sam)] } },
      'Effectiveness check → Closed': { actor: tom, reason: 'Sample of 20 clean.', extra: { linkedActions: [action('Verified', david)] } },
      'Effectiveness check → Root cause analysis': { actor: fiona, values: { EffectivenessResult: 'Not effective' }, extra: { linkedActions: [action('Verified', david)] } },
    },
  },
  {
    schema: improvements,
    base: { Owner: marcus.id, AlignedObjective: '1', CostEstimate: 2500, ResultValue: '3 hours a month', TargetAchieved: 'No' },
    steps: {
      'Logged → Under evaluation': { actor: tom },
      'Under evaluation → Approved': { actor: tom },
      'Under evaluation → Rejected': { actor: tom, reason: 'Benefit too small.' },
      'Under evaluation → Deferred': { actor: eleanor, reason: 'FY2027 budget.' },
      'Deferred → Under evaluation': { actor: tom },
      'Approved → In progress': { actor: marcus },
      'In progress → Implemented': { actor: marcus },
      'Implemented → Measured': { actor: marcus },
      'Measured → Closed': { actor: marcus, reason: 'Result reported at MR-2026-H2.' },
      'Measured → In progress': { actor: marcus },
    },
  },
  {
    schema: competenceRecords,
    base: { Person: sam.id, PersonUPN: sam.id, CompletedOn: '2026-11-01', ExpiresOn: '2026-12-07' },
    steps: {
      'Planned → In progress': { actor: sam },
      'In progress → Valid': { actor: david, extra: { lineManagerId: david.id } },
      'In progress → Not achieved': { actor: tom },
      'Valid → Expired': { actor: 'system' },
      'Valid → Superseded': { actor: 'system' },
    },
  },
  {
    schema: actionsSchema,
    base: { AssignedTo: david.id, Owner: marcus.id, NeedsVerification: true },
    steps: {
      'Not started → In progress': { actor: david },
      'In progress → Completed': { actor: david },
      'In progress → Blocked': { actor: david, reason: 'Waiting for the vendor patch.' },
      'Blocked → In progress': { actor: david },
      'Completed → Verified': { actor: marcus },
      'Completed → In progress': { actor: fiona, reason: 'The evidence link is empty.' },
      'Not started → Cancelled': { actor: tom, reason: 'Superseded by ACT-0160.' },
      'In progress → Cancelled': { actor: marcus, reason: 'Superseded by ACT-0160.' },
      'Blocked → Cancelled': { actor: marcus, reason: 'Superseded by ACT-0160.' },
    },
  },
];

describe('every lifecycle of §5.4 in scope', () => {
  for (const { schema, base, steps } of ALLOWED) {
    describe(schema.key, () => {
      const transitions = transitionsOf(schema.key, schema.transitions ?? []);

      it('has a rule and a test for every declared step', () => {
        const declared = transitions.map((t) => `${t.from} → ${t.to}`);
        expect(declared.length).toBeGreaterThan(0);
        expect(Object.keys(steps).sort()).toEqual([...new Set(declared)].sort());
      });

      for (const t of transitions) {
        const name = `${t.from} → ${t.to}`;
        const allowed = steps[name]!;
        const values = { ...base, ...allowed.values };
        const input = { reason: allowed.reason ?? null, ...allowed.extra };

        it(`allows ${name} (${allowed.actor === 'system' ? 'the app' : allowed.actor.id.split('@')[0]})`, () => {
          expect(check(schema, t.from, t.to, values, allowed.actor, input)).toBeNull();
        });

        it(`refuses ${name} to someone with no part in it`, () => {
          const refusal = check(schema, t.from, t.to, values, sam.id === (values.Person as string) ? person('pat') : sam, input);
          expect(refusal).not.toBeNull();
          if (allowed.actor === 'system') expect(refusal!.code).toBe('systemOnly');
        });

        if (allowed.actor !== 'system') {
          it(`refuses ${name} to the app`, () => {
            // The Planner sync carries an action's progress over (actions.ts); no other step is the app's.
            const fromPlanner = schema.key === 'actions' && ACTION_STEPS.some((a) => a.from === t.from && a.to === t.to && a.fromPlanner);
            expect(check(schema, t.from, t.to, values, 'system', input)?.code ?? null).toBe(fromPlanner ? null : 'notSystemTransition');
          });
        }

        if (allowed.actor !== 'system' && reasonRequired(schema.key, t)) {
          it(`asks a reason for ${name} (§6.3 rule 6)`, () => {
            expect(check(schema, t.from, t.to, values, allowed.actor, { ...input, reason: '   ' })).toEqual({ code: 'reasonRequired' });
          });
        }
      }
    });
  }

  it('refuses a step the lifecycle does not list, and a non-change', () => {
    expect(check(nonconformities, 'Reported', 'Closed', {}, tom)).toEqual({ code: 'transitionNotAllowed', params: { from: 'Reported', to: 'Closed' } });
    expect(check(contextIssues, 'Active', 'Active', {}, tom)?.code).toBe('transitionNotAllowed');
    expect(check(interestedParties, 'Active', 'Closed', {}, tom)?.code).toBe('transitionNotAllowed');
  });

  it('needs reasons exactly for rejections, cancellations, closures, blocks, withdrawals and terminations (§6.3 rule 6)', () => {
    expect(reasonRequired('nonconformities', { from: 'Under review', to: 'Rejected' })).toBe(true);
    expect(reasonRequired('nonconformities', { from: 'Under review', to: 'Containment' })).toBe(false);
    expect(reasonRequired('serviceAgreements', { from: 'Active', to: 'Terminated', guard: 'Reason required' })).toBe(true);
    expect(reasonRequired('improvements', { from: 'Under evaluation', to: 'Deferred' })).toBe(true);
    expect(reasonRequired('actions', { from: 'In progress', to: 'Blocked' })).toBe(true);
    expect(reasonRequired('actions', { from: 'Completed', to: 'In progress' })).toBe(true);
    expect(reasonRequired('actions', { from: 'Not started', to: 'In progress' })).toBe(false);
  });
});

describe('context issues, interested parties, services, agreements, suppliers', () => {
  it('lets the context issue owner or an SMS manager move it, not another process owner', () => {
    expect(check(contextIssues, 'Active', 'Monitoring', { Owner: marcus.id }, david)).toEqual({ code: 'notOwner' });
  });

  it('leaves service approval to top management and each later step to the service owner with an RFC', () => {
    expect(check(services, 'Proposed', 'Approved', { ServiceOwner: david.id }, tom)).toEqual({ code: 'notTopManagement' });
    expect(check(services, 'Proposed', 'Approved', { ServiceOwner: david.id }, david)).toEqual({ code: 'notTopManagement' });
    expect(check(services, 'In transition', 'Live', { ServiceOwner: david.id, ChangeRef: 'RFC-1' }, marcus)).toEqual({ code: 'notServiceOwner' });
    expect(check(services, 'In transition', 'Live', { ServiceOwner: david.id, ChangeRef: null }, david)).toEqual({ code: 'fieldRequired', params: { column: 'ChangeRef' } });
  });

  it('expires an agreement only the day after its EndDate, and only the app does', () => {
    const values = { Owner: marcus.id, EndDate: '2026-12-07' };
    expect(check(serviceAgreements, 'Active', 'Expired', values, 'system')).toEqual({ code: 'notYetDue', params: { date: '2026-12-08' } });
    expect(check(serviceAgreements, 'Active', 'Expired', values, 'system', { today: '2026-12-08' })).toBeNull();
    expect(check(serviceAgreements, 'Active', 'Expired', { Owner: marcus.id }, 'system')).toEqual({ code: 'fieldRequired', params: { column: 'EndDate' } });
    expect(check(serviceAgreements, 'Active', 'Expired', values, marcus, { today: '2026-12-08' })).toEqual({ code: 'systemOnly', params: { from: 'Active', to: 'Expired' } });
  });

  it('activates an agreement only with a start date, and renews it only while it has not ended', () => {
    expect(check(serviceAgreements, 'In negotiation', 'Active', { Owner: marcus.id }, marcus)).toEqual({ code: 'fieldRequired', params: { column: 'StartDate' } });
    expect(check(serviceAgreements, 'Under review', 'Active', { Owner: marcus.id, StartDate: '2025-01-01', EndDate: '2026-11-30' }, marcus)).toEqual({
      code: 'agreementEnded',
      params: { date: '2026-11-30' },
    });
    expect(check(serviceAgreements, 'Draft', 'In negotiation', { Owner: marcus.id }, tom)).toEqual({ code: 'notOwner' });
  });

  it('approves a supplier only with selection evidence, by its relationship manager', () => {
    expect(check(suppliers, 'Under evaluation', 'Approved', { RelationshipManager: david.id }, david)).toEqual({ code: 'fieldRequired', params: { column: 'SelectionEvidence' } });
    expect(check(suppliers, 'Prospective', 'Under evaluation', { RelationshipManager: david.id }, tom)).toEqual({ code: 'notRelationshipManager' });
  });
});

describe('risks: acceptance authority by residual score (§6.3 rule 4)', () => {
  const risk = (residualLikelihood: number, residualImpact: number): Values => ({
    Owner: marcus.id,
    Process: '13',
    Likelihood: 4,
    Impact: 4,
    ResidualLikelihood: residualLikelihood,
    ResidualImpact: residualImpact,
  });
  const accept = (values: Values, actor: Actor, settings = DEFAULT_REGISTER_SETTINGS) => check(risks, 'Assessed', 'Accepted', values, actor, { settings });

  it('lets the owner accept up to the owner limit, not above', () => {
    expect(accept(risk(2, 3), marcus)).toBeNull();
    expect(accept(risk(2, 4), marcus)).toEqual({ code: 'acceptanceNeedsSmsManager', params: { score: 8, max: 6 } });
  });

  it('lets the SMS manager accept up to their limit and leaves the rest to top management', () => {
    expect(accept(risk(3, 3), tom)).toBeNull();
    expect(accept(risk(3, 4), tom)).toEqual({ code: 'acceptanceNeedsTopManagement', params: { score: 12, max: 9 } });
    expect(accept(risk(3, 4), eleanor)).toBeNull();
    expect(accept(risk(5, 5), eleanor)).toBeNull();
  });

  it('applies the limits read from SMS Settings', () => {
    const settings = { ...DEFAULT_REGISTER_SETTINGS, ownerMaxScore: 8, smsManagerMaxScore: 12 };
    expect(accept(risk(2, 4), marcus, settings)).toBeNull();
    expect(accept(risk(3, 4), tom, settings)).toBeNull();
    expect(accept(risk(4, 4), tom, settings)).toEqual({ code: 'acceptanceNeedsTopManagement', params: { score: 16, max: 12 } });
  });

  it('counts the owner of the risk’s process as its owner, and the inherent score while untreated', () => {
    const untreated = { Owner: david.id, Process: '13', Likelihood: 2, Impact: 3 };
    expect(accept(untreated, marcus)).toBeNull();
    expect(accept({ ...untreated, Likelihood: 3 }, marcus)).toEqual({ code: 'acceptanceNeedsSmsManager', params: { score: 9, max: 6 } });
    expect(accept({ Owner: marcus.id }, marcus)).toEqual({ code: 'fieldRequired', params: { column: 'Likelihood' } });
  });

  it('refuses acceptance to someone who neither owns the risk nor holds a role with authority', () => {
    expect(accept(risk(1, 1), david)).toEqual({ code: 'notOwner' });
    expect(accept(risk(1, 1), fiona)).toEqual({ code: 'notOwner' });
  });

  it('closes risks only through an SMS manager, and needs ratings to assess', () => {
    expect(check(risks, 'Monitoring', 'Closed', risk(1, 1), marcus, { reason: 'Gone' })).toEqual({ code: 'notSmsManager' });
    expect(check(risks, 'Identified', 'Assessed', { Owner: marcus.id, Likelihood: 3 }, marcus)).toEqual({ code: 'fieldRequired', params: { column: 'Impact' } });
    expect(check(risks, 'Treatment in progress', 'Monitoring', { Owner: marcus.id }, marcus)).toEqual({ code: 'fieldRequired', params: { column: 'ResidualLikelihood' } });
  });
});

describe('objectives', () => {
  const objective: Values = { Owner: marcus.id, Baseline: 91, Target: 95, CurrentValue: 96, Direction: 'Higher is better', DueDate: '2026-12-01' };

  it('is approved and withdrawn by top management only', () => {
    expect(check(objectives, 'Draft', 'Approved', objective, tom)).toEqual({ code: 'notTopManagement' });
    expect(check(objectives, 'Draft', 'Approved', { ...objective, Target: null }, eleanor)).toEqual({ code: 'fieldRequired', params: { column: 'Target' } });
    expect(check(objectives, 'Active', 'Withdrawn', objective, marcus, { reason: 'x' })).toEqual({ code: 'notTopManagement' });
  });

  it('is evaluated by the SMS manager at period end, consistently with the target', () => {
    expect(check(objectives, 'Active', 'Achieved', objective, marcus)).toEqual({ code: 'notSmsManager' });
    expect(check(objectives, 'Active', 'Achieved', { ...objective, DueDate: '2027-03-31' }, tom)).toEqual({ code: 'notYetDue', params: { date: '2027-03-31' } });
    expect(check(objectives, 'Active', 'Achieved', { ...objective, CurrentValue: 93 }, tom)).toEqual({ code: 'targetNotMet' });
    expect(check(objectives, 'Active', 'Not achieved', objective, tom)).toEqual({ code: 'targetMet' });
    expect(check(objectives, 'Active', 'Achieved', { ...objective, Direction: 'Lower is better', Target: 5, CurrentValue: 4 }, tom)).toBeNull();
    expect(check(objectives, 'Active', 'Achieved', { ...objective, CurrentValue: null }, tom)).toEqual({ code: 'fieldRequired', params: { column: 'CurrentValue' } });
  });

  it('is activated and revised by its owner, not by another process owner', () => {
    expect(check(objectives, 'Approved', 'Active', objective, david)).toEqual({ code: 'notOwner' });
  });
});

describe('nonconformities (§4.3, §6.3 rule 2)', () => {
  const nc: Values = {
    Owner: marcus.id,
    Grade: 'Minor',
    Correction: 'Re-approved.',
    RootCause: 'No CAB gate.',
    ExtentOfCondition: 'None found',
    EffectivenessCriteria: 'Sample of 20 changes clean.',
    EffectivenessResult: 'Effective',
  };
  const linked = [action('Completed', david), action('Verified', fiona, 'Correction')];

  it('is classified by the SMS manager, with a grade and an owner before containment', () => {
    expect(check(nonconformities, 'Reported', 'Under review', nc, marcus)).toEqual({ code: 'notSmsManager' });
    expect(check(nonconformities, 'Under review', 'Containment', { ...nc, Owner: null }, tom)).toEqual({ code: 'fieldRequired', params: { column: 'Owner' } });
    expect(check(nonconformities, 'Under review', 'Containment', { ...nc, Grade: null }, tom)).toEqual({ code: 'fieldRequired', params: { column: 'Grade' } });
    expect(check(nonconformities, 'Under review', 'Rejected', nc, tom)).toEqual({ code: 'reasonRequired' });
  });

  it('is analysed by its owner only: the SMS manager reads the root cause (§6.2)', () => {
    expect(check(nonconformities, 'Containment', 'Root cause analysis', nc, tom)).toEqual({ code: 'notOwner' });
    expect(check(nonconformities, 'Containment', 'Root cause analysis', { ...nc, Correction: ' ' }, marcus)).toEqual({ code: 'fieldRequired', params: { column: 'Correction' } });
  });

  it('plans only with root cause, extent, criteria and at least one live corrective action', () => {
    const plan = (values: Values, actions: LinkedAction[]) => check(nonconformities, 'Root cause analysis', 'Action planned', values, marcus, { linkedActions: actions });
    expect(plan(nc, [])).toEqual({ code: 'correctiveActionRequired' });
    expect(plan(nc, [action('Cancelled', david)])).toEqual({ code: 'correctiveActionRequired' });
    expect(plan(nc, [action('Not started', david, 'Risk treatment')])).toEqual({ code: 'correctiveActionRequired' });
    expect(plan(nc, [action('Not started', david, 'Correction')])).toBeNull();
    expect(plan({ ...nc, ExtentOfCondition: null }, [action('Not started', david)])).toEqual({ code: 'fieldRequired', params: { column: 'ExtentOfCondition' } });
  });

  it('has a Major plan approved by top management and a Minor one by the SMS manager', () => {
    expect(check(nonconformities, 'Action planned', 'Actions in progress', { ...nc, Grade: 'Major' }, tom)).toEqual({ code: 'topManagementForMajor' });
    expect(check(nonconformities, 'Action planned', 'Actions in progress', { ...nc, Grade: 'Major' }, eleanor)).toBeNull();
    expect(check(nonconformities, 'Action planned', 'Actions in progress', nc, marcus)).toEqual({ code: 'notSmsManager' });
  });

  it('moves to the effectiveness check only through the app, once every live action is done', () => {
    const move = (actions: LinkedAction[], actor: Actor | 'system' = 'system') => check(nonconformities, 'Actions in progress', 'Effectiveness check', nc, actor, { linkedActions: actions });
    expect(move(linked)).toBeNull();
    expect(move([action('Completed', david), action('In progress', sam)])).toEqual({ code: 'actionsOpen', params: { open: 1 } });
    expect(move([action('Cancelled', david)])).toEqual({ code: 'actionsOpen', params: { open: 0 } });
    expect(move(linked, tom)).toEqual({ code: 'systemOnly', params: { from: 'Actions in progress', to: 'Effectiveness check' } });
  });

  it('is never verified or closed by its owner, even an SMS manager who owns it', () => {
    const tomOwns = { ...nc, Owner: tom.id };
    expect(check(nonconformities, 'Effectiveness check', 'Closed', nc, marcus, { reason: 'ok', linkedActions: linked })).toEqual({ code: 'ownerCannotVerify' });
    expect(check(nonconformities, 'Effectiveness check', 'Closed', tomOwns, tom, { reason: 'ok', linkedActions: linked })).toEqual({ code: 'ownerCannotVerify' });
  });

  it('is never verified or closed by an assignee of its actions, but an unrelated verifier may', () => {
    const closeBy = (actor: Actor, actions: LinkedAction[]) => check(nonconformities, 'Effectiveness check', 'Closed', nc, actor, { reason: 'Sample clean.', linkedActions: actions });
    const tomAssigned = [action('Completed', tom), action('Verified', david)];
    expect(closeBy(tom, tomAssigned)).toEqual({ code: 'assigneeCannotVerify' });
    expect(closeBy(fiona, linked)).toEqual({ code: 'assigneeCannotVerify' });
    expect(closeBy(tom, linked)).toBeNull();
    expect(closeBy(tom, [action('Cancelled', tom), action('Verified', david)])).toBeNull();
    expect(closeBy(eleanor, [action('Verified', david)])).toEqual({ code: 'notVerifier' });
  });

  it('refuses a closure that records the owner or an assignee as verifier', () => {
    expect(check(nonconformities, 'Effectiveness check', 'Closed', { ...nc, VerifiedBy: david.id }, tom, { reason: 'ok', linkedActions: linked })).toEqual({ code: 'assigneeCannotVerify' });
    expect(check(nonconformities, 'Effectiveness check', 'Closed', { ...nc, VerifiedBy: marcus.id }, tom, { reason: 'ok', linkedActions: linked })).toEqual({ code: 'ownerCannotVerify' });
  });

  it('closes only when Effective and reopens only when Not effective', () => {
    const linkedOk = [action('Verified', david)];
    expect(check(nonconformities, 'Effectiveness check', 'Closed', { ...nc, EffectivenessResult: 'Not effective' }, tom, { reason: 'x', linkedActions: linkedOk })).toEqual({ code: 'closeNeedsEffective' });
    expect(check(nonconformities, 'Effectiveness check', 'Closed', { ...nc, EffectivenessResult: null }, tom, { reason: 'x', linkedActions: linkedOk })).toEqual({ code: 'fieldRequired', params: { column: 'EffectivenessResult' } });
    expect(check(nonconformities, 'Effectiveness check', 'Root cause analysis', nc, tom, { linkedActions: linkedOk })).toEqual({ code: 'reopenNeedsNotEffective' });
  });
});

describe('improvements: decision authority by cost', () => {
  const imp: Values = { Owner: marcus.id, AlignedObjective: '2', CostEstimate: 5000 };
  const decide = (to: string, values: Values, actor: Actor, settings = DEFAULT_REGISTER_SETTINGS) => check(improvements, 'Under evaluation', to, values, actor, { reason: 'Decided at the board.', settings });

  it('lets the SMS manager decide up to the threshold and top management above it', () => {
    expect(decide('Approved', imp, tom)).toBeNull();
    expect(decide('Approved', { ...imp, CostEstimate: 12000 }, tom)).toEqual({ code: 'decisionNeedsTopManagement', params: { cost: 12000, threshold: 5000 } });
    expect(decide('Deferred', { ...imp, CostEstimate: 18000 }, tom)).toEqual({ code: 'decisionNeedsTopManagement', params: { cost: 18000, threshold: 5000 } });
    expect(decide('Approved', { ...imp, CostEstimate: 12000 }, eleanor)).toBeNull();
    expect(decide('Approved', { ...imp, CostEstimate: 12000 }, tom, { ...DEFAULT_REGISTER_SETTINGS, improvementCostThreshold: 20000 })).toBeNull();
  });

  it('needs the aligned objective before any decision, and a cost before approval', () => {
    expect(decide('Rejected', { ...imp, AlignedObjective: null }, tom)).toEqual({ code: 'fieldRequired', params: { column: 'AlignedObjective' } });
    expect(decide('Approved', { ...imp, CostEstimate: null }, tom)).toEqual({ code: 'fieldRequired', params: { column: 'CostEstimate' } });
    expect(decide('Rejected', { ...imp, CostEstimate: null }, tom)).toBeNull();
  });

  it('is not decided by process owners, who evaluate only', () => {
    expect(decide('Approved', imp, marcus)).toEqual({ code: 'notDecider' });
  });

  it('is implemented by its owner and goes back to work only when the target was missed', () => {
    expect(check(improvements, 'In progress', 'Implemented', imp, david)).toEqual({ code: 'notOwner' });
    expect(check(improvements, 'Implemented', 'Measured', imp, marcus)).toEqual({ code: 'fieldRequired', params: { column: 'ResultValue' } });
    expect(check(improvements, 'Measured', 'In progress', { ...imp, TargetAchieved: 'Yes' }, marcus)).toEqual({ code: 'targetAlreadyAchieved' });
    expect(check(improvements, 'Measured', 'In progress', { ...imp, TargetAchieved: 'Partly' }, marcus)).toBeNull();
  });
});

describe('competence records', () => {
  const rec: Values = { Person: sam.id, PersonUPN: sam.id, CompletedOn: '2026-11-01', ExpiresOn: '2027-11-01' };

  it('is verified by the line manager, never by the person themselves', () => {
    expect(check(competenceRecords, 'In progress', 'Valid', rec, sam, { lineManagerId: sam.id })).toEqual({ code: 'personCannotVerifyOwn' });
    expect(check(competenceRecords, 'In progress', 'Valid', rec, tom, { lineManagerId: david.id })).toEqual({ code: 'notLineManager' });
    expect(check(competenceRecords, 'In progress', 'Valid', rec, david, { lineManagerId: david.id })).toBeNull();
    expect(check(competenceRecords, 'In progress', 'Valid', { ...rec, VerifiedBy: sam.id }, tom)).toEqual({ code: 'personCannotVerifyOwn' });
    expect(check(competenceRecords, 'In progress', 'Valid', { ...rec, CompletedOn: null }, tom)).toEqual({ code: 'fieldRequired', params: { column: 'CompletedOn' } });
  });

  it('lets the SMS manager stand in as line manager / HR only when no line manager is known', () => {
    expect(check(competenceRecords, 'In progress', 'Valid', rec, tom)).toBeNull();
    expect(check(competenceRecords, 'In progress', 'Valid', rec, marcus)).toEqual({ code: 'notLineManager' });
  });

  it('is started by the person or their line manager', () => {
    expect(check(competenceRecords, 'Planned', 'In progress', rec, david, { lineManagerId: david.id })).toBeNull();
    expect(check(competenceRecords, 'Planned', 'In progress', rec, marcus, { lineManagerId: david.id })).toEqual({ code: 'notPersonOrLineManager' });
  });

  it('expires through the app on its ExpiresOn date, not before', () => {
    expect(check(competenceRecords, 'Valid', 'Expired', { ...rec, ExpiresOn: '2026-12-08' }, 'system')).toEqual({ code: 'notYetDue', params: { date: '2026-12-08' } });
    expect(check(competenceRecords, 'Valid', 'Expired', { ...rec, ExpiresOn: '2026-12-07' }, 'system')).toBeNull();
    expect(check(competenceRecords, 'Valid', 'Expired', { ...rec, ExpiresOn: '2026-12-07' }, tom)).toEqual({ code: 'systemOnly', params: { from: 'Valid', to: 'Expired' } });
  });
});

describe('nextTransitions', () => {
  it('lists the steps out of a status with their refusals and whether a reason is asked', () => {
    const next = nextTransitions({
      register: 'nonconformities',
      transitions: nonconformities.transitions!,
      from: 'Under review',
      values: { Grade: 'Minor', Owner: marcus.id },
      actor: tom,
      settings: DEFAULT_REGISTER_SETTINGS,
    });
    expect(next).toEqual([
      { to: 'Rejected', refusal: { code: 'reasonRequired' }, needsReason: true },
      { to: 'Containment', refusal: null, needsReason: false },
    ]);
  });

  it('shows a person the steps people make and the app the System steps', () => {
    const base = { register: 'serviceAgreements', transitions: serviceAgreements.transitions!, from: 'Active', values: { Owner: marcus.id, EndDate: '2026-01-31' }, settings: DEFAULT_REGISTER_SETTINGS, today: TODAY };
    expect(nextTransitions({ ...base, actor: marcus }).map((t) => t.to)).toEqual(['Under review', 'Terminated']);
    expect(nextTransitions({ ...base, actor: 'system' })).toEqual([{ to: 'Expired', refusal: null, needsReason: false }]);
  });

  it('explains to a verifier who is an assignee why they may not close, and offers actions their own steps', () => {
    const next = nextTransitions({
      register: 'nonconformities',
      transitions: nonconformities.transitions!,
      from: 'Effectiveness check',
      values: { Owner: marcus.id, EffectivenessResult: 'Effective' },
      actor: tom,
      settings: DEFAULT_REGISTER_SETTINGS,
      linkedActions: [action('Completed', tom)],
    });
    expect(next.map((t) => [t.to, t.refusal?.code ?? null])).toEqual([
      ['Closed', 'assigneeCannotVerify'],
      ['Root cause analysis', 'assigneeCannotVerify'],
    ]);
    const actionSteps = nextTransitions({
      register: 'actions',
      transitions: actionsSchema.transitions!,
      from: 'Completed',
      values: { AssignedTo: david.id, Owner: marcus.id, NeedsVerification: true },
      actor: david,
      settings: DEFAULT_REGISTER_SETTINGS,
    });
    expect(actionSteps).toEqual([
      { to: 'In progress', refusal: { code: 'assigneeCannotVerify' }, needsReason: true },
      { to: 'Verified', refusal: { code: 'assigneeCannotVerify' }, needsReason: false },
    ]);
  });
});

describe('checkEdit and editScope (§6.2)', () => {
  it('keeps closed records read-only', () => {
    for (const [register, statuses] of Object.entries(CLOSED_STATUSES)) {
      const statusColumn = register === 'services' ? 'LifecycleStatus' : 'Status';
      for (const status of statuses) {
        expect(checkEdit(register, { [statusColumn]: status, Owner: tom.id }, tom), `${register} ${status}`).toEqual({ code: 'recordClosed', params: { status } });
      }
    }
  });

  it('changes the status only through steps, and step evidence never by a plain edit', () => {
    expect(checkEdit('risks', { Status: 'Assessed', Owner: marcus.id }, marcus, { changed: ['Status'] })).toEqual({ code: 'useTransition', params: { column: 'Status' } });
    expect(checkEdit('services', { LifecycleStatus: 'Live', ServiceOwner: david.id }, david, { changed: ['LifecycleStatus'] })).toEqual({
      code: 'useTransition',
      params: { column: 'LifecycleStatus' },
    });
    expect(checkEdit('risks', { Status: 'Assessed', Owner: marcus.id }, tom, { changed: ['AcceptedBy'] })).toEqual({ code: 'columnNotEditable', params: { column: 'AcceptedBy' } });
    expect(checkEdit('risks', { Status: 'Assessed', Owner: marcus.id }, marcus, { changed: ['Likelihood', 'InherentScore', 'ResidualScore'] })).toBeNull();
  });

  it('lets risk owners, their process owners and SMS managers edit risks; employees only read', () => {
    const risk = { Status: 'Identified', Owner: marcus.id, Process: '10' };
    expect(checkEdit('risks', risk, marcus)).toBeNull();
    expect(checkEdit('risks', risk, david)).toBeNull();
    expect(checkEdit('risks', risk, tom)).toBeNull();
    expect(checkEdit('risks', risk, sam)).toEqual({ code: 'notEditor' });
    expect(checkEdit('risks', risk, eleanor)).toEqual({ code: 'notEditor' });
  });

  it('lets objective owners update progress only', () => {
    const obj = { Status: 'Active', Owner: marcus.id };
    expect(checkEdit('objectives', obj, marcus, { changed: ['CurrentValue', 'RAG'] })).toBeNull();
    expect(checkEdit('objectives', obj, marcus, { changed: ['Target'] })).toEqual({ code: 'columnNotEditable', params: { column: 'Target' } });
    expect(checkEdit('objectives', obj, tom, { changed: ['Target'] })).toBeNull();
    expect(checkEdit('objectives', obj, fiona)).toEqual({ code: 'notEditor' });
  });

  it('gives services, agreements and suppliers to their owners; the SMS manager reads them (§6.2)', () => {
    expect(checkEdit('services', { LifecycleStatus: 'Live', ServiceOwner: david.id }, david)).toBeNull();
    expect(checkEdit('services', { LifecycleStatus: 'Live', ServiceOwner: david.id }, tom)).toEqual({ code: 'notEditor' });
    expect(checkEdit('serviceAgreements', { Status: 'Active', Owner: marcus.id }, marcus)).toBeNull();
    expect(checkEdit('suppliers', { Status: 'Approved', RelationshipManager: david.id }, david)).toBeNull();
    expect(checkEdit('suppliers', { Status: 'Approved', RelationshipManager: david.id }, marcus)).toEqual({ code: 'notEditor' });
  });

  it('splits an NC between reporter, owner, SMS manager and verifier, and keeps effectiveness from owner and assignees', () => {
    const nc = (Status: string): Values => ({ Status, Owner: marcus.id, RaisedBy: sam.id });
    expect(checkEdit('nonconformities', nc('Reported'), sam, { changed: ['Evidence'] })).toBeNull();
    expect(checkEdit('nonconformities', nc('Under review'), sam, { changed: ['Evidence'] })).toEqual({ code: 'notEditor' });
    expect(checkEdit('nonconformities', nc('Root cause analysis'), marcus, { changed: ['RootCause', 'ExtentOfCondition'] })).toBeNull();
    expect(checkEdit('nonconformities', nc('Root cause analysis'), marcus, { changed: ['Grade'] })).toEqual({ code: 'columnNotEditable', params: { column: 'Grade' } });
    expect(checkEdit('nonconformities', nc('Effectiveness check'), marcus, { changed: ['EffectivenessResult'] })).toEqual({ code: 'ownerCannotVerify' });
    expect(checkEdit('nonconformities', nc('Effectiveness check'), marcus)).toEqual({ code: 'notEditor' });
    expect(checkEdit('nonconformities', nc('Effectiveness check'), fiona, { changed: ['EffectivenessResult'] })).toBeNull();
    expect(checkEdit('nonconformities', nc('Effectiveness check'), fiona, { changed: ['EffectivenessResult'], linkedActions: [action('Completed', fiona)] })).toEqual({ code: 'assigneeCannotVerify' });
    expect(checkEdit('nonconformities', nc('Effectiveness check'), tom, { changed: ['EffectivenessResult'] })).toBeNull();
    expect(checkEdit('nonconformities', nc('Effectiveness check'), tom, { changed: ['EffectivenessResult'], linkedActions: [action('Verified', tom)] })).toEqual({ code: 'assigneeCannotVerify' });
    expect(checkEdit('nonconformities', { ...nc('Effectiveness check'), Owner: tom.id }, tom, { changed: ['EffectivenessResult'] })).toEqual({ code: 'ownerCannotVerify' });
    expect(checkEdit('nonconformities', { ...nc('Effectiveness check'), Owner: tom.id }, tom, { changed: ['Evidence'] })).toBeNull();
    expect(mayEditColumn(editScope('nonconformities', { ...nc('Effectiveness check'), Owner: tom.id }, tom), 'EffectivenessResult')).toBe(false);
  });

  it('lets process owners evaluate improvements and owners record results', () => {
    expect(checkEdit('improvements', { Status: 'Under evaluation', Owner: marcus.id }, david, { changed: ['BenefitScore', 'CostEstimate'] })).toBeNull();
    expect(checkEdit('improvements', { Status: 'Approved', Owner: marcus.id }, david, { changed: ['BenefitScore'] })).toEqual({ code: 'notEditor' });
    expect(checkEdit('improvements', { Status: 'Measured', Owner: marcus.id }, marcus, { changed: ['ResultValue', 'TargetAchieved'] })).toBeNull();
    expect(checkEdit('improvements', { Status: 'Measured', Owner: marcus.id }, marcus, { changed: ['Decision'] })).toEqual({ code: 'columnNotEditable', params: { column: 'Decision' } });
  });

  it('lets people upload their own competence evidence, and line managers edit the record', () => {
    const rec = { Status: 'In progress', Person: sam.id };
    expect(checkEdit('competenceRecords', rec, sam, { changed: ['EvidenceDoc', 'CompletedOn'] })).toBeNull();
    expect(checkEdit('competenceRecords', rec, sam, { changed: ['EffectivenessChecked'] })).toEqual({ code: 'columnNotEditable', params: { column: 'EffectivenessChecked' } });
    expect(checkEdit('competenceRecords', { ...rec, Status: 'Valid' }, sam)).toEqual({ code: 'notEditor' });
    expect(checkEdit('competenceRecords', rec, david, { lineManagerId: david.id, changed: ['EffectivenessChecked'] })).toBeNull();
    expect(checkEdit('competenceRecords', rec, marcus, { lineManagerId: david.id })).toEqual({ code: 'notEditor' });
  });

  it('applies the actions rules to the actions register', () => {
    const act = { Status: 'In progress', AssignedTo: david.id, Owner: marcus.id };
    expect(checkEdit('actions', act, marcus, { changed: ['DueDate'], reason: 'Vendor delay.' })).toBeNull();
    expect(checkEdit('actions', act, marcus, { changed: ['DueDate'] })).toEqual({ code: 'reasonRequired' });
    expect(checkEdit('actions', act, david, { changed: ['Description'] })).toBeNull();
    expect(checkEdit('actions', act, david, { changed: ['DueDate'], reason: 'x' })).toEqual({ code: 'columnNotEditable', params: { column: 'dueDate' } });
    expect(checkEdit('actions', act, marcus, { changed: ['Status'] })).toEqual({ code: 'useTransition', params: { column: 'Status' } });
    expect(checkEdit('actions', { ...act, Status: 'Verified' }, marcus, { changed: ['Title'] })).toEqual({ code: 'recordClosed', params: { status: 'Verified' } });
  });

  it('tells a form which columns to enable', () => {
    const scope = editScope('nonconformities', { Status: 'Containment', Owner: marcus.id }, marcus);
    expect(scope.all).toBe(false);
    expect(mayEditColumn(scope, 'Correction')).toBe(true);
    expect(mayEditColumn(scope, 'Grade')).toBe(false);
    expect(mayEditColumn(scope, 'Status')).toBe(false);
    const manager = editScope('nonconformities', { Status: 'Containment', Owner: marcus.id }, tom);
    expect(manager.all).toBe(true);
    expect(mayEditColumn(manager, 'Grade')).toBe(true);
    expect(mayEditColumn(manager, 'VerifiedBy')).toBe(false);
  });
});

describe('checkCreate (§6.2)', () => {
  it('lets anyone with an SMS role raise NCs, log improvements and propose risks; staff report to them', () => {
    // Staff without an SMS role read the registers only (site grants): they report to someone who records it.
    for (const register of ['nonconformities', 'improvements', 'risks']) {
      expect(checkCreate(register, {}, sam)).toEqual({ code: 'reportToSmsTeam' });
      expect(checkCreate(register, {}, marcus)).toBeNull();
    }
  });

  it('keeps other registers to the roles that edit them', () => {
    expect(checkCreate('contextIssues', {}, sam)).toEqual({ code: 'cannotCreate' });
    expect(checkCreate('contextIssues', {}, marcus)).toBeNull();
    expect(checkCreate('objectives', {}, marcus)).toEqual({ code: 'cannotCreate' });
    expect(checkCreate('objectives', {}, eleanor)).toBeNull();
    expect(checkCreate('suppliers', {}, david)).toBeNull();
    expect(checkCreate('suppliers', {}, tom)).toEqual({ code: 'cannotCreate' });
    expect(checkCreate('competenceRecords', { Person: sam.id }, sam)).toBeNull();
    expect(checkCreate('competenceRecords', { Person: david.id }, sam)).toEqual({ code: 'cannotCreate' });
    expect(checkCreate('actions', { Owner: marcus.id }, marcus)).toBeNull();
    expect(checkCreate('actions', { Owner: marcus.id }, sam)).toEqual({ code: 'cannotRaiseAction' });
  });
});
