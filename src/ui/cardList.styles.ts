import { tokens, typographyStyles } from '@fluentui/react-components';
import { CARD_SURFACE } from './card.styles.js';

/**
 * A column of sections holding lists of cards (a person's requests to acknowledge, their actions): theme tokens
 * only, so the light, dark and high-contrast themes all apply; one column that wraps at any width, nothing wider
 * than the screen at 320 px; an overdue card is marked on its edge and in words. Spread it into a `makeStyles` call.
 */
export const CARD_LIST_STYLES = {
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  sectionHeading: {
    ...typographyStyles.subtitle1,
    margin: 0,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  card: {
    ...CARD_SURFACE,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  overdueCard: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}`,
  },
  cardHeading: {
    ...typographyStyles.body1Strong,
    margin: 0,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  overdue: {
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
} as const;
