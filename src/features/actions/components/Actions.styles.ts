import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CARD_LIST_STYLES } from '../../../ui/cardList.styles.js';

/**
 * Styles of the Actions area (My actions, the action page, a record's actions): theme tokens only, so the
 * light, dark and high-contrast themes all apply; one column that wraps at any width, nothing wider than
 * the screen at 320 px.
 */
export const useActionsStyles = makeStyles({
  ...CARD_LIST_STYLES,
  note: {
    color: tokens.colorNeutralForeground2,
  },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  details: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 480px)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
    },
  },
  term: {
    ...typographyStyles.body1Strong,
    margin: 0,
  },
  definition: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  steps: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  step: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  fields: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  reportList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
  },
});
