import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { ACTIVITY_TYPES } from '../src/app/activityTypes.js';
import { msalScopes } from '../src/app/auth/scopes.js';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE, colorIcon, outlineIcon } from './icons.js';

/**
 * `npm run package`: builds the Teams app package `dist/appPackage.zip` from manifest/ and checks
 * it offline before writing it. See manifest/README.md for the files, the env values and the URL
 * contract, and docs/deploy.md for what an administrator does with the zip.
 *
 *   npx tsx scripts/package.ts [--env <file>] [--manifest <file>] [--color <png>] [--outline <png>] [--out <zip>]
 *
 * Checks (each exported, so tests run them on in-memory variants):
 *   - the manifest and every localization file against the Teams JSON schemas bundled in
 *     @microsoft/app-manifest (never downloaded);
 *   - the app id and webApplicationInfo.id are GUIDs;
 *   - every URL (tabs, developer, resource) is https and its host is in validDomains, and
 *     validDomains holds nothing else;
 *   - nested app authentication: `brk-multihub://<valid domain>` and the scopes the app requests;
 *   - icons are PNGs of the right size, the outline one white on transparent;
 *   - activity types match src/app/activityTypes.ts both ways, with the same template parameters;
 *   - localization files cover exactly the manifest's localizable strings.
 */

export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const MANIFEST_DIR = path.join(PROJECT_ROOT, 'manifest');
export const DEFAULT_TEMPLATE = path.join(MANIFEST_DIR, 'manifest.json');
export const DEFAULT_OUT = path.join(PROJECT_ROOT, 'dist', 'appPackage.zip');

/** The Graph endpoint whose scopes the app requests through nested app authentication. */
const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** A manifest or localization file as parsed JSON; checks read it defensively. */
export type Json = Record<string, unknown>;

/** A Teams app package in memory: the manifest plus every other file at the zip root. */
export interface AppPackage {
  manifest: Json;
  /** Icons and localization files by their name in the zip. */
  files: Map<string, Uint8Array>;
}

/** What the code does that the manifest must agree with. */
export interface CodeFacts {
  /** Activity types the app sends and their template parameters (src/app/activityTypes.ts). */
  activityTypes: Readonly<Record<string, { templateParameters: readonly string[] }>>;
  /** Scopes the app requests through nested app authentication, in request order. */
  naaScopes: readonly string[];
}

export const APP_FACTS: CodeFacts = {
  activityTypes: ACTIVITY_TYPES,
  naaScopes: msalScopes(GRAPH_BASE_URL),
};

// ---------------------------------------------------------------------------------------------
// Small helpers

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `{name}` placeholders of an activity template, e.g. `{actor} ... {documentTitle}`. */
export function templatePlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!))];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

// ---------------------------------------------------------------------------------------------
// Env file and template

/** Parses `KEY=VALUE` lines (`#` comments, blank lines, optional quotes around the value). */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    env[key] = value;
  }
  return env;
}

/**
 * The template variables from an env file: `APP_ID`, `CLIENT_ID`, `BASE_URL` (an https origin)
 * and, derived, `HOST` (its host, with port) and `VERSION` (package.json).
 */
export function templateVariables(env: Record<string, string>, version: string): { vars: Record<string, string>; errors: string[] } {
  const errors: string[] = [];
  for (const key of ['APP_ID', 'CLIENT_ID', 'BASE_URL']) {
    if (!env[key]) errors.push(`env: ${key} is missing (see manifest/.env.example)`);
  }
  const vars: Record<string, string> = { APP_ID: env.APP_ID ?? '', CLIENT_ID: env.CLIENT_ID ?? '', VERSION: version, BASE_URL: '', HOST: '' };
  if (env.BASE_URL) {
    let url: URL | undefined;
    try {
      url = new URL(env.BASE_URL);
    } catch {
      errors.push(`env: BASE_URL "${env.BASE_URL}" is not a URL`);
    }
    if (url) {
      if (url.protocol !== 'https:') errors.push(`env: BASE_URL must be https (Teams loads tabs over HTTPS only), got "${env.BASE_URL}"`);
      if (url.pathname !== '/' || url.search || url.hash) errors.push(`env: BASE_URL must be an origin without path, query or fragment, got "${env.BASE_URL}"`);
      vars.BASE_URL = url.origin;
      vars.HOST = url.host;
    }
  }
  return { vars, errors };
}

/** Replaces `${NAME}` in every string of the template; unknown names are errors. */
export function substituteTemplate(template: unknown, vars: Record<string, string>): { value: unknown; errors: string[] } {
  const errors: string[] = [];
  const walk = (node: unknown, where: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
        if (name in vars) return vars[name]!;
        errors.push(`template: unknown variable ${whole} at ${where || '(root)'}`);
        return whole;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${where}[${i}]`));
    if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, where ? `${where}.${k}` : k)]));
    return node;
  };
  return { value: walk(template, ''), errors };
}

/** Which env file a package build reads: `--env`, else manifest/.env, else manifest/.env.example. */
export function resolveEnvFile(explicit: string | undefined, cwd: string): string {
  if (explicit) return path.resolve(cwd, explicit);
  const local = path.join(MANIFEST_DIR, '.env');
  return existsSync(local) ? local : path.join(MANIFEST_DIR, '.env.example');
}

// ---------------------------------------------------------------------------------------------
// Building and zipping

export interface BuildOptions {
  /** The manifest template (default manifest/manifest.json); localization files sit beside it. */
  templateFile?: string;
  /** The env file with APP_ID, CLIENT_ID and BASE_URL. */
  envFile: string;
  /** Use these PNGs instead of the generated icons (e.g. an organisation's own artwork). */
  colorIcon?: Uint8Array;
  outlineIcon?: Uint8Array;
}

/** A file name that sits at the zip root. */
function isRootFileName(name: string): boolean {
  return name.length > 0 && !name.includes('/') && !name.includes('\\') && name !== '.' && name !== '..';
}

function localizationFiles(manifest: Json): { tag: string; file: string; isDefault: boolean }[] {
  const info = manifest.localizationInfo;
  if (!isRecord(info)) return [];
  const out: { tag: string; file: string; isDefault: boolean }[] = [];
  const defaultTag = str(info.defaultLanguageTag) ?? '';
  const defaultFile = str(info.defaultLanguageFile);
  if (defaultFile) out.push({ tag: defaultTag, file: defaultFile, isDefault: true });
  for (const lang of asArray(info.additionalLanguages)) {
    if (isRecord(lang) && str(lang.file)) out.push({ tag: str(lang.languageTag) ?? '', file: str(lang.file)!, isDefault: false });
  }
  return out;
}

/** Reads the template and env file and assembles the package in memory (not yet checked). */
export async function buildAppPackage(options: BuildOptions): Promise<{ pkg?: AppPackage; errors: string[] }> {
  const templateFile = options.templateFile ?? DEFAULT_TEMPLATE;
  const errors: string[] = [];
  let template: unknown;
  try {
    template = JSON.parse(await fs.readFile(templateFile, 'utf8'));
  } catch (e) {
    return { errors: [`template: cannot read ${templateFile}: ${(e as Error).message}`] };
  }
  let envText: string;
  try {
    envText = await fs.readFile(options.envFile, 'utf8');
  } catch (e) {
    return { errors: [`env: cannot read ${options.envFile}: ${(e as Error).message}`] };
  }
  const version = str((JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as Json).version) ?? '0.0.0';
  const { vars, errors: envErrors } = templateVariables(parseEnvFile(envText), version);
  errors.push(...envErrors);
  const { value, errors: templateErrors } = substituteTemplate(template, vars);
  errors.push(...templateErrors);
  if (!isRecord(value)) return { errors: [...errors, 'template: the manifest must be a JSON object'] };
  const manifest = value;

  const files = new Map<string, Uint8Array>();
  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  const iconSources: [string, Uint8Array | undefined, () => Uint8Array][] = [
    ['color', options.colorIcon, () => colorIcon()],
    ['outline', options.outlineIcon, () => outlineIcon()],
  ];
  for (const [key, given, generate] of iconSources) {
    const name = str(icons[key]);
    if (!name) continue; // the schema check reports a missing icon
    if (!isRootFileName(name)) errors.push(`package: icons.${key} "${name}" must be a file name at the zip root`);
    else files.set(name, given ?? generate());
  }
  const templateDir = path.dirname(templateFile);
  for (const { file } of localizationFiles(manifest)) {
    if (!isRootFileName(file)) {
      errors.push(`package: localization file "${file}" must be a file name at the zip root`);
      continue;
    }
    try {
      files.set(file, await fs.readFile(path.join(templateDir, file)));
    } catch {
      errors.push(`localization: ${file} is named in localizationInfo but not found next to ${path.basename(templateFile)}`);
    }
  }
  return { pkg: { manifest, files }, errors };
}

/** Fixed timestamp for zip entries, so the same inputs give the same bytes. */
const ZIP_DATE = new Date('2020-01-01T00:00:00Z');

/** The zip Teams uploads: manifest.json and the other files, all at the root. */
export async function zipAppPackage(pkg: AppPackage): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(pkg.manifest, null, 2) + '\n', { date: ZIP_DATE });
  for (const name of [...pkg.files.keys()].sort()) zip.file(name, pkg.files.get(name)!, { date: ZIP_DATE });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Reads a zip back into an AppPackage (manifest.json parsed, every other file as bytes). */
export async function readAppPackage(bytes: Uint8Array): Promise<AppPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const entry = zip.file('manifest.json');
  if (!entry) throw new Error('the package has no manifest.json at its root');
  const manifest = JSON.parse(await entry.async('string')) as unknown;
  if (!isRecord(manifest)) throw new Error('manifest.json is not a JSON object');
  const files = new Map<string, Uint8Array>();
  for (const file of Object.values(zip.files)) {
    if (file.dir || file.name === 'manifest.json') continue;
    files.set(file.name, await file.async('uint8array'));
  }
  return { manifest, files };
}

// ---------------------------------------------------------------------------------------------
// Checks

const appManifestBuildDir = path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));

type SchemaKind = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

/**
 * The bundled copy of a Teams schema URL such as
 * `https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json`
 * (a locale segment like `/en-us/` is allowed), or why there is none. Never downloads.
 */
export function bundledSchema(schemaUrl: unknown, kind: SchemaKind): { version: string; file: string } | { error: string } {
  if (typeof schemaUrl !== 'string') return { error: `$schema is missing; expected a ${kind} URL` };
  let url: URL;
  try {
    url = new URL(schemaUrl);
  } catch {
    return { error: `$schema "${schemaUrl}" is not a URL` };
  }
  const match = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/([A-Za-z.]+)$/i.exec(url.pathname);
  if (url.hostname !== 'developer.microsoft.com' || !match || match[2] !== kind) {
    return { error: `$schema "${schemaUrl}" is not a Teams ${kind} URL` };
  }
  const file = path.join(appManifestBuildDir, 'json-schemas', 'teams', match[1]!, kind);
  if (!existsSync(file)) return { error: `$schema ${match[1]} is not bundled in @microsoft/app-manifest, so it cannot be validated offline` };
  return { version: match[1]!, file };
}

/**
 * A schema regex that also compiles with the `u` flag Ajv uses. The bundled localization schemas
 * (v1.30 among them) have `...\b]\.description$`: a lone `]`, which means a literal `]` without the
 * flag and is a syntax error with it. Escaping lone `]` keeps the meaning and compiles both ways.
 */
export function unicodeSafePattern(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\') {
        out += c + (pattern[++i] ?? '');
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === ']') {
        if (!inClass) {
          out += '\\]';
          continue;
        }
        inClass = false;
      }
      out += c;
    }
    return out;
  }
}

function withUnicodeSafePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withUnicodeSafePatterns);
  if (!isRecord(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'patternProperties' && isRecord(value)) {
        return [key, Object.fromEntries(Object.entries(value).map(([p, s]) => [unicodeSafePattern(p), withUnicodeSafePatterns(s)]))];
      }
      if (key === 'pattern' && typeof value === 'string') return [key, unicodeSafePattern(value)];
      return [key, withUnicodeSafePatterns(value)];
    }),
  );
}

const schemaCache = new Map<string, object>();

async function loadSchema(file: string): Promise<object> {
  let schema = schemaCache.get(file);
  if (!schema) {
    // Some bundled schemas carry `\a` / `\v` escapes that JSON does not allow; @microsoft/app-manifest
    // rewrites them the same way when it loads a schema.
    const raw = (await fs.readFile(file, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
    schema = withUnicodeSafePatterns(JSON.parse(raw)) as object;
    schemaCache.set(file, schema);
  }
  return schema;
}

async function validateWithSchema(document: Json, schemaFile: string): Promise<string[]> {
  const schema = await loadSchema(schemaFile);
  // AppManifestUtils is typed for manifests; the same validator serves localization files.
  return AppManifestUtils.validateAgainstSchema(document as never, schema as never);
}

/** The manifest against the bundled JSON schema its `$schema` names (and `manifestVersion` agrees). */
export async function checkSchema(manifest: Json): Promise<string[]> {
  const schema = bundledSchema(manifest.$schema, 'MicrosoftTeams.schema.json');
  if ('error' in schema) return [`schema: ${schema.error}`];
  const errors: string[] = [];
  const expected = schema.version.replace(/^v/, '');
  if (manifest.manifestVersion !== expected && !(expected === 'DevPreview' && manifest.manifestVersion === 'devPreview')) {
    errors.push(`schema: manifestVersion "${String(manifest.manifestVersion)}" does not match $schema ${schema.version}`);
  }
  for (const e of await validateWithSchema(manifest, schema.file)) errors.push(`schema: ${e.trim()}`);
  return errors;
}

/** The Teams app id (`id`) and the Entra client id (`webApplicationInfo.id`) are GUIDs. */
export function checkGuids(manifest: Json): string[] {
  const errors: string[] = [];
  const wai = isRecord(manifest.webApplicationInfo) ? manifest.webApplicationInfo : undefined;
  const ids: [string, unknown, string][] = [
    ['id', manifest.id, 'the Teams app id, APP_ID'],
    ['webApplicationInfo.id', wai?.id, 'the Entra application (client) id, CLIENT_ID'],
  ];
  for (const [where, value, what] of ids) {
    if (typeof value !== 'string' || !GUID.test(value)) errors.push(`guid: ${where} (${what}) must be a GUID, got ${JSON.stringify(value ?? null)}`);
  }
  return errors;
}

/** Every URL the manifest points a client at, with where it sits. */
export function manifestUrls(manifest: Json): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  const add = (where: string, value: unknown) => {
    if (typeof value === 'string') urls.push({ where, url: value });
  };
  if (isRecord(manifest.developer)) {
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) add(`developer.${key}`, manifest.developer[key]);
  }
  asArray(manifest.staticTabs).forEach((tab, i) => {
    if (!isRecord(tab)) return;
    for (const key of ['contentUrl', 'websiteUrl', 'searchUrl']) add(`staticTabs[${i}].${key}`, tab[key]);
  });
  asArray(manifest.configurableTabs).forEach((tab, i) => {
    if (isRecord(tab)) add(`configurableTabs[${i}].configurationUrl`, tab.configurationUrl);
  });
  if (isRecord(manifest.webApplicationInfo)) {
    const resource = manifest.webApplicationInfo.resource;
    if (typeof resource === 'string' && /^https?:/i.test(resource)) add('webApplicationInfo.resource', resource);
  }
  return urls;
}

function validDomains(manifest: Json): string[] {
  return asArray(manifest.validDomains).filter((d): d is string => typeof d === 'string').map((d) => d.toLowerCase());
}

/** Whether a validDomains entry covers a host: exact host (with port), bare hostname, or `*.suffix`. */
function domainCovers(entry: string, host: string, hostname: string): boolean {
  if (entry.startsWith('*.')) return hostname.endsWith(entry.slice(1));
  return entry === host || entry === hostname;
}

function hostsOf(manifest: Json): string[] {
  const hosts: string[] = [];
  for (const { url } of manifestUrls(manifest)) {
    try {
      hosts.push(new URL(url).host.toLowerCase());
    } catch {
      // reported by checkDomains
    }
  }
  return hosts;
}

/**
 * Every URL is https and its host is in `validDomains`; `validDomains` holds only hosts the
 * manifest's URLs use (the app's own host), no wildcards.
 */
export function checkDomains(manifest: Json): string[] {
  const errors: string[] = [];
  const domains = validDomains(manifest);
  if (domains.length === 0) errors.push('domains: validDomains is empty; it must list the app host');
  for (const { where, url } of manifestUrls(manifest)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      errors.push(`domains: ${where} is not a valid URL: "${url}"`);
      continue;
    }
    if (parsed.protocol !== 'https:') errors.push(`domains: ${where} must use https, got "${url}"`);
    const host = parsed.host.toLowerCase();
    if (!domains.some((d) => domainCovers(d, host, parsed.hostname.toLowerCase()))) {
      errors.push(`domains: ${where} points at host "${host}", which is not in validDomains [${domains.join(', ')}]`);
    }
  }
  const used = hostsOf(manifest);
  for (const domain of domains) {
    if (domain.includes('*')) errors.push(`domains: validDomains entry "${domain}" is a wildcard; list the app's own host only`);
    else if (!used.some((h) => domainCovers(domain, h, h.replace(/:\d+$/, '')))) {
      errors.push(`domains: validDomains entry "${domain}" is not the host of any URL in the manifest; keep validDomains to the app's own host`);
    }
  }
  return errors;
}

/**
 * Nested app authentication (https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication):
 * each `nestedAppAuthInfo` entry redirects to `brk-multihub://<a valid domain>` (origin only) and
 * lists exactly the scopes the app requests, in the same order, so Teams can prefetch its token.
 */
export function checkNestedAppAuth(manifest: Json, naaScopes: readonly string[]): string[] {
  const wai = isRecord(manifest.webApplicationInfo) ? manifest.webApplicationInfo : undefined;
  const entries = asArray(wai?.nestedAppAuthInfo);
  if (entries.length === 0) return ['naa: webApplicationInfo.nestedAppAuthInfo is missing; Teams needs it to prefetch the nested app auth token'];
  const errors: string[] = [];
  const domains = validDomains(manifest);
  entries.forEach((entry, i) => {
    const where = `webApplicationInfo.nestedAppAuthInfo[${i}]`;
    if (!isRecord(entry)) return;
    const redirect = str(entry.redirectUri) ?? '';
    const match = /^brk-multihub:\/\/([^/?#]+)$/i.exec(redirect);
    if (!match) errors.push(`naa: ${where}.redirectUri must be brk-multihub://<app host> (origin only), got "${redirect}"`);
    else if (!domains.includes(match[1]!.toLowerCase())) {
      errors.push(`naa: ${where}.redirectUri host "${match[1]}" is not in validDomains [${domains.join(', ')}]`);
    }
    const scopes = asArray(entry.scopes).map(String);
    const missing = naaScopes.filter((s) => !scopes.includes(s));
    const extra = scopes.filter((s) => !naaScopes.includes(s));
    if (missing.length) errors.push(`naa: ${where}.scopes lacks ${missing.join(', ')} which the app requests (src/app/auth/scopes.ts)`);
    if (extra.length) errors.push(`naa: ${where}.scopes has ${extra.join(', ')} which the app never requests`);
    if (!missing.length && !extra.length && scopes.some((s, k) => s !== naaScopes[k])) {
      errors.push(`naa: ${where}.scopes must be in the order the app requests them: ${naaScopes.join(', ')}`);
    }
  });
  return errors;
}

/** Decodes a PNG, or says why it is not one. */
export function decodePng(bytes: Uint8Array): { width: number; height: number; data: Uint8Array } | { error: string } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 8 || signature.some((b, i) => bytes[i] !== b)) return { error: 'is not a PNG file' };
  try {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, data: png.data };
  } catch (e) {
    return { error: `is not a readable PNG (${(e as Error).message})` };
  }
}

/**
 * Icons (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package):
 * `icons.color` is a 192×192 PNG; `icons.outline` a 32×32 PNG, white on a transparent background.
 */
export function checkIcons(manifest: Json, files: ReadonlyMap<string, Uint8Array>): string[] {
  const errors: string[] = [];
  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  const specs: [string, number][] = [
    ['color', COLOR_ICON_SIZE],
    ['outline', OUTLINE_ICON_SIZE],
  ];
  for (const [key, size] of specs) {
    const name = str(icons[key]);
    if (!name) continue; // the schema check reports a missing icon
    const bytes = files.get(name);
    if (!bytes) {
      errors.push(`icons: icons.${key} "${name}" is not in the package`);
      continue;
    }
    const png = decodePng(bytes);
    if ('error' in png) {
      errors.push(`icons: ${name} (icons.${key}) ${png.error}`);
      continue;
    }
    if (png.width !== size || png.height !== size) {
      errors.push(`icons: ${name} (icons.${key}) is ${png.width}×${png.height} pixels; Teams needs ${size}×${size}`);
      continue;
    }
    if (key === 'outline') {
      let transparent = 0;
      let notWhite = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const alpha = png.data[i + 3]!;
        if (alpha === 0) transparent++;
        else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) notWhite++;
      }
      const total = png.width * png.height;
      if (transparent === 0) errors.push(`icons: ${name} (icons.outline) has no transparent pixels; its background must be transparent`);
      if (transparent === total) errors.push(`icons: ${name} (icons.outline) is fully transparent; it must show a white mark`);
      if (notWhite > 0) errors.push(`icons: ${name} (icons.outline) must be white on transparent, but ${notWhite} visible pixels are not white`);
    }
  }
  return errors;
}

/**
 * Activity types (https://learn.microsoft.com/graph/teams-send-activityfeednotifications): every
 * type the app sends is declared and every declared type is sent; each template's placeholders
 * (besides the special `{actor}`) are exactly the parameters the app sends; `systemDefault` is
 * reserved and never declared.
 */
export function checkActivityTypes(manifest: Json, activityTypes: CodeFacts['activityTypes']): string[] {
  const errors: string[] = [];
  const activities = isRecord(manifest.activities) ? manifest.activities : {};
  const declared = new Map<string, string>();
  for (const entry of asArray(activities.activityTypes)) {
    if (!isRecord(entry) || typeof entry.type !== 'string') continue;
    if (declared.has(entry.type)) errors.push(`activities: "${entry.type}" is declared more than once`);
    declared.set(entry.type, str(entry.templateText) ?? '');
  }
  if (declared.has('systemDefault')) errors.push('activities: "systemDefault" is reserved by Teams and must not be declared');
  for (const [type, { templateParameters }] of Object.entries(activityTypes)) {
    const templateText = declared.get(type);
    if (templateText === undefined) {
      errors.push(`activities: "${type}" is sent by the app (src/app/activityTypes.ts) but not declared in manifest activities.activityTypes`);
      continue;
    }
    const placeholders = templatePlaceholders(templateText).filter((p) => p !== 'actor');
    for (const p of placeholders.filter((p) => !templateParameters.includes(p))) {
      errors.push(`activities: "${type}" templateText uses {${p}}, a parameter the app never sends`);
    }
    for (const p of templateParameters.filter((p) => !placeholders.includes(p))) {
      errors.push(`activities: "${type}" templateText does not use {${p}}, which the app sends`);
    }
  }
  for (const type of declared.keys()) {
    if (type !== 'systemDefault' && !(type in activityTypes)) {
      errors.push(`activities: "${type}" is declared in the manifest but the app never sends it (not in src/app/activityTypes.ts)`);
    }
  }
  return errors;
}

/**
 * The manifest strings a localization file may translate, by localization key
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-localization).
 */
export function localizableStrings(manifest: Json): Map<string, string> {
  const out = new Map<string, string>();
  const put = (key: string, value: unknown) => {
    if (typeof value === 'string') out.set(key, value);
  };
  if (isRecord(manifest.name)) {
    put('name.short', manifest.name.short);
    put('name.full', manifest.name.full);
  }
  if (isRecord(manifest.description)) {
    put('description.short', manifest.description.short);
    put('description.full', manifest.description.full);
  }
  asArray(manifest.staticTabs).forEach((tab, i) => {
    if (isRecord(tab)) put(`staticTabs[${i}].name`, tab.name);
  });
  const activities = isRecord(manifest.activities) ? manifest.activities : {};
  asArray(activities.activityTypes).forEach((entry, i) => {
    if (!isRecord(entry)) return;
    put(`activities.activityTypes[${i}].description`, entry.description);
    put(`activities.activityTypes[${i}].templateText`, entry.templateText);
  });
  return out;
}

/**
 * Localization files: each named file is in the package, is valid against the bundled
 * localization schema of the manifest's version, translates every localizable manifest string and
 * nothing else, keeps each template's placeholders; the default-language file repeats the
 * manifest's own strings.
 */
export async function checkLocalizations(manifest: Json, files: ReadonlyMap<string, Uint8Array>): Promise<string[]> {
  const info = manifest.localizationInfo;
  if (!isRecord(info)) return ['localization: localizationInfo is missing'];
  const errors: string[] = [];
  const manifestSchema = bundledSchema(manifest.$schema, 'MicrosoftTeams.schema.json');
  const strings = localizableStrings(manifest);
  const tags = new Set<string>([String(info.defaultLanguageTag ?? '').toLowerCase()]);
  for (const lang of asArray(info.additionalLanguages)) {
    const tag = isRecord(lang) ? String(lang.languageTag ?? '').toLowerCase() : '';
    if (tags.has(tag)) errors.push(`localization: language "${tag}" is listed more than once (or repeats the default language)`);
    tags.add(tag);
  }
  for (const { file, isDefault } of localizationFiles(manifest)) {
    const bytes = files.get(file);
    if (!bytes) {
      errors.push(`localization: ${file} is named in localizationInfo but is not in the package`);
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch (e) {
      errors.push(`localization: ${file} is not valid JSON (${(e as Error).message})`);
      continue;
    }
    if (!isRecord(doc)) {
      errors.push(`localization: ${file} must be a JSON object`);
      continue;
    }
    const schema = bundledSchema(doc.$schema, 'MicrosoftTeams.Localization.schema.json');
    if ('error' in schema) errors.push(`localization: ${file}: ${schema.error}`);
    else {
      if (!('error' in manifestSchema) && schema.version !== manifestSchema.version) {
        errors.push(`localization: ${file} uses schema ${schema.version} but the manifest uses ${manifestSchema.version}; they must match`);
      }
      for (const e of await validateWithSchema(doc, schema.file)) errors.push(`localization: ${file}: ${e.trim()}`);
    }
    const keys = Object.keys(doc).filter((k) => k !== '$schema' && k !== 'localizationKeys');
    for (const key of keys) {
      if (!strings.has(key)) errors.push(`localization: ${file} has "${key}", which is not a localizable string of this manifest`);
    }
    for (const [key, original] of strings) {
      const value = doc[key];
      if (typeof value !== 'string') {
        errors.push(`localization: ${file} does not translate "${key}"`);
        continue;
      }
      if (isDefault && value !== original) errors.push(`localization: ${file} (default language) has "${key}" = "${value}" but the manifest says "${original}"`);
      if (key.endsWith('.templateText') && !sameSet(templatePlaceholders(value), templatePlaceholders(original))) {
        errors.push(`localization: ${file} "${key}" must keep the placeholders ${templatePlaceholders(original).map((p) => `{${p}}`).join(' ')}`);
      }
    }
  }
  return errors;
}

/** Files are at the zip root, and every file is one the manifest names. */
export function checkLayout(manifest: Json, files: ReadonlyMap<string, Uint8Array>): string[] {
  const named = new Set<string>(localizationFiles(manifest).map((l) => l.file));
  if (isRecord(manifest.icons)) for (const v of Object.values(manifest.icons)) if (typeof v === 'string') named.add(v);
  const errors: string[] = [];
  for (const name of files.keys()) {
    if (!isRootFileName(name)) errors.push(`package: ${name} must sit at the zip root`);
    else if (!named.has(name)) errors.push(`package: ${name} is in the package but the manifest does not use it`);
  }
  return errors;
}

/** Every check, in the order a reader fixes problems: schema first, then our own rules. */
export async function validateAppPackage(pkg: AppPackage, facts: CodeFacts = APP_FACTS): Promise<string[]> {
  return [
    ...(await checkSchema(pkg.manifest)),
    ...checkGuids(pkg.manifest),
    ...checkDomains(pkg.manifest),
    ...checkNestedAppAuth(pkg.manifest, facts.naaScopes),
    ...checkIcons(pkg.manifest, pkg.files),
    ...checkActivityTypes(pkg.manifest, facts.activityTypes),
    ...(await checkLocalizations(pkg.manifest, pkg.files)),
    ...checkLayout(pkg.manifest, pkg.files),
  ];
}

// ---------------------------------------------------------------------------------------------
// Command line

export interface PackageIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'usage: npm run package -- [--env <file>] [--manifest <file>] [--color <png>] [--outline <png>] [--out <zip>]';

function parseArgs(argv: string[]): { options: Record<string, string>; error?: string } {
  const options: Record<string, string> = {};
  const known = ['--env', '--manifest', '--color', '--outline', '--out'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { options, error: '' };
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!known.includes(flag)) return { options, error: `unknown argument "${arg}"` };
    const value = inline ?? argv[++i];
    if (!value) return { options, error: `${flag} needs a value` };
    options[flag.slice(2)] = value;
  }
  return { options };
}

function summary(pkg: AppPackage, outFile: string, size: number, envFile: string, cwd: string): string[] {
  const m = pkg.manifest;
  const rel = (p: string) => {
    const r = path.relative(cwd, p);
    return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
  };
  const tabs = asArray(m.staticTabs).map((t) => (isRecord(t) ? String(t.name ?? t.entityId) : '?'));
  const channel = asArray(m.configurableTabs).map((t) => (isRecord(t) ? `configurable "${String(t.id ?? 'tab')}" (SharePoint: ${asArray(t.supportedSharePointHosts).join(', ') || 'none'})` : '?'));
  const activities = asArray(isRecord(m.activities) ? m.activities.activityTypes : []).map((a) => (isRecord(a) ? String(a.type) : '?'));
  const info = isRecord(m.localizationInfo) ? m.localizationInfo : {};
  const languages = [`${String(info.defaultLanguageTag ?? '?')} (default)`, ...asArray(info.additionalLanguages).map((l) => (isRecord(l) ? String(l.languageTag) : '?'))];
  return [
    `Wrote ${rel(outFile)} (${(size / 1024).toFixed(1)} kB), checked offline against the bundled Teams schema ${String(m.manifestVersion)}`,
    `  app id       ${String(m.id)}   version ${String(m.version)}`,
    `  client id    ${String(isRecord(m.webApplicationInfo) ? m.webApplicationInfo.id : '?')}`,
    `  host         ${validDomains(m).join(', ')}   (values from ${rel(envFile)})`,
    `  tabs         personal: ${tabs.join(', ')}; channel: ${channel.join(', ')}`,
    `  activities   ${activities.join(', ')}`,
    `  languages    ${languages.join(', ')}`,
    `  files        manifest.json, ${[...pkg.files.keys()].sort().join(', ')}`,
  ];
}

function fail(io: PackageIo, errors: string[]): number {
  io.err(`Teams app package NOT written: ${errors.length} problem${errors.length === 1 ? '' : 's'}:`);
  for (const e of errors) io.err(`  - ${e}`);
  return 1;
}

/**
 * The command: build from manifest/ and the env file, zip, read the zip back, run every check on
 * what was zipped, and write it only when nothing failed. Returns the exit code (0 or 1).
 */
export async function runPackage(argv: string[], io: PackageIo = { out: console.log, err: console.error }, cwd = process.cwd()): Promise<number> {
  const { options, error } = parseArgs(argv);
  if (error !== undefined) {
    if (error) io.err(error);
    io.err(USAGE);
    return error ? 1 : 0;
  }
  const envFile = resolveEnvFile(options.env, cwd);
  const outFile = path.resolve(cwd, options.out ?? DEFAULT_OUT);
  const icons: { colorIcon?: Uint8Array; outlineIcon?: Uint8Array } = {};
  try {
    if (options.color) icons.colorIcon = await fs.readFile(path.resolve(cwd, options.color));
    if (options.outline) icons.outlineIcon = await fs.readFile(path.resolve(cwd, options.outline));
  } catch (e) {
    return fail(io, [`icons: ${(e as Error).message}`]);
  }
  const built = await buildAppPackage({
    templateFile: options.manifest ? path.resolve(cwd, options.manifest) : undefined,
    envFile,
    ...icons,
  });
  if (!built.pkg) return fail(io, built.errors);
  const zipped = await zipAppPackage(built.pkg);
  const shipped = await readAppPackage(zipped);
  const errors = [...built.errors, ...(await validateAppPackage(shipped))];
  if (errors.length) return fail(io, errors);
  await fs.mkdir(path.dirname(outFile), { recursive: true });
  await fs.writeFile(outFile, zipped);
  for (const line of summary(shipped, outFile, zipped.length, envFile, cwd)) io.out(line);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runPackage(process.argv.slice(2));
}
