/**
 * What features may use from the hosting layer: deep links to a document, record or action
 * (sub-page ids, a "Copy link" button, a link/open hook). Import from here, not the files.
 */
export { CopyLinkButton } from './CopyLinkButton.js';
export { formatSubPageId, parseSubPageId, pathForTarget, type SubPageTarget } from './subPageId.js';
export { useTargetLink } from './useTargetLink.js';
