import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActionDialogStyles } from './ActionDialog.styles.js';
import { ErrorView } from './ErrorView.js';
import { problemsByField, RefusalMessage, type RefusalExplanation } from './RefusalMessage.js';
import { useSingleFlight } from './useSingleFlight.js';

/** What the dialog's fields get while it is open. */
export interface ActionDialogContext<F extends string = string> {
  /** The problem to show next to a field (from the rules' refusal), if any. */
  fieldError(field: F): string | undefined;
  /** The same problems by field, for a group of fields that takes them all. */
  fieldErrors: Partial<Record<F, string>>;
  /** The step is running: fields are disabled. */
  busy: boolean;
}

/**
 * A step in a dialog. `R` is the feature's refusal (what its rules answer), `F` the names of the
 * dialog's fields; `explain` turns a refusal into words.
 */
export interface ActionDialogProps<R = never, F extends string = string> {
  triggerLabel: string;
  /** The trigger's accessible name when its visible label is not unique on the page (e.g. one per table row). */
  triggerAriaLabel?: string;
  title: string;
  confirmLabel: string;
  /** A primary trigger, for the step the record is waiting for. */
  primary?: boolean;
  description?: ReactNode;
  /** Shown above the fields, e.g. a conflict the caller lets the user resolve. */
  notice?: ReactNode;
  children?: (ctx: ActionDialogContext<F>) => ReactNode;
  /** The rules' answer before anything is sent (a dry run); a refusal is shown and nothing runs. */
  precheck?: () => R | null;
  /** Runs the step. The dialog closes when it resolves; a rejection is shown and the dialog stays open. */
  run: () => Promise<unknown>;
  /** The refusal a failure of `run` carries (shown like a precheck refusal), or null for other failures. */
  refusalOf?: (error: unknown) => R | null;
  /** A refusal in the user's language. Required when the dialog can be refused. */
  explain?: (refusal: R) => RefusalExplanation<F>;
  /** Takes a failure of `run` the caller shows itself (return true); other failures show with "Try again". */
  onFailure?: (error: unknown) => boolean;
  /** Called when the dialog opens (e.g. to load the form from the latest record). */
  onOpen?: () => void;
  /** Clears the dialog's fields (after success or cancel). */
  onReset?: () => void;
  /** The caller is busy too (e.g. reloading): the dialog cannot close and its buttons are disabled. */
  busy?: boolean;
  /** Disables the confirm button (e.g. until a conflict is resolved). */
  confirmDisabled?: boolean;
  /** Where focus goes after the step succeeded (default: the screen's heading, see `focusScreenHeading`). */
  afterSuccess?: () => void;
}

/**
 * After a step the page re-renders around its new state and the button that opened the dialog
 * may be gone (e.g. "Submit for review" once submitted). Focus moves to the screen's heading (the
 * h1 of `#main`) so keyboard and screen-reader users continue from the top of the updated page —
 * and the dialog's focus trap lets go of the rest of the page (a programmatic focus outside it ends it).
 */
export function focusScreenHeading(): void {
  const main = document.getElementById('main') ?? document.body;
  const heading = main.querySelector<HTMLElement>('h1');
  heading?.focus();
}

/**
 * A step in a dialog, for every area: the fields it needs, the rules' refusal next to the field it
 * is about (or at the top), other failures with "Try again" — and what the user typed stays until
 * the step succeeds or they cancel. While the step runs the dialog cannot be closed.
 */
export function ActionDialog<R = never, F extends string = string>(props: ActionDialogProps<R, F>) {
  const { t } = useTranslation();
  const styles = useActionDialogStyles();
  const [open, setOpen] = useState(false);
  // One run at a time, from the first click (or Enter, or "Try again") until the step settles.
  const flight = useSingleFlight();
  const running = flight.running;
  const [refusal, setRefusal] = useState<RefusalExplanation<F> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = running || props.busy === true;

  const at = refusal?.at ?? null;
  const fieldErrors: Partial<Record<F, string>> = problemsByField(refusal?.problems);
  if (refusal && at !== null && fieldErrors[at] === undefined) fieldErrors[at] = refusal.message;
  const fieldError = (field: F): string | undefined => fieldErrors[field];
  const topRefusal = refusal !== null && (at === null || !props.children);

  function refused(r: R | null): boolean {
    if (r === null) {
      setRefusal(null);
      return false;
    }
    if (!props.explain) throw new Error('An ActionDialog that can be refused needs `explain`.');
    setRefusal(props.explain(r));
    return true;
  }

  function reset() {
    setRefusal(null);
    setError(null);
    props.onReset?.();
  }

  /** Checks and runs the step; a second call while one is running (a double click) does nothing. */
  function confirm(): Promise<void> {
    return flight.run(async () => {
      if (props.busy === true) return;
      setError(null);
      if (refused(props.precheck?.() ?? null)) return;
      try {
        await props.run();
        setOpen(false);
        reset();
        setTimeout(props.afterSuccess ?? focusScreenHeading, 0);
      } catch (e) {
        if (refused(props.refusalOf?.(e) ?? null)) return;
        if (!props.onFailure?.(e)) setError(e);
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (busy) return;
        if (d.open) props.onOpen?.();
        else reset();
        setOpen(d.open);
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
            <DialogContent className={styles.content}>
              {props.description}
              {props.notice}
              {topRefusal && <RefusalMessage message={refusal.message} problems={refusal.problems?.map((p) => p.message)} />}
              {props.children?.({ fieldError, fieldErrors, busy })}
              {error ? <ErrorView error={error} onRetry={() => void confirm()} /> : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={busy}>{t('ui.actionDialog.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={busy || props.confirmDisabled === true}>
                {running ? t('ui.actionDialog.working') : props.confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
