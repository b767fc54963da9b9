import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the web part frame; theme tokens only. */
export const useWebPartStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    boxSizing: 'border-box',
    maxWidth: '1200px',
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    ':focus': { outlineStyle: 'none' },
  },
  list: {
    marginBlock: 0,
  },
});
