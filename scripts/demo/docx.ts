/**
 * Builds the Word (.docx) file of one release of a demo controlled document with the `docx`
 * package: title, document control table, revision history up to that release, and the body.
 */
import { createHash } from 'node:crypto';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { SeedDates } from './dates.js';
import type { DemoDocument, DemoRelease } from './data/documents.js';
import { PERSON_NAMES } from './data/people.js';

/** What the document control table shows for one release. */
export interface ReleaseView {
  readonly release: DemoRelease;
  /** The status printed in the control table, e.g. `Published` or `In review`. */
  readonly status: string;
}

const ORGANISATION = 'Kestrel Managed Services Ltd';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8886' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(text: string, opts: { bold?: boolean; header?: boolean; widthPct: number }): TableCell {
  return new TableCell({
    width: { size: opts.widthPct, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DEECF9' } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold: opts.bold === true || opts.header === true, size: 20 })] })],
  });
}

function table(rows: readonly (readonly string[])[], widths: readonly number[], header: boolean): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: header && i === 0,
          children: r.map((text, c) => cell(text, { widthPct: widths[c] ?? 25, header: header && i === 0, bold: !header && c % 2 === 0 })),
        }),
    ),
  });
}

/** The document control table: identity, version, people, classification and dates. */
function controlTable(doc: DemoDocument, view: ReleaseView, d: SeedDates): Table {
  const r = view.release;
  const effective = r.publishedOn !== undefined ? d.day(r.publishedOn) : 'On approval';
  return table(
    [
      ['Document ID', doc.docId, 'Version', r.label],
      ['Document type', doc.docType, 'Status', view.status],
      ['Owner', PERSON_NAMES[doc.owner], 'Approver', PERSON_NAMES[doc.approver]],
      ['Classification', doc.classification, 'Effective date', effective],
      ['Main clause', doc.primaryClause, 'Review cycle', `${doc.reviewCycleMonths} months`],
    ],
    [20, 30, 20, 30],
    false,
  );
}

/** Revision history: every release up to and including this one. */
function historyTable(doc: DemoDocument, upTo: DemoRelease, d: SeedDates): Table {
  const releases = doc.releases.slice(0, doc.releases.indexOf(upTo) + 1);
  return table(
    [
      ['Version', 'Date', 'Change', 'Approved by'],
      ...releases.map((r) => [
        r.label,
        d.day(r.publishedOn ?? r.submittedOn),
        r.changeSummary,
        r.approval.decision === 'Approved' ? PERSON_NAMES[doc.approver] : 'Pending',
      ]),
    ],
    [12, 16, 52, 20],
    true,
  );
}

/** The .docx bytes of `doc` as issued in `view.release`. */
export async function buildDocx(doc: DemoDocument, view: ReleaseView, d: SeedDates): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: ORGANISATION, color: '605E5C', size: 20 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: `${doc.docId} · version ${view.release.label} · ${view.status}`, italics: true })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Document control')] }),
    controlTable(doc, view, d),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Revision history')] }),
    historyTable(doc, view.release, d),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('1. Purpose')] }),
    new Paragraph({ children: [new TextRun(doc.purpose)] }),
  ];
  doc.sections.forEach((s, i) => {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${i + 2}. ${s.heading}`)] }));
    for (const p of s.paragraphs) body.push(new Paragraph({ children: [new TextRun(p)] }));
    for (const b of s.bullets ?? []) body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(b)] }));
  });
  const document = new Document({
    title: `${doc.docId} ${doc.title}`,
    subject: `Version ${view.release.label}`,
    creator: PERSON_NAMES[doc.owner],
    lastModifiedBy: PERSON_NAMES[doc.owner],
    description: `Controlled document of the ${ORGANISATION} service management system (fictional demo content).`,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: `${doc.docId} v${view.release.label} · ${doc.classification} · Printed copies are uncontrolled`, size: 16, color: '605E5C' })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** SHA-256 of bytes as lowercase hex (the `FileHash` of a release). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
