import { describe, expect, it } from 'vitest';
import { canApproveContent, canEditDocument, canPublishOrWithdraw, canSeeDocument, canSeeDrafts, policyLevel, readableVersion } from './access.js';
import { DOC_TYPES, type DocType } from './constants.js';
import { people, policy, procedure, type PersonKey } from './fixtures.js';

describe('policyLevel', () => {
  it('maps the §6.2 policy-level documents onto the Policy and Plan DocTypes', () => {
    const expected: Record<DocType, boolean> = {
      Policy: true,
      Plan: true,
      'Process description': false,
      Procedure: false,
      'Work instruction': false,
      'Form/Template': false,
      Catalogue: false,
      Agreement: false,
      Contract: false,
      Register: false,
      'External document': false,
    };
    for (const t of DOC_TYPES) expect(policyLevel(t), t).toBe(expected[t]);
  });

  it('treats the mandatory policy-level items as policy-level whatever their DocType', () => {
    for (const item of ['D1', 'D2', 'D5', 'D6', 'D7', 'D8']) expect(policyLevel('Procedure', item), item).toBe(true);
    for (const item of ['None', 'D3', 'D9', 'D15', 'D24']) expect(policyLevel('Procedure', item), item).toBe(false);
    expect(policyLevel('Register', null)).toBe(false);
  });
});

describe('who may edit, approve, publish', () => {
  const doc = procedure('Draft'); // process PRC-13, owner Marcus
  const who = (f: (k: PersonKey) => boolean) => (Object.keys(people) as PersonKey[]).filter(f);

  it('lets the SMS manager, document controllers and the owning process owner edit (§6.2 row 1)', () => {
    expect(who((k) => canEditDocument(people[k], doc))).toEqual(['tom', 'priya', 'marcus']);
  });

  it('lets a process owner edit a document of their process even if someone else is named owner', () => {
    expect(canEditDocument(people.marcus, procedure('Draft', { ownerId: people.jack.id }))).toBe(true);
    expect(canEditDocument(people.jack, procedure('Draft', { ownerId: people.jack.id }))).toBe(false);
  });

  it('lets only top management approve policy-level content', () => {
    expect(who((k) => canApproveContent(people[k], policy('In review')))).toEqual(['eleanor', 'raj']);
  });

  it('lets top management, the SMS manager and the owner of the process approve a procedure, never a document controller as such', () => {
    expect(who((k) => canApproveContent(people[k], doc))).toEqual(['eleanor', 'raj', 'tom', 'marcus']);
    expect(canApproveContent(people.priya, procedure('Draft', { processId: 'PRC-07' }))).toBe(true); // as owner of PRC-07
    expect(canApproveContent({ id: 'dc', roles: ['documentController', 'employee'] }, doc)).toBe(false);
  });

  it('lets only SMS managers and document controllers publish or withdraw', () => {
    expect(who((k) => canPublishOrWithdraw(people[k]))).toEqual(['tom', 'priya']);
  });
});

describe('visibility of drafts and documents', () => {
  // Demo SMS-PLN-001: readers see 2.1 while 2.2 is in review.
  const revising = procedure('In review', { publishedVersion: '2.1', draftVersion: '2.2' });
  const see = (doc: Parameters<typeof canSeeDrafts>[1], f: typeof canSeeDrafts) =>
    (Object.keys(people) as PersonKey[]).filter((k) => f(people[k].roles, doc, people[k]));

  it('shows drafts to owner/author, approvers, reviewers, SMS managers and document controllers only', () => {
    expect(see(revising, canSeeDrafts)).toEqual(['raj', 'tom', 'priya', 'marcus', 'fiona']);
  });

  it('shows a process owner the drafts of their process, not of others', () => {
    const doc = procedure('Draft', { ownerId: people.jack.id, authorId: people.jack.id, approverIds: [], reviewerIds: [] });
    expect(canSeeDrafts(people.marcus.roles, doc, people.marcus)).toBe(true);
    expect(canSeeDrafts(people.david.roles, doc, people.david)).toBe(false);
  });

  it('gives readers the published version and those who see drafts the draft', () => {
    expect(readableVersion(people.jack.roles, revising, people.jack)).toBe('2.1');
    expect(readableVersion(people.eleanor.roles, revising, people.eleanor)).toBe('2.1');
    expect(readableVersion(people.raj.roles, revising, people.raj)).toBe('2.2');
    expect(readableVersion(people.priya.roles, revising, people.priya)).toBe('2.2');
  });

  it('hides a never-published draft from ordinary readers', () => {
    const draft = procedure('Draft');
    expect(canSeeDocument(people.jack.roles, draft, people.jack)).toBe(false);
    expect(readableVersion(people.jack.roles, draft, people.jack)).toBeNull();
    expect(canSeeDocument(people.fiona.roles, draft, people.fiona)).toBe(true);
  });

  it('shows withdrawn and archived documents to document controllers and SMS managers only', () => {
    for (const status of ['Withdrawn', 'Archived'] as const) {
      const doc = procedure(status);
      expect(see(doc, canSeeDocument), status).toEqual(['tom', 'priya']);
    }
    expect(see(procedure('Published'), canSeeDocument)).toEqual(Object.keys(people));
  });
});
