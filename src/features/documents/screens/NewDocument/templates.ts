/**
 * Built-in starting points for a new document: Markdown skeletons (rendered in the app's viewer)
 * with the sections a policy, plan, procedure or work instruction usually has. The section names
 * come from the UI catalog, so a template starts in the user's language.
 */
import type { TFunction } from 'i18next';

export const TEMPLATE_IDS = ['policy', 'plan', 'procedure', 'workInstruction', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_LABEL_KEYS = {
  policy: 'documents.lifecycle.template.policy',
  plan: 'documents.lifecycle.template.plan',
  procedure: 'documents.lifecycle.template.procedure',
  workInstruction: 'documents.lifecycle.template.workInstruction',
  blank: 'documents.lifecycle.template.blank',
} as const satisfies Record<TemplateId, string>;

const SECTION_KEYS = {
  purpose: 'documents.lifecycle.template.section.purpose',
  scope: 'documents.lifecycle.template.section.scope',
  statements: 'documents.lifecycle.template.section.statements',
  roles: 'documents.lifecycle.template.section.roles',
  steps: 'documents.lifecycle.template.section.steps',
  records: 'documents.lifecycle.template.section.records',
  references: 'documents.lifecycle.template.section.references',
  objectives: 'documents.lifecycle.template.section.objectives',
  review: 'documents.lifecycle.template.section.review',
} as const;
type Section = keyof typeof SECTION_KEYS;

const SECTIONS: Record<TemplateId, readonly Section[]> = {
  policy: ['purpose', 'scope', 'statements', 'roles', 'review'],
  plan: ['purpose', 'scope', 'objectives', 'roles', 'steps', 'review'],
  procedure: ['purpose', 'scope', 'roles', 'steps', 'records', 'references'],
  workInstruction: ['purpose', 'steps', 'records'],
  blank: [],
};

/** The template that suits a document type. */
export function templateFor(docType: string): TemplateId {
  if (docType === 'Policy') return 'policy';
  if (docType === 'Plan') return 'plan';
  if (docType === 'Procedure' || docType === 'Process description') return 'procedure';
  if (docType === 'Work instruction') return 'workInstruction';
  return 'blank';
}

/** The Markdown file of a template for a document titled `title`. */
export function templateFile(t: TFunction, id: TemplateId, title: string): { name: string; bytes: Uint8Array } {
  const heading = title.trim() || t('documents.lifecycle.template.untitled');
  const body = SECTIONS[id].map((s) => `## ${t(SECTION_KEYS[s])}\n\n${t('documents.lifecycle.template.placeholder')}\n`).join('\n');
  const text = `# ${heading}\n\n${body}`;
  return { name: `${id}.md`, bytes: new TextEncoder().encode(text) };
}
