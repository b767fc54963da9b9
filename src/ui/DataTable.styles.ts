import { makeStyles, tokens } from '@fluentui/react-components';

/** A table scrolls sideways inside its own box rather than widening the page (theme tokens only). */
export const useDataTableStyles = makeStyles({
  wrap: {
    overflowX: 'auto',
    maxWidth: '100%',
  },
  /**
   * Fluent's row hover paints `colorSubtleBackgroundHover` under the cells, which leaves their links below 4.5:1
   * (dark: #7f85f5 on #383838 is 3.7:1; Teams high contrast: yellow on cyan is 1.4:1, axe "color-contrast").
   * Rows here are not interactive, so hover keeps the background and darkens the row's bottom rule instead.
   */
  row: {
    ':hover': { backgroundColor: 'transparent', borderBottomColor: tokens.colorNeutralStrokeAccessible },
  },
});
