/**
 * The Planner projection of Actions (§5.7) and the role groups (§6.4). Expected values are copied
 * from the domain reference and from the plannerTask / plannerAppliedCategories Learn pages.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTION_SOURCE_TYPES,
  ACTION_STATUSES,
  ACTION_TYPES,
  BUCKET_BY_SOURCE_TYPE,
  CATEGORY_BY_ACTION_TYPE,
  PERCENT_COMPLETE_BY_STATUS,
  PLANNER_BUCKETS,
  PLANNER_CATEGORY_LABELS,
  PLANNER_PLAN_TITLE,
  PLANNER_PRIORITY_BY_PRIORITY,
  SMS_GROUP_NAMES,
  appliedCategoriesFor,
  columnOf,
  listByKey,
  priorityFromPlanner,
  statusFromPercentComplete,
} from './index.js';

describe('Planner plan "SMS Actions"', () => {
  it('is titled SMS Actions with the seven buckets of §5.7 in board order', () => {
    expect(PLANNER_PLAN_TITLE).toBe('SMS Actions');
    expect(PLANNER_BUCKETS).toEqual(['Corrective actions', 'Audit follow-up', 'Management review', 'Risk treatment', 'Objectives', 'Document reviews', 'Improvements']);
  });

  it('puts every SourceType the Actions list accepts into one of those buckets, and uses every bucket', () => {
    const sourceChoices = columnOf(listByKey('actions')!, 'SourceType')?.choices ?? [];
    expect(sourceChoices.length).toBeGreaterThan(0);
    for (const s of sourceChoices) expect(PLANNER_BUCKETS, s).toContain(BUCKET_BY_SOURCE_TYPE[s as (typeof ACTION_SOURCE_TYPES)[number]]);
    expect(new Set(Object.values(BUCKET_BY_SOURCE_TYPE))).toEqual(new Set(PLANNER_BUCKETS));
    expect(BUCKET_BY_SOURCE_TYPE.Nonconformity).toBe('Corrective actions');
    expect(BUCKET_BY_SOURCE_TYPE.ControlledDocument).toBe('Document reviews');
  });

  it('applies exactly one of category1…category6 per ActionType, and no other key', () => {
    const typeChoices = columnOf(listByKey('actions')!, 'ActionType')?.choices ?? [];
    expect(typeChoices).toEqual([...ACTION_TYPES]);
    for (const t of ACTION_TYPES) {
      const applied = appliedCategoriesFor(t);
      expect(Object.keys(applied).sort(), t).toEqual(['category1', 'category2', 'category3', 'category4', 'category5', 'category6']);
      expect(Object.values(applied).filter(Boolean), t).toHaveLength(1);
      expect(applied[CATEGORY_BY_ACTION_TYPE[t]], t).toBe(true);
    }
    expect(appliedCategoriesFor('Correction').category1).toBe(true);
    expect(appliedCategoriesFor('Corrective action').category2).toBe(true);
    expect(Object.keys(PLANNER_CATEGORY_LABELS)).toHaveLength(6);
  });

  it('projects Status to percentComplete 0 / 50 / 100', () => {
    expect(Object.keys(PERCENT_COMPLETE_BY_STATUS).sort()).toEqual([...ACTION_STATUSES].sort());
    expect(PERCENT_COMPLETE_BY_STATUS['Not started']).toBe(0);
    expect(PERCENT_COMPLETE_BY_STATUS['In progress']).toBe(50);
    expect(PERCENT_COMPLETE_BY_STATUS.Completed).toBe(100);
    for (const v of Object.values(PERCENT_COMPLETE_BY_STATUS)) expect([0, 50, 100]).toContain(v);
  });

  it('reads Planner progress back without losing SharePoint-only statuses', () => {
    expect(statusFromPercentComplete(0, 'In progress')).toBe('Not started');
    expect(statusFromPercentComplete(50, 'Not started')).toBe('In progress');
    expect(statusFromPercentComplete(25, 'Not started')).toBe('In progress');
    expect(statusFromPercentComplete(100, 'In progress')).toBe('Completed');
    expect(statusFromPercentComplete(50, 'Blocked')).toBe('Blocked');
    expect(statusFromPercentComplete(100, 'Verified')).toBe('Verified');
    expect(statusFromPercentComplete(100, 'Cancelled')).toBe('Cancelled');
    expect(statusFromPercentComplete(50, 'Completed')).toBe('In progress');
  });

  it('maps Priority to the numbers Planner sets (1, 3, 5, 9) and reads Planner’s 0–10 ranges back', () => {
    expect(PLANNER_PRIORITY_BY_PRIORITY).toEqual({ Urgent: 1, Important: 3, Medium: 5, Low: 9 });
    const expected: [number, string][] = [
      [0, 'Urgent'],
      [1, 'Urgent'],
      [2, 'Important'],
      [4, 'Important'],
      [5, 'Medium'],
      [7, 'Medium'],
      [8, 'Low'],
      [10, 'Low'],
    ];
    for (const [n, p] of expected) expect(priorityFromPlanner(n), String(n)).toBe(p);
    for (const [p, n] of Object.entries(PLANNER_PRIORITY_BY_PRIORITY)) expect(priorityFromPlanner(n)).toBe(p);
  });
});

describe('role groups (§6.4)', () => {
  it('names the six SMS groups', () => {
    expect(SMS_GROUP_NAMES).toEqual(['SMS-TopManagement', 'SMS-Managers', 'SMS-DocumentControllers', 'SMS-ProcessOwners', 'SMS-InternalAuditors', 'SMS-AllStaff']);
  });
});
