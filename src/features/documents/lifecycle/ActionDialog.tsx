import { useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import type { Refusal } from '../../../domain/documents/results.js';
import { DocumentRuleError } from '../services/types.js';
import { useLifecycleStyles } from './Lifecycle.styles.js';
import { fieldMessage, messagesByField, refusalField, refusalMessage, type FormField } from './messages.js';

export interface ActionDialogContext {
  /** The problem to show next to a field (from the rules), if any. */
  fieldError(field: FormField): string | undefined;
  busy: boolean;
}

export interface ActionDialogProps {
  triggerLabel: string;
  /** The trigger's accessible name when its visible label is not unique on the page (e.g. one per version row). */
  triggerAriaLabel?: string;
  title: string;
  confirmLabel: string;
  /** Primary for the step the document is waiting for. */
  primary?: boolean;
  description?: ReactNode;
  children?: (ctx: ActionDialogContext) => ReactNode;
  /** The rules' answer before anything is sent (a dry run); a refusal is shown and nothing runs. */
  precheck?: () => Refusal | null;
  /** Runs the step; rejects with `DocumentRuleError` (shown like a precheck refusal) or a Graph error. */
  run: () => Promise<unknown>;
  /** Clears the dialog's fields (after success or cancel). */
  onReset?: () => void;
  nameOf?: (id: string) => string;
}

/**
 * After a step the page re-renders around its new state and the button that opened the dialog
 * may be gone (e.g. "Submit for review" once submitted). Focus moves to the screen's heading so
 * keyboard and screen-reader users continue from the top of the updated page — and the dialog's
 * focus trap lets go of the rest of the page (a programmatic focus outside it ends it).
 */
export function focusScreenHeading(): void {
  const main = document.getElementById('main') ?? document.body;
  const heading = main.querySelector<HTMLElement>('h1');
  heading?.focus();
}

/**
 * A lifecycle step in a dialog: the fields it needs, the rules' refusal next to the field it is
 * about (or at the top), Graph failures with "Try again" — and what the user typed stays until
 * the step succeeds or they cancel.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const styles = useLifecycleStyles();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<unknown>(null);

  const byField = messagesByField(t, refusal?.errors, props.nameOf);
  const at = refusal ? refusalField(refusal) : null;
  const fieldError = (field: FormField): string | undefined => byField[field] ?? (refusal && at === field ? refusalMessage(t, refusal) : undefined);
  const topRefusal = refusal !== null && (at === null || !props.children);

  function reset() {
    setRefusal(null);
    setError(null);
    props.onReset?.();
  }

  async function confirm() {
    setError(null);
    const early = props.precheck?.() ?? null;
    setRefusal(early);
    if (early) return;
    setBusy(true);
    try {
      await props.run();
      setOpen(false);
      reset();
      setTimeout(focusScreenHeading, 0);
    } catch (e) {
      if (e instanceof DocumentRuleError) setRefusal(e.refusal);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (busy) return;
        setOpen(d.open);
        if (!d.open) reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={props.primary ? 'primary' : 'secondary'} aria-label={props.triggerAriaLabel}>
          {props.triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
          noValidate
        >
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.dialogForm}>
              {props.description}
              {topRefusal && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{t('documents.lifecycle.refusedTitle')}</MessageBarTitle>
                    {refusalMessage(t, refusal)}
                    {refusal.errors?.length ? (
                      <ul>
                        {refusal.errors.map((e, i) => (
                          <li key={i}>{fieldMessage(t, e, props.nameOf)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </MessageBarBody>
                </MessageBar>
              )}
              {props.children?.({ fieldError, busy })}
              {error ? <ErrorMessage error={error} onRetry={() => void confirm()} /> : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={busy}>{t('documents.lifecycle.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={busy}>
                {busy ? t('documents.lifecycle.working') : props.confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
