import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_NAMES, activityTemplateParameters } from '../src/app/activityTypes.js';
import {
  APP_FACTS,
  DEFAULT_TEMPLATE,
  MANIFEST_DIR,
  PROJECT_ROOT,
  buildAppPackage,
  checkActivityTypes,
  checkDomains,
  checkGuids,
  checkIcons,
  checkLocalizations,
  checkNestedAppAuth,
  runPackage,
  validateAppPackage,
  type AppPackage,
  type Json,
} from './package.js';

/** Values a deployment would put in its env file; the package must carry exactly these. */
const ENV = {
  APP_ID: '0f8fad5b-d9cb-469f-a165-70867728950e',
  CLIENT_ID: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  BASE_URL: 'https://sms.example.org',
};
const EXPECTED_FILES = ['color.png', 'en-us.json', 'manifest.json', 'outline.png', 'zh-cn.json'];

let tmp: string;
let goodEnv: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sms365-package-'));
  goodEnv = await writeEnv('good.env', ENV);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function writeEnv(name: string, values: Record<string, string>): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  return file;
}

/** Runs the command in-process with its output captured; relative paths resolve inside tmp. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPackage(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, tmp);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** A copy of manifest/ in its own folder with the manifest changed by `change`. */
async function brokenTemplate(name: string, change: (manifest: Json) => void): Promise<string> {
  const dir = path.join(tmp, name);
  await fs.mkdir(dir, { recursive: true });
  for (const file of ['en-us.json', 'zh-cn.json']) await fs.copyFile(path.join(MANIFEST_DIR, file), path.join(dir, file));
  const manifest = JSON.parse(await fs.readFile(DEFAULT_TEMPLATE, 'utf8')) as Json;
  change(manifest);
  await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return path.join(dir, 'manifest.json');
}

function png(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height * 4; i += 4) image.data.set(rgba, i);
  return PNG.sync.write(image);
}

function rgbaAt(image: PNG, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
}

describe('npm run package', () => {
  it('writes a zip with the manifest, icons and localization files at its root, filled from the env file', async () => {
    const { code, out, err } = await run(['--env', goodEnv, '--out', 'good/appPackage.zip']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('good/appPackage.zip');

    const zip = await JSZip.loadAsync(await fs.readFile(path.join(tmp, 'good', 'appPackage.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(EXPECTED_FILES);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
    expect(manifest.id).toBe(ENV.APP_ID);
    expect((manifest.webApplicationInfo as Json).id).toBe(ENV.CLIENT_ID);
    expect(manifest.validDomains).toEqual(['sms.example.org']);
    expect(((manifest.webApplicationInfo as Json).nestedAppAuthInfo as Json[])[0]!.redirectUri).toBe('brk-multihub://sms.example.org');
    const staticTabs = manifest.staticTabs as Json[];
    expect(staticTabs.map((t) => t.name)).toEqual(['My SMS', 'SMS']);
    expect(staticTabs.map((t) => new URL(String(t.contentUrl)).pathname)).toEqual(['/tab/my', '/tab/home']);
    const channelTab = (manifest.configurableTabs as Json[])[0]!;
    expect(new URL(String(channelTab.configurationUrl)).pathname).toBe('/tab/config');
    expect(channelTab.supportedSharePointHosts).toEqual(['sharePointFullPage', 'sharePointWebPart']);
    for (const url of [...staticTabs.flatMap((t) => [t.contentUrl, t.websiteUrl]), channelTab.configurationUrl]) {
      expect(String(url)).toMatch(/^https:\/\/sms\.example\.org\/tab\//);
    }
    expect(JSON.stringify(manifest)).not.toContain('${');

    const zh = JSON.parse(await zip.file('zh-cn.json')!.async('string')) as Json;
    expect(zh['staticTabs[0].name']).toBe('我的 SMS');
  });

  it('ships a manifest that passes the Teams JSON schema bundled in @microsoft/app-manifest', async () => {
    await run(['--env', goodEnv, '--out', 'schema/appPackage.zip']);
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(tmp, 'schema', 'appPackage.zip')));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.22);
    const buildDir = path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
    const schemaFile = path.join(buildDir, 'json-schemas', 'teams', `v${String(manifest.manifestVersion)}`, 'MicrosoftTeams.schema.json');
    const schema = JSON.parse(await fs.readFile(schemaFile, 'utf8')) as object;
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never)).toEqual([]);
  });

  it('ships a 192×192 colour icon and a 32×32 white-on-transparent outline icon', async () => {
    await run(['--env', goodEnv, '--out', 'icons/appPackage.zip']);
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(tmp, 'icons', 'appPackage.zip')));
    const color = PNG.sync.read(Buffer.from(await zip.file('color.png')!.async('uint8array')));
    const outline = PNG.sync.read(Buffer.from(await zip.file('outline.png')!.async('uint8array')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(rgbaAt(outline, 0, 0)[3]).toBe(0);
    expect(rgbaAt(outline, 16, 2)).toEqual([255, 255, 255, 255]); // on the ring
  });

  it('fails on an app id that is not a GUID, naming the field, and writes nothing', async () => {
    const env = await writeEnv('bad-guid.env', { ...ENV, APP_ID: 'not-a-guid' });
    const { code, err } = await run(['--env', env, '--out', 'bad-guid/appPackage.zip']);
    expect(code).toBe(1);
    expect(err).toMatch(/guid: id \(the Teams app id, APP_ID\) must be a GUID, got "not-a-guid"/);
    expect(await exists(path.join(tmp, 'bad-guid', 'appPackage.zip'))).toBe(false);
  });

  it('fails when a tab URL points at a domain that is not in validDomains', async () => {
    const manifest = await brokenTemplate('bad-domain', (m) => {
      (m.staticTabs as Json[])[0]!.contentUrl = 'https://evil.example.com/tab/my';
    });
    const { code, err } = await run(['--env', goodEnv, '--manifest', manifest, '--out', 'bad-domain.zip']);
    expect(code).toBe(1);
    expect(err).toContain('staticTabs[0].contentUrl points at host "evil.example.com", which is not in validDomains [sms.example.org]');
    expect(await exists(path.join(tmp, 'bad-domain.zip'))).toBe(false);
  });

  it('fails when an activity type the app sends is not declared in the manifest', async () => {
    const manifest = await brokenTemplate('missing-activity', (m) => {
      const activities = m.activities as Json;
      activities.activityTypes = (activities.activityTypes as Json[]).filter((a) => a.type !== 'actionOverdue');
    });
    const { code, err } = await run(['--env', goodEnv, '--manifest', manifest, '--out', 'missing-activity.zip']);
    expect(code).toBe(1);
    expect(err).toContain('"actionOverdue" is sent by the app (src/app/activityTypes.ts) but not declared in manifest activities.activityTypes');
  });

  it('fails on a colour icon of the wrong size', async () => {
    await fs.writeFile(path.join(tmp, 'small.png'), png(64, 64, [31, 90, 166, 255]));
    const { code, err } = await run(['--env', goodEnv, '--color', 'small.png', '--out', 'bad-icon.zip']);
    expect(code).toBe(1);
    expect(err).toContain('color.png (icons.color) is 64×64 pixels; Teams needs 192×192');
    expect(await exists(path.join(tmp, 'bad-icon.zip'))).toBe(false);
  });

  it('fails on an outline icon that is not white on transparent', async () => {
    await fs.writeFile(path.join(tmp, 'red.png'), png(32, 32, [200, 0, 0, 255]));
    const { code, err } = await run(['--env', goodEnv, '--outline', 'red.png', '--out', 'bad-outline.zip']);
    expect(code).toBe(1);
    expect(err).toContain('outline.png (icons.outline) has no transparent pixels');
    expect(err).toContain('outline.png (icons.outline) must be white on transparent, but 1024 visible pixels are not white');
  });

  it('refuses a BASE_URL that is not an https origin', async () => {
    const env = await writeEnv('http.env', { ...ENV, BASE_URL: 'http://sms.example.org/app' });
    const { code, err } = await run(['--env', env, '--out', 'http.zip']);
    expect(code).toBe(1);
    expect(err).toContain('BASE_URL must be https');
    expect(err).toContain('BASE_URL must be an origin without path');
  });

  it('runs as a real command (npx tsx scripts/package.ts) and writes dist/appPackage.zip', async () => {
    const result = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'scripts/package.ts'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect(result.out).toContain(path.join('dist', 'appPackage.zip'));
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(PROJECT_ROOT, 'dist', 'appPackage.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(EXPECTED_FILES);
  });
});

describe('activity types the code sends (src/app/activityTypes.ts)', () => {
  it('are each declared in manifest/manifest.json with the template parameters the code sends, and nothing else is', async () => {
    const manifest = JSON.parse(await fs.readFile(DEFAULT_TEMPLATE, 'utf8')) as { activities: { activityTypes: { type: string; templateText: string }[] } };
    const declared = manifest.activities.activityTypes;
    expect(declared.map((a) => a.type).sort()).toEqual([...ACTIVITY_TYPE_NAMES].sort());
    for (const name of ACTIVITY_TYPE_NAMES) {
      const templateText = declared.find((a) => a.type === name)!.templateText;
      const placeholders = [...templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'actor');
      expect(placeholders.sort(), name).toEqual([...ACTIVITY_TYPES[name].templateParameters].sort());
    }
  });

  it('build the templateParameters of a sendActivityNotification body in the declared order', () => {
    expect(activityTemplateParameters('actionOverdue', { dueDate: '2026-12-01', actionTitle: 'CA-7 Fix backups' })).toEqual([
      { name: 'actionTitle', value: 'CA-7 Fix backups' },
      { name: 'dueDate', value: '2026-12-01' },
    ]);
  });
});

describe('checks on in-memory variants of the package', () => {
  let good: AppPackage;

  beforeAll(async () => {
    const built = await buildAppPackage({ envFile: goodEnv });
    expect(built.errors).toEqual([]);
    good = built.pkg!;
  });

  function variant(change: (manifest: Json, files: Map<string, Uint8Array>) => void): AppPackage {
    const copy: AppPackage = { manifest: structuredClone(good.manifest), files: new Map(good.files) };
    change(copy.manifest, copy.files);
    return copy;
  }

  function editJsonFile(files: Map<string, Uint8Array>, name: string, change: (doc: Json) => void): void {
    const doc = JSON.parse(Buffer.from(files.get(name)!).toString('utf8')) as Json;
    change(doc);
    files.set(name, Buffer.from(JSON.stringify(doc)));
  }

  it('find nothing wrong with the package built from manifest/', async () => {
    expect(await validateAppPackage(good)).toEqual([]);
  });

  it('report schema violations from the bundled schema', async () => {
    const errors = await validateAppPackage(variant((m) => (m.accentColor = 'blue')));
    expect(errors.some((e) => e.startsWith('schema: /accentColor'))).toBe(true);
  });

  it('name webApplicationInfo.id when the client id is not a GUID', () => {
    const pkg = variant((m) => ((m.webApplicationInfo as Json).id = '1234'));
    expect(checkGuids(pkg.manifest)).toEqual(['guid: webApplicationInfo.id (the Entra application (client) id, CLIENT_ID) must be a GUID, got "1234"']);
  });

  it('reject plain http, unknown hosts and validDomains entries the app does not use', () => {
    const pkg = variant((m) => {
      (m.developer as Json).privacyUrl = 'http://sms.example.org/privacy';
      (m.configurableTabs as Json[])[0]!.configurationUrl = 'https://other.example.net/tab/config';
      m.validDomains = ['sms.example.org', '*.example.com'];
    });
    const errors = checkDomains(pkg.manifest);
    expect(errors).toContain('domains: developer.privacyUrl must use https, got "http://sms.example.org/privacy"');
    expect(errors.some((e) => e.includes('configurableTabs[0].configurationUrl points at host "other.example.net"'))).toBe(true);
    expect(errors).toContain('domains: validDomains entry "*.example.com" is a wildcard; list the app\'s own host only');
  });

  it('require the nested app auth redirect to be brk-multihub://<app host> and the scopes the app requests, in order', () => {
    const pkg = variant((m) => {
      const naa = ((m.webApplicationInfo as Json).nestedAppAuthInfo as Json[])[0]!;
      naa.redirectUri = 'brk-multihub://sms.example.org/path';
      naa.scopes = [...APP_FACTS.naaScopes].reverse();
    });
    const errors = checkNestedAppAuth(pkg.manifest, APP_FACTS.naaScopes);
    expect(errors[0]).toContain('redirectUri must be brk-multihub://<app host> (origin only)');
    expect(errors[1]).toContain('scopes must be in the order the app requests them');
    const missing = checkNestedAppAuth(
      variant((m) => (((m.webApplicationInfo as Json).nestedAppAuthInfo as Json[])[0]!.scopes = APP_FACTS.naaScopes.slice(1))).manifest,
      APP_FACTS.naaScopes,
    );
    expect(missing).toEqual([`naa: webApplicationInfo.nestedAppAuthInfo[0].scopes lacks ${APP_FACTS.naaScopes[0]} which the app requests (src/app/auth/scopes.ts)`]);
  });

  it('catch activity types declared but never sent, and templates whose parameters differ from what is sent', () => {
    const pkg = variant((m) => {
      const list = (m.activities as Json).activityTypes as Json[];
      list.push({ type: 'certificateExpiring', description: 'Certificate expiring', templateText: '{actor}: {certificateName} expires soon' });
      list.find((a) => a.type === 'actionOverdue')!.templateText = '{actor}: your action {actionTitle} is overdue';
    });
    const errors = checkActivityTypes(pkg.manifest, APP_FACTS.activityTypes);
    expect(errors).toContain('activities: "certificateExpiring" is declared in the manifest but the app never sends it (not in src/app/activityTypes.ts)');
    expect(errors).toContain('activities: "actionOverdue" templateText does not use {dueDate}, which the app sends');
  });

  it('catch an icon missing from the package and a file that is not a PNG', () => {
    const missing = variant((_m, files) => files.delete('outline.png'));
    expect(checkIcons(missing.manifest, missing.files)).toEqual(['icons: icons.outline "outline.png" is not in the package']);
    const notPng = variant((_m, files) => files.set('color.png', Buffer.from('<svg/>')));
    expect(checkIcons(notPng.manifest, notPng.files)).toEqual(['icons: color.png (icons.color) is not a PNG file']);
  });

  it('catch a missing translation, a lost template placeholder, a stale default file and an over-long name', async () => {
    const pkg = variant((_m, files) => {
      editJsonFile(files, 'zh-cn.json', (doc) => {
        delete doc['staticTabs[1].name'];
        doc['activities.activityTypes[1].templateText'] = '{actor} 提醒你确认 {documentTitle}';
        doc['name.short'] = '一个名字非常非常非常非常非常非常非常非常非常非常长的应用程序名称';
      });
      editJsonFile(files, 'en-us.json', (doc) => (doc['name.full'] = 'Something else'));
    });
    const errors = await checkLocalizations(pkg.manifest, pkg.files);
    expect(errors).toContain('localization: zh-cn.json does not translate "staticTabs[1].name"');
    expect(errors).toContain('localization: zh-cn.json "activities.activityTypes[1].templateText" must keep the placeholders {actor} {documentTitle} {dueDate}');
    expect(errors).toContain('localization: en-us.json (default language) has "name.full" = "Something else" but the manifest says "sms365 — Service Management System"');
    expect(errors.some((e) => e.startsWith('localization: zh-cn.json: /name.short must NOT have more than 30 characters'))).toBe(true);
  });
});
