import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { createGraphClient } from '../core/client.js';
import { GraphConflictError, GraphError } from '../core/errors.js';
import { getSiteByUrl } from '../sites/index.js';
import {
  checkin,
  checkout,
  discardCheckout,
  createFolder,
  downloadUrl,
  getItemListItem,
  getListDrive,
  getSiteDrives,
  getVersions,
  listChildren,
  replaceContent,
  restoreVersion,
  updateListItemFields,
  uploadLarge,
  uploadSmall,
  type UploadProgress,
} from './index.js';

let emu: TestEmulator;
let siteId: string;
let driveId: string;
const clientFor = (upn: string) => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn) });
const priya = () => clientFor(demo.priya);
const text = (s: string) => new TextEncoder().encode(s);
const download = async (driveItemId: string) => new Uint8Array(await (await fetch(await downloadUrl(priya(), driveId, driveItemId))).arrayBuffer());
const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256);

beforeAll(async () => {
  emu = await startTestEmulator();
  siteId = (await getSiteByUrl(priya(), 'https://kestrelms.sharepoint.com/sites/KestrelSMS')).id!;
  const drives = await getSiteDrives(priya(), siteId);
  driveId = drives.find((d) => d.name === 'Documents')!.id!;
});
afterAll(async () => {
  await emu.close();
});

describe('drives and folders', () => {
  it('finds the library drive from its list too, and lists a new folder among root children', async () => {
    const lists = await (await emu.graph(demo.priya, `/sites/${siteId}/lists/Documents`)).json() as { id: string };
    expect((await getListDrive(priya(), siteId, lists.id)).id).toBe(driveId);
    const folder = await createFolder(priya(), driveId, 'root', 'Policies');
    expect(folder.folder).toBeDefined();
    const again = await createFolder(priya(), driveId, 'root', 'Policies', 'rename');
    expect(again.name).not.toBe('Policies');
    await expect(createFolder(priya(), driveId, 'root', 'Policies', 'fail')).rejects.toMatchObject({ status: 409 });
    const children = await listChildren(priya(), driveId, 'root');
    expect(children.items.map((c) => c.name)).toContain('Policies');
  });
});

describe('uploads', () => {
  it('uploadSmall creates a file whose download URL serves the same bytes', async () => {
    const item = await uploadSmall(priya(), driveId, 'root', 'Scope statement.txt', text('SMS scope: managed services'), 'text/plain');
    expect(item.name).toBe('Scope statement.txt');
    expect(new TextDecoder().decode(await download(item.id!))).toBe('SMS scope: managed services');
  });

  // The emulator answers 401 to an uploadUrl PUT that carries a bearer token (as Graph may), so success also shows none was sent.
  it('uploadLarge sends 320 KiB-multiple ranges, reports progress after each, and the bytes arrive intact', async () => {
    const bytes = pattern(700 * 1024);
    const progress: UploadProgress[] = [];
    const item = await uploadLarge(priya(), driveId, 'root', 'Evidence pack.bin', bytes, { fragmentSize: 320 * 1024, onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => p.uploaded)).toEqual([327_680, 655_360, 716_800]);
    expect(progress.every((p) => p.total === 716_800)).toBe(true);
    expect(item.size).toBe(716_800);
    // Buffer.equals: a deep toEqual over 700k elements is needlessly slow.
    expect(Buffer.from(await download(item.id!)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('uploadLarge with conflictBehavior fail refuses an existing name with 409', async () => {
    await uploadSmall(priya(), driveId, 'root', 'Clash.bin', pattern(10));
    const err = await uploadLarge(priya(), driveId, 'root', 'Clash.bin', pattern(400 * 1024)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(409);
  });

  it('an abort between ranges stops the upload and no file appears', async () => {
    const controller = new AbortController();
    const err = await uploadLarge(priya(), driveId, 'root', 'Aborted.bin', pattern(1000 * 1024), {
      fragmentSize: 320 * 1024,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    const names = (await listChildren(priya(), driveId, 'root')).items.map((c) => c.name);
    expect(names).not.toContain('Aborted.bin');
  });
});

describe('metadata, check-out/in and versions', () => {
  it('updates the file’s list item fields with its eTag; a stale eTag is a GraphConflictError', async () => {
    const item = await uploadSmall(priya(), driveId, 'root', 'Metadata.txt', text('v1'));
    const li = await getItemListItem<{ Title?: string; FileLeafRef?: string }>(priya(), driveId, item.id!);
    expect(li.fields.FileLeafRef).toBe('Metadata.txt');
    const eTag = li['@odata.etag']!;
    const updated = await updateListItemFields<{ Title?: string }>(priya(), driveId, item.id!, { Title: 'Metadata' }, eTag);
    expect(updated.Title).toBe('Metadata');
    await expect(updateListItemFields(priya(), driveId, item.id!, { Title: 'stale' }, eTag)).rejects.toBeInstanceOf(GraphConflictError);
  });

  it('a checked-out file cannot be changed by someone else until it is checked in', async () => {
    const item = await uploadSmall(priya(), driveId, 'root', 'Checked out.txt', text('draft 1'));
    await checkout(priya(), driveId, item.id!);
    const tomsTry = await replaceContent(clientFor(demo.tom), driveId, item.id!, text('tom')).catch((e: unknown) => e);
    expect(tomsTry).toBeInstanceOf(GraphError);
    await replaceContent(priya(), driveId, item.id!, text('draft 2'));
    await checkin(priya(), driveId, item.id!, { comment: 'Ready for review', publish: true });
    await replaceContent(clientFor(demo.tom), driveId, item.id!, text('tom after check-in'));
    expect(new TextDecoder().decode(await download(item.id!))).toBe('tom after check-in');
  });

  it('discarding a check-out brings the content back and lets others edit again', async () => {
    const item = await uploadSmall(priya(), driveId, 'root', 'Discarded.txt', text('checked in'));
    await checkout(priya(), driveId, item.id!);
    await replaceContent(priya(), driveId, item.id!, text('abandoned edit'));
    await discardCheckout(priya(), driveId, item.id!);
    expect(new TextDecoder().decode(await download(item.id!))).toBe('checked in');
    await replaceContent(clientFor(demo.tom), driveId, item.id!, text('tom after discard'));
    expect(new TextDecoder().decode(await download(item.id!))).toBe('tom after discard');
  });

  it('lists versions and restores an earlier one', async () => {
    const item = await uploadSmall(priya(), driveId, 'root', 'Versioned.txt', text('first'));
    await replaceContent(priya(), driveId, item.id!, text('second'));
    const versions = await getVersions(priya(), driveId, item.id!);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const oldest = versions[versions.length - 1]!;
    await restoreVersion(priya(), driveId, item.id!, oldest.id!);
    expect(new TextDecoder().decode(await download(item.id!))).toBe('first');
  });
});
