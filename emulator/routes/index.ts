import type { Emu } from '../emu.js';
import { ensureDirectorySchema } from '../services/directory.js';
import { ensureSitesSchema } from '../services/siteStore.js';
import { ensurePermissionsSchema, ensureSiteAppGrantsSchema } from '../services/permissionStore.js';
import { ensureAppRegistrationsSchema } from '../services/appRegistrationStore.js';
import { ensureListsSchema } from '../services/lists.js';
import * as directory from './directory.js';
import * as sites from './sites.js';
import * as sitePermissions from './sitePermissions.js';
import * as lists from './lists.js';
import * as preview from './preview.js';
import * as drives from './drives.js';
import * as planner from './planner.js';
import * as calendar from './calendar.js';
import * as teamwork from './teamwork.js';
import * as batch from './batch.js';
import * as dev from './dev.js';

/** Creates every table and registers every route. Order matters only for overlapping patterns. */
export function registerAll(emu: Emu): void {
  ensureDirectorySchema(emu.db);
  ensureSitesSchema(emu.db);
  ensurePermissionsSchema(emu.db);
  ensureSiteAppGrantsSchema(emu.db);
  ensureAppRegistrationsSchema(emu.db);
  ensureListsSchema(emu.db);
  batch.register(emu);
  directory.register(emu);
  sites.register(emu);
  sitePermissions.register(emu);
  lists.register(emu);
  preview.register(emu);
  drives.register(emu);
  planner.register(emu);
  calendar.register(emu);
  teamwork.register(emu);
  dev.register(emu);
}
