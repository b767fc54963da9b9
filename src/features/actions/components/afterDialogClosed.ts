/**
 * Runs `then` once no dialog is left on the page (or after `maxMs`). A step's dialog closes with an exit
 * motion; if the page re-renders around the step's result meanwhile and the step's trigger goes (a verified
 * action is no longer verified), the dialog is unmounted mid-exit and Fluent's focus trap leaves the rest of
 * the page `aria-hidden`, hidden from assistive technology. Refreshing after the dialog is gone avoids that.
 */
export function afterDialogClosed(then: () => void, maxMs = 3000): void {
  const started = Date.now();
  const check = () => {
    const open = typeof document !== 'undefined' && document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
    if (!open || Date.now() - started >= maxMs) then();
    else setTimeout(check, 50);
  };
  setTimeout(check, 0);
}
