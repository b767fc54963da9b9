/** Why a register verb did not write: the rules refused it, or the values are not valid. Nothing was sent when these are thrown. */
import type { Refusal } from '../../../domain/registers/types.js';
import type { validateRecord } from '../../../platform/registers/validation.js';

/** One problem with one column of a record (`validateRecord`): an i18n code `registers.validation.<code>` and its params. */
export type FieldIssue = ReturnType<typeof validateRecord>[number];

/** The register rules refused the step (`checkTransition`, `checkEdit`): `refusal.code` explains it (`registers.refusal.<code>`). */
export class RegisterRefusalError extends Error {
  override readonly name: string = 'RegisterRefusalError';
  constructor(readonly refusal: Refusal) {
    super(`Refused: ${refusal.code}`);
  }
}

/** Some values of the record are not valid; each issue names its column. */
export class RecordValidationError extends Error {
  override readonly name: string = 'RecordValidationError';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(`Invalid record: ${issues.map((i) => `${i.column} ${i.code}`).join(', ')}`);
  }
}

/** The record is not there (deleted, or an id that never existed). */
export class RecordNotFoundError extends Error {
  override readonly name: string = 'RecordNotFoundError';
  constructor(
    readonly register: string,
    readonly itemId: string,
  ) {
    super(`No record ${itemId} in '${register}'.`);
  }
}
