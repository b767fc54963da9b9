import { describe, expect, it } from 'vitest';
import { SMS_LISTS, listByKey, type SmsListSchema } from '../schema/index.js';
import { creationOrder } from './order.js';

const keysOf = (lists: { list: SmsListSchema }[]) => lists.map((c) => c.list.key);

describe('creationOrder', () => {
  it('creates every list once, and a lookup goes inline only when its target list is already there', () => {
    const order = creationOrder(SMS_LISTS, new Set());
    expect(new Set(keysOf(order))).toEqual(new Set(SMS_LISTS.map((l) => l.key)));
    expect(order).toHaveLength(SMS_LISTS.length);
    const position = new Map(keysOf(order).map((k, i) => [k, i]));
    for (const { list, inline, deferred } of order) {
      for (const c of inline.filter((x) => x.type === 'lookup' || x.type === 'lookupMulti')) {
        expect(position.get(c.lookupList!), `${list.key}.${c.name}`).toBeLessThan(position.get(list.key)!);
      }
      for (const c of deferred) expect(c.type === 'lookup' || c.type === 'lookupMulti', `${list.key}.${c.name}`).toBe(true);
      // Nothing is lost: inline + deferred are all the columns except the built-in Title.
      expect([...inline, ...deferred].map((c) => c.name).sort()).toEqual(list.columns.filter((c) => !c.builtIn).map((c) => c.name).sort());
    }
  });

  it('defers self-lookups and the lookups of a cycle (Processes ↔ Suppliers, Services.DependsOn)', () => {
    const order = creationOrder(SMS_LISTS, new Set());
    const services = order.find((o) => o.list.key === 'services')!;
    expect(services.deferred.map((c) => c.name)).toContain('DependsOn');
    const processes = order.find((o) => o.list.key === 'processes')!;
    const suppliers = order.find((o) => o.list.key === 'suppliers')!;
    const processesFirst = keysOf(order).indexOf('processes') < keysOf(order).indexOf('suppliers');
    const [first, second] = processesFirst ? [processes, suppliers] : [suppliers, processes];
    // The first of the pair cannot point at the second yet; the second can point at the first.
    expect(first.deferred.some((c) => c.lookupList === second.list.key)).toBe(true);
    expect(second.inline.some((c) => c.lookupList === first.list.key)).toBe(true);
  });

  it('leaves out lists that exist and points lookups at them inline', () => {
    const existing = new Set(['services', 'processes']);
    const order = creationOrder(SMS_LISTS, existing);
    expect(keysOf(order)).not.toContain('services');
    const records = order.find((o) => o.list.key === 'smsRecords')!;
    expect(records.inline.map((c) => c.name)).toContain('Service');
    expect(listByKey('smsRecords')!.columns.find((c) => c.name === 'Service')!.lookupList).toBe('services');
  });
});
