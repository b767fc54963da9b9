import { Spinner } from '@fluentui/react-components';

/** A labelled spinner for a loading state. */
export function Loading({ label }: { label: string }) {
  return <Spinner size="small" labelPosition="after" label={label} />;
}
