import { describe, expect, it } from 'vitest';
import { directoryOf, type Person } from '../../../platform/people.js';
import { registerConfig } from './catalog.js';
import { lookupIndexOf, planImport, validRows } from './importCsv.js';

/** The preview's reading of a file, without Graph: headers, coercion per column type, twins and the file's own Refs. */
const person = (upn: string, displayName: string, lookupId: string | null): Person => ({ userId: `id-${upn}`, id: upn, upn, displayName, lookupId, roles: ['employee'], ownedProcessIds: [] });
const people = directoryOf([person('jack.turner@kestrel.example', 'Jack Turner', '12'), person('new.joiner@kestrel.example', 'New Joiner', null)]);
const requirements = new Map([['Requirement', [{ id: '4', label: 'Employee – Kestrel service desk induction' }]]]);

describe('planImport', () => {
  it('maps headers by internal or display name, fills the UPN twin of a person and resolves a lookup by its label', () => {
    const plan = planImport({
      register: registerConfig('competenceRecords')!,
      text: '\uFEFFTitle,Person,Requirement,EvidenceType,Completed on,Effectiveness checked,Evidence,Colour\r\nInduction,Jack Turner,Employee – Kestrel service desk induction,Training,2026-11-02,是,https://x.example,blue\r\n',
      people,
      lookups: lookupIndexOf(requirements),
    });
    expect(plan.headers.map((h) => [h.header, h.column ?? h.ignored])).toEqual([
      ['Title', 'Title'],
      ['Person', 'Person'],
      ['Requirement', 'Requirement'],
      ['EvidenceType', 'EvidenceType'],
      ['Completed on', 'CompletedOn'],
      ['Effectiveness checked', 'EffectivenessChecked'],
      // Graph cannot write hyperlink columns; an unknown header is ignored.
      ['Evidence', 'notImportable'],
      ['Colour', 'unknown'],
    ]);
    const [row] = plan.rows;
    expect(row!.issues).toEqual([]);
    expect(row!.cells).toMatchObject({ Person: '12', PersonUPN: 'jack.turner@kestrel.example', Requirement: '4', CompletedOn: '2026-11-02', EffectivenessChecked: true, Status: 'Planned' });
    expect(validRows(plan)).toHaveLength(1);
  });

  it('reports each unreadable value, a person not on the site yet, a Ref twice in the file, and a missing required column', () => {
    const plan = planImport({
      register: registerConfig('competenceRecords')!,
      text: ['Title,Person,Ref,Completed on', 'A,New Joiner,CR-2026-0100,02/11/2026', 'B,Nobody Here,CR-2026-0100,', 'C,jack.turner@kestrel.example,,2026-13-01'].join('\n'),
      people,
    });
    expect(plan.rows.map((r) => r.issues.map((i) => `${i.column}:${i.code}`))).toEqual([
      ['Person:personNotOnSite', 'CompletedOn:date'],
      ['Person:person', 'Ref:refInFile'],
      ['CompletedOn:date'],
    ]);
    const risks = planImport({ register: registerConfig('risks')!, text: 'Title,Likelihood\nA,3\n', people });
    expect(risks.missingRequired).toEqual(['RiskKind']);
    expect(validRows(risks)).toEqual([]);
  });
});
