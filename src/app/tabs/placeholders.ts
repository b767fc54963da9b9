/**
 * True for a value Teams left unfilled: empty, or a `{placeholder}` passed through literally (the
 * manifest README asks us to treat both as absent; which one Teams sends is not verified).
 */
export function isUnfilled(value: string | null | undefined): boolean {
  const v = value?.trim() ?? '';
  return v === '' || v.startsWith('{');
}
