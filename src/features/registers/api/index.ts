/** The Registers area's verbs: one operation per file, each read → ask the rules → write through the register engine. */
export { createRegisterRecord, type CreateRegisterRecordInput } from './createRegisterRecord.js';
export { updateRegisterRecord, type UpdateRegisterRecordInput } from './updateRegisterRecord.js';
export { linkedActionsOf, transitionChanges, transitionRecord, type TransitionRecordInput } from './transitionRecord.js';
