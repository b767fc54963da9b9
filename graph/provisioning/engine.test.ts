import { afterEach, describe, expect, it } from 'vitest';
import { demo } from '../../tests/support/emulator.js';
import { SMS_LISTS, type SmsColumnType } from '../schema/index.js';
import { provision, ProvisionAbortedError } from './engine.js';
import { provisionEmulator } from './emulatorTarget.js';
import {
  clearRequestLog,
  devJson,
  getAllValues,
  plannerSnapshot,
  requestLog,
  siteSnapshot,
  smsSiteId,
  writes,
  emulatorPool,
  optionsFor,
} from '../../tests/support/provisionTestkit.js';

const { emulator, closeAll } = emulatorPool();
afterEach(closeAll);

/** The Graph facet (and flag) each schema type must come back as. */
const FACET: Record<SmsColumnType, (c: Record<string, Record<string, unknown> | undefined>) => boolean> = {
  text: (c) => !!c.text && c.text.allowMultipleLines !== true,
  note: (c) => c.text?.allowMultipleLines === true,
  choice: (c) => !!c.choice && c.choice.displayAs !== 'checkBoxes',
  multiChoice: (c) => c.choice?.displayAs === 'checkBoxes',
  number: (c) => !!c.number,
  currency: (c) => !!c.currency,
  dateTime: (c) => c.dateTime?.format === 'dateTime',
  dateOnly: (c) => c.dateTime?.format === 'dateOnly',
  boolean: (c) => !!c.boolean,
  person: (c) => !!c.personOrGroup && c.personOrGroup.allowMultipleSelection !== true,
  personMulti: (c) => c.personOrGroup?.allowMultipleSelection === true,
  lookup: (c) => !!c.lookup && c.lookup.allowMultipleValues !== true,
  lookupMulti: (c) => c.lookup?.allowMultipleValues === true,
  hyperlink: (c) => !!c.hyperlinkOrPicture,
};

describe('provision() against the emulator', () => {
  it('creates every list and library with its columns and indexes, list settings and permissions, and the Planner plan with its buckets in order', async () => {
    const emu = await emulator();
    await clearRequestLog(emu);
    const lines: string[] = [];
    const started = performance.now();
    const result = await provision(optionsFor(emu, lines));
    const seconds = (performance.now() - started) / 1000;
    const log = await requestLog(emu);
    // Measurement for the report (not asserted: no timing assertions).
    console.log(`clean run: ${result.created.length} steps, ${log.length} Graph requests (${writes(log).length} writes), ${seconds.toFixed(2)} s`);

    expect(result.warnings).toEqual([]);
    expect(lines.some((l) => /^\[1\/\d+\] create (list|library) .+ … ok$/.test(l))).toBe(true);
    expect(lines.filter((l) => l.endsWith('… ok'))).toHaveLength(result.created.length);

    const siteId = await smsSiteId(emu);
    const lists = await getAllValues(emu, `/sites/${siteId}/lists`);
    for (const schema of SMS_LISTS) {
      const list = lists.find((l) => l.displayName === schema.displayName);
      expect(list, schema.displayName).toBeDefined();
      expect((list!.list as { template: string }).template).toBe(schema.template);
      const columns = (await getAllValues(emu, `/sites/${siteId}/lists/${list!.id as string}/columns`)) as Record<string, Record<string, unknown> | undefined>[];
      for (const col of schema.columns) {
        const have = columns.find((c) => (c.name as unknown as string) === col.name);
        expect(have, `${schema.displayName}.${col.name}`).toBeDefined();
        expect(FACET[col.type](have!), `${schema.displayName}.${col.name} should be ${col.type}`).toBe(true);
        if (col.unique) expect(have!.enforceUniqueValues as unknown, `${schema.displayName}.${col.name} unique`).toBe(true);
      }
      // Indexes read back from GET /columns match the schema's [IX] columns exactly.
      const indexed = columns.filter((c) => (c.indexed as unknown) === true).map((c) => c.name as unknown as string).sort();
      expect(indexed, `${schema.displayName} indexes`).toEqual(schema.columns.filter((c) => c.indexed).map((c) => c.name).sort());
    }

    // Indexes as domain reference §5.6 (and §5.3's common columns) lists them, written out here.
    const indexesOf = async (name: string) => {
      const list = lists.find((l) => l.displayName === name)!;
      const columns = await getAllValues(emu, `/sites/${siteId}/lists/${list.id as string}/columns`);
      return columns.filter((c) => c.indexed === true).map((c) => c.name as string).sort();
    };
    expect(await indexesOf('Acknowledgements')).toEqual(['AckKey', 'AcknowledgedOn', 'DocId', 'DocumentVersionId', 'UserUPN'].sort());
    expect(await indexesOf('Acknowledgement Requests')).toEqual(['CampaignId', 'DocId', 'DocumentVersionId', 'DueDate', 'RequestKey', 'RequestStatus', 'UserUPN'].sort());
    expect(await indexesOf('Actions')).toEqual(
      ['ActionType', 'AssignedTo', 'AssignedToUPN', 'DueDate', 'Owner', 'PlannerTaskId', 'PrimaryClause', 'Ref', 'SourceItemId', 'SourceRef', 'SourceType', 'Status'].sort(),
    );
    expect(await indexesOf('Metric Readings')).toEqual(['Met', 'Metric', 'MetricRef', 'PeriodStart', 'Service'].sort());
    expect(await indexesOf('Document Approvals')).toEqual(['Assignee', 'AssigneeUPN', 'Decision', 'DocumentVersion'].sort());

    // Lookups point at the right lists, including self-lookups and cycles created in the second pass.
    const idOf = (name: string) => lists.find((l) => l.displayName === name)!.id as string;
    const servicesCols = await getAllValues(emu, `/sites/${siteId}/lists/${idOf('Services')}/columns`);
    expect((servicesCols.find((c) => c.name === 'DependsOn')!.lookup as { listId: string }).listId).toBe(idOf('Services'));
    const processCols = await getAllValues(emu, `/sites/${siteId}/lists/${idOf('Processes')}/columns`);
    expect((processCols.find((c) => c.name === 'OtherParties')!.lookup as { listId: string }).listId).toBe(idOf('Suppliers'));
    const supplierCols = await getAllValues(emu, `/sites/${siteId}/lists/${idOf('Suppliers')}/columns`);
    expect((supplierCols.find((c) => c.name === 'ProcessesOperated')!.lookup as { listId: string }).listId).toBe(idOf('Processes'));

    // Title: optional where the schema says so (SMS Settings), required on registers.
    const settingsCols = await getAllValues(emu, `/sites/${siteId}/lists/${idOf('SMS Settings')}/columns`);
    expect(settingsCols.find((c) => c.name === 'Title')!.required).toBe(false);

    // Library settings (emulator dev endpoint stands in for SharePoint's Versioning settings).
    const docSettings = await devJson(emu, `/_dev/lists/${idOf('SMS Documents')}/settings`);
    expect(docSettings.settings).toMatchObject({ enableMinorVersions: true, draftVisibility: 'author' });

    // Permissions as a caller notices them: Jack (all staff only) can add an acknowledgement, never change it, and
    // can add no nonconformity.
    const ack = await emu.graph(demo.jack, `/sites/${siteId}/lists/${idOf('Acknowledgements')}/items`, {
      method: 'POST',
      body: JSON.stringify({ fields: { Title: 'Read policy', AckKey: '1:jack', DocumentVersionId: 1, DocId: 'SMS-POL-001', VersionLabel: '1.0', UserId: 'jack', UserUPN: demo.jack, AcknowledgedOn: new Date().toISOString() } }),
    });
    expect(ack.status, await ack.clone().text()).toBe(201);
    const ackId = ((await ack.json()) as { id: string }).id;
    const change = await emu.graph(demo.jack, `/sites/${siteId}/lists/${idOf('Acknowledgements')}/items/${ackId}/fields`, { method: 'PATCH', body: JSON.stringify({ Channel: 'Email link' }) });
    expect(change.status).toBe(403);
    const nc = await emu.graph(demo.jack, `/sites/${siteId}/lists/${idOf('Nonconformities')}/items`, {
      method: 'POST',
      body: JSON.stringify({ fields: { Title: 'Should not be allowed', Status: 'Reported', Source: 'Self-identified' } }),
    });
    expect(nc.status).toBe(403);

    // Planner: one "SMS Actions" plan, buckets in board order.
    expect(await plannerSnapshot(emu)).toEqual({
      plans: ['SMS Actions'],
      buckets: ['Corrective actions', 'Audit follow-up', 'Management review', 'Risk treatment', 'Objectives', 'Document reviews', 'Improvements'],
    });
    expect(result.planId).toBeTruthy();
  });

  it('a second run reports "no changes" and sends no write request', async () => {
    const emu = await emulator();
    // First run through the one-call entry point npm start uses (dev sign-in as the SMS manager).
    const first = await provisionEmulator({ origin: emu.origin, log: () => {} });
    expect(first.created.length).toBeGreaterThan(SMS_LISTS.length);
    await clearRequestLog(emu);
    const lines: string[] = [];
    const result = await provision(optionsFor(emu, lines));
    expect(lines.some((l) => l.includes('no changes'))).toBe(true);
    expect(result.created).toEqual([]);
    expect(result.planned).toEqual([]);
    expect(result.unchanged).toBeGreaterThan(SMS_LISTS.length);
    const log = await requestLog(emu);
    console.log(`second run: ${log.length} Graph requests, all GET`);
    expect(log.length).toBeGreaterThan(0);
    expect(writes(log)).toEqual([]);
  });

  it('a dry run prints the plan and writes nothing', async () => {
    const emu = await emulator();
    await clearRequestLog(emu);
    const before = await siteSnapshot(emu);
    await clearRequestLog(emu);
    const lines: string[] = [];
    const result = await provision(optionsFor(emu, lines, { dryRun: true }));
    expect(writes(await requestLog(emu))).toEqual([]);
    expect(result.created).toEqual([]);
    expect(result.planned).toContain('create bucket Corrective actions in SMS Actions');
    expect(lines).toContain('  create Planner plan SMS Actions in the group');
    expect(lines.some((l) => /^ {2}create list Nonconformities \(\d+ columns, \d+ indexed\)$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('['))).toBe(false);
    expect(await siteSnapshot(emu)).toEqual(before);
  });

  it('reports a pre-existing column of another type and leaves it unchanged, and indexes an existing column by PATCH', async () => {
    const emu = await emulator();
    const siteId = await smsSiteId(emu);
    // An admin created Nonconformities by hand: SourceRef as a choice (schema: text), Grade not indexed.
    const res = await emu.graph(demo.tom, `/sites/${siteId}/lists`, {
      method: 'POST',
      body: JSON.stringify({
        displayName: 'Nonconformities',
        list: { template: 'genericList' },
        columns: [
          { name: 'SourceRef', choice: { choices: ['A', 'B'] } },
          { name: 'Grade', choice: { choices: ['Major', 'Minor'] } },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const listId = ((await res.json()) as { id: string }).id;

    await clearRequestLog(emu);
    const lines: string[] = [];
    const result = await provision(optionsFor(emu, lines));
    const warning = 'column SourceRef on list Nonconformities is choice, schema says text — left unchanged';
    expect(result.warnings).toContain(warning);
    expect(lines).toContain(`warning: ${warning}`);

    const columns = await getAllValues(emu, `/sites/${siteId}/lists/${listId}/columns`);
    const sourceRef = columns.find((c) => c.name === 'SourceRef')!;
    expect(sourceRef.choice).toMatchObject({ choices: ['A', 'B'] });
    expect(sourceRef.text).toBeUndefined();
    expect(columns.find((c) => c.name === 'Grade')!.indexed).toBe(true);
    const logged = await requestLog(emu);
    const patches = logged.filter((r) => r.method === 'PATCH' && r.path.includes(`/lists/${listId}/columns/`));
    expect(patches.length).toBeGreaterThanOrEqual(1);
    expect(logged.filter((r) => r.method === 'DELETE')).toEqual([]);
    // The rest of the list was completed.
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['Ref', 'Status', 'Owner', 'RootCause', 'EffectivenessCheckDate']));
  });

  it('target graph sets only what Graph can, and prints the rest as manual steps for the admin', async () => {
    const emu = await emulator();
    const lines: string[] = [];
    // The emulator's Graph routes stand in for a tenant; no dev endpoint may be used.
    const result = await provision(optionsFor(emu, lines, { target: 'graph', emulatorOrigin: undefined }));
    const siteId = await smsSiteId(emu);
    const lists = await getAllValues(emu, `/sites/${siteId}/lists`);
    const docs = lists.find((l) => l.displayName === 'SMS Documents')!;
    expect((await devJson(emu, `/_dev/lists/${docs.id as string}/settings`)).settings).toEqual({});
    const acks = lists.find((l) => l.displayName === 'Acknowledgements')!;
    expect((await devJson(emu, `/_dev/lists/${acks.id as string}/permissions`)).inherit).toBe(true);

    expect(lines).toContain('Manual steps for a SharePoint admin (Microsoft Graph v1.0 cannot set these; provisioning cannot check them either):');
    const manual = result.manualSteps.join('\n');
    expect(manual).toContain('SMS Documents: Library settings → Versioning settings → "Create major and minor (draft) versions" on');
    expect(manual).toContain('SMS Documents: Library settings → Versioning settings → Draft item security');
    expect(manual).toMatch(/Permission Levels → Add a Permission Level "SMS Add only" .*list permissions Add Items, View Items, Open Items, View Versions/);
    expect(manual).toMatch(/\nAcknowledgements: List settings → Permissions for this list → Stop Inheriting Permissions, then grant only SMS-Managers "Full Control", .*SMS-AllStaff "SMS Add only"/);
    expect(manual).toMatch(/Acknowledgement Requests: List settings → Permissions for this list → Stop Inheriting Permissions, then grant only SMS-Managers "Full Control", SMS-DocumentControllers "Contribute", SMS-TopManagement "Contribute", SMS-ProcessOwners "Contribute", SMS-AllStaff "Read"/);
    expect(manual).toContain('Actions: List settings → Indexed columns → Create a new index → primary column AssignedToUPN, secondary column Status');

    const again: string[] = [];
    const second = await provision(optionsFor(emu, again, { target: 'graph', emulatorOrigin: undefined }));
    expect(again.some((l) => l.includes('no changes'))).toBe(true);
    expect(second.manualSteps).toEqual(result.manualSteps);
  });

  it('resumes after an interrupted run and ends in the same state as a clean run', async () => {
    const clean = await emulator();
    await provision(optionsFor(clean, []));
    const expected = await siteSnapshot(clean);

    const emu = await emulator();
    const controller = new AbortController();
    const lines: string[] = [];
    const first = provision(
      optionsFor(emu, [], {
        signal: controller.signal,
        log: (l) => {
          lines.push(l);
          if (lines.filter((x) => x.endsWith('… ok')).length === 7) controller.abort();
        },
      }),
    );
    await expect(first).rejects.toBeInstanceOf(ProvisionAbortedError);
    const partial = await getAllValues(emu, `/sites/${await smsSiteId(emu)}/lists`);
    expect(partial.length).toBeLessThan(SMS_LISTS.length);

    const again: string[] = [];
    const result = await provision(optionsFor(emu, again));
    expect(result.created.length).toBeGreaterThan(0);
    expect(again.some((l) => l.includes('no changes'))).toBe(false);
    expect(await siteSnapshot(emu)).toEqual(expected);

    const third: string[] = [];
    await provision(optionsFor(emu, third));
    expect(third.some((l) => l.includes('no changes'))).toBe(true);

    // Creating each column with its own request (inlineColumns: false) ends in the same state too.
    const oneByOne = await emulator();
    const result1 = await provision(optionsFor(oneByOne, [], { inlineColumns: false }));
    expect(result1.created.filter((s) => s.startsWith('create column ')).length).toBeGreaterThan(SMS_LISTS.length * 5);
    expect(await siteSnapshot(oneByOne)).toEqual(expected);
  }, 60_000); // four full provisioning runs on three emulators
});
