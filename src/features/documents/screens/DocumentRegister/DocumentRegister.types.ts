import type { ReactNode } from 'react';
import type { GraphClient } from '../../../../../graph/core/client.js';
import type { SmsRole } from '../../../../domain/roles.js';
import type { SaveFile } from '../../../../ui/export/saveFile.js';
import type { RegisterRow } from '../../services/registerQuery.js';

/**
 * Props of the document register. It renders inside a QueryClientProvider, an I18nextProvider
 * (the app's catalogs) and a FluentProvider, which the app and the SharePoint web part both set
 * up; it needs no router and no session context.
 */
export interface DocumentRegisterProps {
  /** A Graph client for the signed-in user (graph/core). */
  client: GraphClient;
  /** Graph id of the SMS site (`hostname,siteCollectionId,webId`). */
  siteId: string;
  /** The viewer's SMS roles: SMS managers and document controllers see every status, everyone else the documents in force. */
  roles: readonly SmsRole[];
  /**
   * UPN of the signed-in user: offers the "Awaiting my decision" filter (the documents with a review
   * or approval of theirs to decide). Without it the filter is not offered.
   */
  upn?: string;
  /** The signed-in user's Entra object id (who SharePoint stamps as the writer of their decisions). */
  userId?: string;
  /** Open with "Awaiting my decision" on (needs `upn`), e.g. from Home's inbox card. */
  awaitingMyDecision?: boolean;
  /** The viewer's local date `YYYY-MM-DD` (default: today); overdue and due-soon reviews are relative to it. */
  today?: string;
  /** The SMS site's time zone (IANA; default UTC): its date-only columns hold midnight in it (the review date filters). */
  timeZone?: string;
  /**
   * Renders the link of a document's ID (e.g. a react-router link to its page in the app). When
   * absent, the ID links to the file in SharePoint (`webUrl`).
   */
  renderDocumentLink?: (row: RegisterRow, children: ReactNode) => ReactNode;
  /** How export files are saved (default: a browser download). */
  saveFile?: SaveFile;
  /** Heading level of the register's own headings (the app's screen has the h1). Default 2. */
  headingLevel?: 2 | 3;
}
