import { describe, expect, it } from 'vitest';
import { columnOf, requireList, type SmsColumn } from '../../graph/schema/index.js';
import { DEMO_DOCUMENTS } from './data/documents.js';
import { DEMO_EVENTS } from './data/calendar.js';
import { seedDates } from './dates.js';
import { registerData, sequencesFor } from './seed.js';
import { actions } from './data/improvement.js';
import type { FieldValue, SeedList } from './types.js';

const d = seedDates(new Date('2026-03-15T12:00:00Z'));
const lists: SeedList[] = [...registerData(d, new Map(DEMO_EVENTS.map((e, i) => [e.subject, `event-${i}`]))), actions(d)];

function valueProblem(col: SmsColumn, value: FieldValue): string | null {
  switch (col.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 255 ? null : 'expected a string of up to 255 characters';
    case 'note':
      return typeof value === 'string' ? null : 'expected a string';
    case 'choice':
      return typeof value === 'string' && (col.fillIn || col.choices!.includes(value)) ? null : `'${String(value)}' is not a choice`;
    case 'multiChoice':
      return Array.isArray(value) && value.every((v) => col.choices!.includes(v)) ? null : `${JSON.stringify(value)} has a value that is not a choice`;
    case 'number':
    case 'currency':
      if (typeof value !== 'number') return 'expected a number';
      if (col.min !== undefined && value < col.min) return `below ${col.min}`;
      if (col.max !== undefined && value > col.max) return `above ${col.max}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'dateOnly':
    case 'dateTime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'expected an ISO date';
    default:
      return `a ${col.type} column cannot take a plain value`;
  }
}

describe('demo seed data', () => {
  it('uses only columns and choices the schema defines', () => {
    const problems: string[] = [];
    for (const list of lists) {
      const schema = requireList(list.list);
      const keys = new Set<string>();
      for (const item of list.items) {
        if (keys.has(item.key)) problems.push(`${list.list}: duplicate key ${item.key}`);
        keys.add(item.key);
        for (const [name, value] of Object.entries(item.fields)) {
          const col = columnOf(schema, name);
          const problem = col ? valueProblem(col, value) : 'no such column';
          if (problem) problems.push(`${list.list} ${item.key} ${name}: ${problem}`);
        }
        for (const name of Object.keys(item.people ?? {})) {
          const type = columnOf(schema, name)?.type;
          if (type !== 'person' && type !== 'personMulti') problems.push(`${list.list} ${item.key} ${name}: not a person column`);
        }
        for (const [name, target] of Object.entries(item.links ?? {})) {
          const col = columnOf(schema, name);
          const targets = Array.isArray(target) ? target : [target];
          if (col?.type !== 'lookup' && col?.type !== 'lookupMulti') problems.push(`${list.list} ${item.key} ${name}: not a lookup column`);
          else if (targets.some((t) => t.list !== col.lookupList)) problems.push(`${list.list} ${item.key} ${name}: points to the wrong list`);
        }
        for (const col of schema.columns) {
          const upnOf = col.name.endsWith('UPN') ? col.name.slice(0, -3) : undefined;
          const set =
            col.name in item.fields ||
            col.name in (item.people ?? {}) ||
            col.name in (item.links ?? {}) ||
            col.name in (item.ids ?? {}) ||
            (upnOf !== undefined && upnOf in (item.people ?? {}));
          if (col.required && !set && col.default === undefined) problems.push(`${list.list} ${item.key}: required ${col.name} missing`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('links only to items that are seeded', () => {
    const keys = new Map<string, Set<string>>(lists.map((l) => [l.list, new Set(l.items.map((i) => i.key))]));
    keys.set('smsDocuments', new Set(DEMO_DOCUMENTS.map((doc) => doc.docId)));
    const dangling: string[] = [];
    for (const list of lists) {
      for (const item of list.items) {
        const targets = [...Object.values(item.links ?? {}), ...Object.values(item.ids ?? {})].flatMap((t) => (Array.isArray(t) ? t : [t]));
        for (const t of targets) if (!keys.get(t.list)?.has(t.key)) dangling.push(`${list.list} ${item.key} → ${t.list}/${t.key}`);
      }
    }
    expect(dangling).toEqual([]);
  });

  it('continues every numbered sequence after the highest seeded ref', () => {
    const seqs = new Map(sequencesFor(lists, DEMO_DOCUMENTS.map((doc) => doc.docId)).items.map((s) => [s.key, s.fields]));
    expect(seqs.get('RSK')).toMatchObject({ Prefix: 'RSK-', NextNumber: 7, Padding: 3 });
    expect(seqs.get('CR-2025')).toMatchObject({ Prefix: 'CR-2025-', NextNumber: 8, Padding: 4 });
    expect(seqs.get('SMS-PRC')).toMatchObject({ Prefix: 'SMS-PRC-', NextNumber: 31 });
    expect(seqs.has('MR-2025-H')).toBe(false);
  });
});
