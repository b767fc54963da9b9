import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout of an action dialog's content (theme tokens only). */
export const useActionDialogStyles = makeStyles({
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});
