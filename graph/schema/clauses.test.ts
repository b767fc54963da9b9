import { describe, expect, it } from 'vitest';
import { ancestryOf, assessableClauses, childrenOf, clauseByNumber, clauseNumbers, clauses, compareClauseNumbers } from './clauses.js';

describe('ISO/IEC 20000-1 clause tree', () => {
  it('has the 77 clauses and sub-clauses of clauses 4–10, each once', () => {
    expect(clauses).toHaveLength(77);
    expect(new Set(clauseNumbers).size).toBe(77);
    expect(childrenOf(null).map((c) => c.clause)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
  });

  it('gives every sub-clause a parent that exists and is one level up', () => {
    for (const c of clauses) {
      if (c.parent === null) {
        expect(c.depth, c.clause).toBe(1);
        continue;
      }
      const parent = clauseByNumber(c.parent);
      expect(parent, `${c.clause} → ${c.parent}`).toBeDefined();
      expect(c.clause.startsWith(`${c.parent}.`), c.clause).toBe(true);
      expect(c.depth, c.clause).toBe(parent!.depth + 1);
    }
  });

  it('orders clause numbers naturally: 8.9 before 8.10, 9 before 10, parents before children', () => {
    expect(compareClauseNumbers('8.9', '8.10')).toBeLessThan(0);
    expect(compareClauseNumbers('10', '9')).toBeGreaterThan(0);
    expect(compareClauseNumbers('8.5', '8.5.1')).toBeLessThan(0);
    expect(compareClauseNumbers('8.5.1.3', '8.5.1.3')).toBe(0);
    expect(['10.1', '8.10', '8.2', '8.9', '9', '4.4'].sort(compareClauseNumbers)).toEqual(['4.4', '8.2', '8.9', '8.10', '9', '10.1']);
    const nine = clauseNumbers.indexOf('9');
    const ten = clauseNumbers.indexOf('10');
    expect(nine).toBeGreaterThan(-1);
    expect(ten).toBeGreaterThan(nine);
    expect(clauseNumbers.indexOf('8.7.3.3')).toBeLessThan(nine);
    for (let i = 1; i < clauseNumbers.length; i++) {
      expect(compareClauseNumbers(clauseNumbers[i - 1]!, clauseNumbers[i]!), clauseNumbers[i]).toBeLessThan(0);
    }
  });

  it('finds clauses by number and lists children in order', () => {
    expect(clauseByNumber('8.5.1.3')?.title).toBe('Change management activities');
    expect(clauseByNumber(' 9.2 ')?.title).toBe('Internal audit');
    expect(clauseByNumber('11')).toBeUndefined();
    expect(childrenOf('8.5').map((c) => c.clause)).toEqual(['8.5.1', '8.5.2', '8.5.3']);
    expect(ancestryOf('8.5.1.3').map((c) => c.clause)).toEqual(['8', '8.5', '8.5.1', '8.5.1.3']);
  });

  it('leaves heading-only clauses out of the assessable set', () => {
    const assessable = assessableClauses().map((c) => c.clause);
    for (const heading of ['4', '8', '8.5', '8.5.1', '10']) expect(assessable).not.toContain(heading);
    for (const leaf of ['4.1', '8.5.1.3', '9.2', '10.2']) expect(assessable).toContain(leaf);
    // every non-assessable clause is a heading whose evidence lives in its sub-clauses
    for (const c of clauses.filter((x) => !x.assessable)) expect(childrenOf(c.clause).length, c.clause).toBeGreaterThan(0);
  });
});
