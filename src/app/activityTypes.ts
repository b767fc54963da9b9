/**
 * The Teams activity types the app sends. The list lives in src/platform/activityTypes.ts, because the
 * acknowledgement engine (src/platform/acknowledgements) sends notifications too and src/platform imports
 * nothing from src/app; `npm run package` (scripts/package.ts) checks the manifest against it.
 */
export * from '../platform/activityTypes.js';
