import { makeStyles } from '@fluentui/react-components';

/** A table scrolls sideways inside its own box rather than widening the page (theme tokens only). */
export const useDataTableStyles = makeStyles({
  wrap: {
    overflowX: 'auto',
    maxWidth: '100%',
  },
});
