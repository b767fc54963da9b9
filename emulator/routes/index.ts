import type { Emu } from '../emu.js';
import { ensureDirectorySchema } from '../services/directory.js';
import { ensureSitesSchema } from '../services/siteStore.js';
import { ensurePermissionsSchema } from '../services/permissionStore.js';
import { ensureListsSchema } from '../services/lists.js';
import * as directory from './directory.js';
import * as sites from './sites.js';
import * as lists from './lists.js';
import * as preview from './preview.js';
import * as drives from './drives.js';
import * as planner from './planner.js';
import * as calendar from './calendar.js';
import * as batch from './batch.js';
import * as dev from './dev.js';

/** Creates every table and registers every route. Order matters only for overlapping patterns. */
export function registerAll(emu: Emu): void {
  ensureDirectorySchema(emu.db);
  ensureSitesSchema(emu.db);
  ensurePermissionsSchema(emu.db);
  ensureListsSchema(emu.db);
  batch.register(emu);
  directory.register(emu);
  sites.register(emu);
  lists.register(emu);
  preview.register(emu);
  drives.register(emu);
  planner.register(emu);
  calendar.register(emu);
  dev.register(emu);
}
