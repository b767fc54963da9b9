/**
 * toGraphColumnDefinition must produce the bodies Microsoft Learn documents for
 * POST /sites/{site-id}/lists/{list-id}/columns (columnDefinition and its facets: textColumn,
 * choiceColumn, numberColumn, dateTimeColumn, booleanColumn, personOrGroupColumn, lookupColumn,
 * hyperlinkOrPictureColumn, currencyColumn). Expected bodies are written out from those pages.
 */
import { describe, expect, it } from 'vitest';
import type { SmsColumn, SmsColumnType } from './types.js';
import {
  SMS_LISTS,
  displayNameOf,
  indexedColumns,
  isIndexable,
  listByKey,
  provisionableColumns,
  toGraphColumnDefinition,
} from './index.js';

const ids: Record<string, string> = { services: '3f1c6a52-0d2e-4d5b-9a77-2f0e8c1b4a10', processes: 'a9d3e8b1-6c4f-4e2a-8b1d-7c5e9f0a2b34' };
const resolve = (key: string): string => {
  const id = ids[key];
  if (!id) throw new Error(`unexpected list ${key}`);
  return id;
};

const col = (type: SmsColumnType, extra: Partial<SmsColumn> = {}): SmsColumn => ({ name: 'Thing', displayName: 'Thing', type, ...extra });

/** The facet properties the columnDefinition resource defines (exactly one per column). */
const FACETS = ['boolean', 'calculated', 'choice', 'currency', 'dateTime', 'lookup', 'number', 'personOrGroup', 'text', 'term', 'hyperlinkOrPicture', 'thumbnail', 'contentApprovalStatus', 'geolocation'];

describe('toGraphColumnDefinition', () => {
  it('writes a single line of text as text {} with name, displayName, indexed, enforceUniqueValues, required', () => {
    const body = toGraphColumnDefinition(col('text', { name: 'Ref', displayName: 'Ref', indexed: true, unique: true, required: true }), resolve);
    expect(body).toEqual({ name: 'Ref', displayName: 'Ref', required: true, indexed: true, enforceUniqueValues: true, text: {} });
  });

  it('writes multiple lines as text with allowMultipleLines', () => {
    const body = toGraphColumnDefinition(col('note'), resolve);
    expect(body.text).toEqual({ allowMultipleLines: true, textType: 'plain' });
    expect(body.indexed).toBe(false);
    expect(body.enforceUniqueValues).toBe(false);
  });

  it('writes a single choice as a drop-down with its choices and a default value', () => {
    const body = toGraphColumnDefinition(col('choice', { choices: ['Major', 'Minor'], default: 'Minor' }), resolve);
    expect(body.choice).toEqual({ choices: ['Major', 'Minor'], displayAs: 'dropDownMenu', allowTextEntry: false });
    expect(body.defaultValue).toEqual({ value: 'Minor' });
  });

  it('writes a multi-choice as check boxes (choiceColumn has no multi-select flag in v1.0)', () => {
    const body = toGraphColumnDefinition(col('multiChoice', { choices: ['4.1', '4.2'], fillIn: false }), resolve);
    expect(body.choice).toEqual({ choices: ['4.1', '4.2'], displayAs: 'checkBoxes', allowTextEntry: false });
    expect(body.choice).not.toHaveProperty('allowMultipleSelection');
  });

  it('passes fill-in choices as allowTextEntry', () => {
    expect(toGraphColumnDefinition(col('choice', { choices: ['A'], fillIn: true }), resolve).choice?.allowTextEntry).toBe(true);
  });

  it('writes numbers with displayAs and minimum / maximum', () => {
    expect(toGraphColumnDefinition(col('number', { min: 1, max: 5 }), resolve).number).toEqual({ displayAs: 'number', minimum: 1, maximum: 5 });
    expect(toGraphColumnDefinition(col('number', { percentage: true }), resolve).number).toEqual({ displayAs: 'percentage' });
    expect(toGraphColumnDefinition(col('number', { default: 12 }), resolve).defaultValue).toEqual({ value: '12' });
  });

  it('writes dates with format dateOnly or dateTime', () => {
    expect(toGraphColumnDefinition(col('dateOnly'), resolve).dateTime).toEqual({ format: 'dateOnly' });
    expect(toGraphColumnDefinition(col('dateTime'), resolve).dateTime).toEqual({ format: 'dateTime' });
  });

  it('writes yes/no as boolean {}', () => {
    expect(toGraphColumnDefinition(col('boolean'), resolve).boolean).toEqual({});
  });

  it('writes people with allowMultipleSelection and chooseFromType', () => {
    expect(toGraphColumnDefinition(col('person'), resolve).personOrGroup).toEqual({ allowMultipleSelection: false, chooseFromType: 'peopleOnly' });
    expect(toGraphColumnDefinition(col('personMulti', { peopleAndGroups: true }), resolve).personOrGroup).toEqual({
      allowMultipleSelection: true,
      chooseFromType: 'peopleAndGroups',
    });
  });

  it('writes lookups with the resolved listId, columnName and allowMultipleValues', () => {
    expect(toGraphColumnDefinition(col('lookup', { lookupList: 'services' }), resolve).lookup).toEqual({
      listId: '3f1c6a52-0d2e-4d5b-9a77-2f0e8c1b4a10',
      columnName: 'Title',
      allowMultipleValues: false,
    });
    expect(toGraphColumnDefinition(col('lookupMulti', { lookupList: 'processes', lookupColumn: 'Ref' }), resolve).lookup).toEqual({
      listId: 'a9d3e8b1-6c4f-4e2a-8b1d-7c5e9f0a2b34',
      columnName: 'Ref',
      allowMultipleValues: true,
    });
    expect(() => toGraphColumnDefinition(col('lookup'), resolve)).toThrow(/lookupList/);
  });

  it('writes hyperlinks as hyperlinkOrPicture with isPicture false, and currency as currency {}', () => {
    expect(toGraphColumnDefinition(col('hyperlink'), resolve).hyperlinkOrPicture).toEqual({ isPicture: false });
    expect(toGraphColumnDefinition(col('currency'), resolve).currency).toEqual({});
  });

  it('gives every schema column exactly one type facet and only documented columnDefinition properties', () => {
    const documented = new Set([...FACETS, 'name', 'displayName', 'description', 'required', 'indexed', 'enforceUniqueValues', 'defaultValue']);
    const anyId = () => '00000000-0000-0000-0000-000000000001';
    let n = 0;
    for (const l of SMS_LISTS) {
      for (const c of provisionableColumns(l)) {
        const body = toGraphColumnDefinition(c, anyId) as Record<string, unknown>;
        for (const k of Object.keys(body)) expect(documented.has(k), `${l.displayName}.${c.name}: ${k}`).toBe(true);
        expect(FACETS.filter((f) => f in body), `${l.displayName}.${c.name}`).toHaveLength(1);
        expect(body.name).toBe(c.name);
        n++;
      }
    }
    expect(n).toBeGreaterThan(400);
  });

  it('sends indexed: true for exactly the columns provisioning must index', () => {
    const actions = listByKey('actions')!;
    const indexedInBodies = provisionableColumns(actions)
      .filter((c) => toGraphColumnDefinition(c, () => 'x').indexed === true)
      .map((c) => c.name)
      .sort();
    expect(indexedInBodies).toEqual(indexedColumns(actions).map((c) => c.name).sort());
    expect(indexedInBodies).toContain('AssignedToUPN');
  });
});

describe('isIndexable (§5.6)', () => {
  it('allows single text, single choice, number, currency, dates, single person, single lookup, yes/no', () => {
    for (const t of ['text', 'choice', 'number', 'currency', 'dateTime', 'dateOnly', 'person', 'lookup', 'boolean'] as const) expect(isIndexable(t), t).toBe(true);
  });

  it('refuses multi-line text, multi-value choice/person/lookup and hyperlinks', () => {
    for (const t of ['note', 'multiChoice', 'personMulti', 'lookupMulti', 'hyperlink'] as const) expect(isIndexable(t), t).toBe(false);
  });
});

describe('displayNameOf', () => {
  it('splits internal names into readable words, keeping acronyms', () => {
    expect(displayNameOf('NextReviewDate')).toBe('Next review date');
    expect(displayNameOf('UserUPN')).toBe('User UPN');
    expect(displayNameOf('RTOHours')).toBe('RTO hours');
    expect(displayNameOf('SMSChangeNeeded')).toBe('SMS change needed');
    expect(displayNameOf('LinkedNCRef')).toBe('Linked NC ref');
    expect(displayNameOf('Status')).toBe('Status');
  });
});
