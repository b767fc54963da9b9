import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { acknowledgements, documentApprovals, provisionableColumns, toGraphColumnDefinition } from '../schema/index.js';
import { createGraphClient } from './client.js';
import { GraphError } from './errors.js';
import { f, listFilter, MultiFieldFilterError, NonIndexedFilterError, renderFilter } from './filter.js';
import { getAll } from './paging.js';

describe('renderFilter', () => {
  it('doubles single quotes and keeps unicode as it is (graphRequest encodes it)', () => {
    expect(renderFilter(f.eq('fields/Name', "O'Brien"))).toBe("fields/Name eq 'O''Brien'");
    expect(renderFilter(f.eq('fields/City', '北京'))).toBe("fields/City eq '北京'");
    expect(renderFilter(f.startsWith('fields/Name', "é'"))).toBe("startswith(fields/Name,'é''')");
  });

  it('writes numbers, booleans and null bare, dates as ISO, and parenthesises and/or', () => {
    const due = new Date(Date.UTC(2025, 0, 31));
    const expr = f.and(f.eq('fields/Count', 3), f.or(f.eq('fields/Done', false), f.ne('fields/Owner', null)), f.ge('fields/Due', due));
    expect(renderFilter(expr)).toBe("(fields/Count eq 3) and ((fields/Done eq false) or (fields/Owner ne null)) and (fields/Due ge 2025-01-31T00:00:00.000Z)");
    expect(renderFilter(f.ge('fields/Due', due), { quoteDates: true })).toBe("fields/Due ge '2025-01-31T00:00:00.000Z'");
  });

  it('refuses a field name that could smuggle an expression', () => {
    expect(() => f.eq("fields/Name eq 'x' or fields/Id", 1)).toThrow(/field name/);
  });
});

describe('listFilter on the Acknowledgements schema (large: true)', () => {
  it('refuses a non-indexed column, naming it', () => {
    const err = (() => {
      try {
        listFilter(acknowledgements, f.eq('fields/Channel', 'App'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NonIndexedFilterError);
    expect((err as NonIndexedFilterError).name).toBe('NonIndexedFilterError');
    expect((err as NonIndexedFilterError).fields).toEqual(['fields/Channel']);
  });

  it('refuses a non-indexed $orderby column too', () => {
    expect(() => listFilter(acknowledgements, f.eq('fields/DocId', 'SMS-POL-001'), ['fields/Channel'])).toThrow(NonIndexedFilterError);
  });

  it('accepts an indexed column, including a person column through its LookupId, and a range or values of one field', () => {
    expect(listFilter(documentApprovals, f.eq('fields/AssigneeLookupId', 7))).toBe('fields/AssigneeLookupId eq 7');
    expect(listFilter(acknowledgements, f.or(f.eq('fields/DocId', 'SMS-POL-001'), f.eq('fields/DocId', 'SMS-POL-002')))).toBe(
      "(fields/DocId eq 'SMS-POL-001') or (fields/DocId eq 'SMS-POL-002')",
    );
  });

  it('refuses two fields in one filter, even both indexed (the service filters one indexed field at a time)', () => {
    const err = (() => {
      try {
        listFilter(acknowledgements, f.and(f.eq('fields/UserUPN', 'a@b'), f.eq('fields/DocId', 'SMS-POL-001')));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MultiFieldFilterError);
    expect((err as MultiFieldFilterError).fields).toEqual(['fields/UserUPN', 'fields/DocId']);
  });
});

describe('filters against the emulator', () => {
  let emu: TestEmulator;
  let siteId: string;
  let listId: string;
  const client = () => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.tom) });
  const names = ["O'Brien", '北京', 'é', 'Plain'];

  beforeAll(async () => {
    emu = await startTestEmulator();
    siteId = ((await (await emu.graph(demo.tom, `/sites/${emu.emulator.emu.hostname}:/sites/KestrelSMS`)).json()) as { id: string }).id;
    const columns = provisionableColumns(acknowledgements)
      .filter((c) => c.type !== 'person')
      .map((c) => toGraphColumnDefinition(c, () => 'unused'));
    const created = await emu.graph(demo.tom, `/sites/${siteId}/lists`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'Acknowledgements filter test', columns, list: { template: 'genericList' } }),
    });
    expect(created.status).toBe(201);
    listId = ((await created.json()) as { id: string }).id;
    for (const [i, name] of names.entries()) {
      const res = await emu.graph(demo.tom, `/sites/${siteId}/lists/${listId}/items`, {
        method: 'POST',
        body: JSON.stringify({ fields: { Title: name, AckKey: `${i + 1}:u${i}`, DocumentVersionId: i + 1, DocId: `DOC-${i}`, VersionLabel: '1.0', UserId: `u${i}`, UserUPN: name, AcknowledgedOn: '2026-12-01T10:00:00Z', Channel: 'App' } }),
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(async () => {
    await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' });
  });

  const query = (filter: string) =>
    getAll<ListItem>(client(), `/sites/${siteId}/lists/${listId}/items`, { query: { $expand: 'fields', $filter: filter } });

  it.each(names)('finds exactly the item whose indexed UserUPN is %s', async (name) => {
    const items = await query(listFilter(acknowledgements, f.eq('fields/UserUPN', name)));
    expect(items.map((i) => (i.fields as { Title?: string }).Title)).toEqual([name]);
  });

  it('an indexed filter on the large list runs without the Prefer escape hatch', async () => {
    const items = await query(listFilter(acknowledgements, f.startsWith('fields/DocId', 'DOC-')));
    expect(items).toHaveLength(names.length);
  });

  it('a non-indexed filter is refused before any request is sent (the service would answer 400)', async () => {
    expect(() => listFilter(acknowledgements, f.eq('fields/Channel', 'App'))).toThrow(NonIndexedFilterError);
    const log = (await (await fetch(`${emu.origin}/_dev/requests`)).json()) as unknown[];
    expect(log).toHaveLength(0);
    // What the service says when asked anyway:
    const err = await query(renderFilter(f.eq('fields/Channel', 'App'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(400);
  });
});
