import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** One problem with one field, in the user's language. */
export interface FieldProblem<F extends string = string> {
  field: F;
  message: string;
}

/**
 * Why the rules refused a step, already in the user's language: a feature turns its rules'
 * refusal (codes) into this, and the shared UI shows it the same way in every area.
 */
export interface RefusalExplanation<F extends string = string> {
  /** The sentence that says why. */
  message: string;
  /** Problems with particular fields, shown next to them (and listed under the sentence). */
  problems?: readonly FieldProblem<F>[];
  /** The field the refusal itself is about when it has no field problems (shown there); null: nowhere in particular. */
  at?: F | null;
}

/** Field problems by field; several problems of one field are joined into one message. */
export function problemsByField<F extends string>(problems: readonly FieldProblem<F>[] | undefined): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const p of problems ?? []) {
    const before = out[p.field];
    out[p.field] = before ? `${before} ${p.message}` : p.message;
  }
  return out;
}

export interface RefusalMessageProps {
  /** The sentence that says why. */
  message: string;
  /** The heading of the message (default: "Not possible"). */
  title?: string;
  /** The problems listed under the sentence (e.g. every field problem of the form). */
  problems?: readonly string[];
}

/**
 * A step the rules refused, explained: an error message bar with a heading, the reason and the
 * problems to fix. Nothing was sent when this shows, and nothing the user typed is lost.
 */
export function RefusalMessage({ message, title, problems }: RefusalMessageProps) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('ui.refusal.title')}</MessageBarTitle>
        {message}
        {problems && problems.length > 0 ? (
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
