import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout of an action dialog's content (theme tokens only). */
export const useActionDialogStyles = makeStyles({
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    // The content scrolls when it is taller than the dialog; its parts keep their height instead
    // of shrinking into each other (a message bar would otherwise slide under the next fieldset).
    '& > *': { flexShrink: 0 },
  },
});
