// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { directoryOf, type Person } from '../people.js';
import { desiredTask, dueDateTimeOf, progressAgrees, refOfTaskTitle, taskPatch } from './mapping.js';
import type { ActionRow } from './types.js';

/** The projection of an action onto its Planner task: what `taskPatch` writes, and what it leaves alone. */
const david: Person = { userId: 'u-david', id: 'david@x.test', upn: 'david@x.test', displayName: 'David', lookupId: '7', roles: ['employee'], ownedProcessIds: [] };
const people = directoryOf([david]);
const row: ActionRow = {
  id: '1', eTag: '"1"', webUrl: null, ref: 'ACT-0142', title: 'Add a CAB gate', actionType: 'Corrective action', sourceType: 'Nonconformity',
  sourceItemId: 3, sourceRef: 'NC-2025-003', sourceRegister: 'nonconformities', description: null, assigneeId: david.id, ownerId: null,
  dueDate: '2026-03-14', priority: 'Important', status: 'In progress', completedOn: null, needsVerification: true, verifiedById: null,
  verifiedOn: null, plannerTaskId: 't1', plannerPlanId: 'p1', plannerETag: null, lastSyncedAt: null, overdue: false,
};
const agreeing = {
  title: '[ACT-0142] Add a CAB gate',
  assignments: { 'u-david': { orderHint: 'x' } },
  dueDateTime: '2026-03-14T08:00:00Z',
  priority: 3,
  appliedCategories: { category2: true },
  percentComplete: 50,
};

describe('taskPatch', () => {
  it('writes nothing for a task that agrees (a due date at another hour of the same site day, unset labels)', () => {
    expect(taskPatch(agreeing, desiredTask(row, people), 'UTC')).toBeNull();
    expect(taskPatch({ ...agreeing, percentComplete: 30 }, desiredTask(row, people), 'UTC')).toBeNull();
  });

  it('puts back title, assignee (others removed), due date, priority and label; progress only when Planner cannot hold it', () => {
    const changed = { ...agreeing, title: 'x', assignments: { 'u-other': { orderHint: 'y' } }, dueDateTime: '2026-03-20T08:00:00Z', priority: 9, appliedCategories: { category6: true } };
    expect(taskPatch(changed, desiredTask({ ...row, status: 'Verified' }, people), 'UTC')).toEqual({
      title: '[ACT-0142] Add a CAB gate',
      assignments: { 'u-other': null, 'u-david': { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
      dueDateTime: '2026-03-14T17:00:00.000Z',
      priority: 3,
      appliedCategories: { category2: true, category6: false },
      percentComplete: 100,
    });
  });

  it('reads and writes due dates on the site clock', () => {
    expect(dueDateTimeOf('2026-03-14', 'Asia/Shanghai')).toBe('2026-03-14T09:00:00.000Z');
    expect(taskPatch({ ...agreeing, dueDateTime: '2026-03-13T20:00:00Z' }, desiredTask(row, people), 'Asia/Shanghai')).toBeNull();
  });
});

describe('helpers', () => {
  it('progressAgrees and refOfTaskTitle', () => {
    expect(progressAgrees('Blocked', 50)).toBe(true);
    expect(progressAgrees('Not started', 50)).toBe(false);
    expect(progressAgrees('Cancelled', 100)).toBe(true);
    expect(refOfTaskTitle('[ACT-0142] Add a CAB gate')).toBe('ACT-0142');
    expect(refOfTaskTitle('Add a CAB gate')).toBeNull();
  });
});
