import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CARD_SURFACE } from '../../../ui/card.styles.js';

/**
 * Styles of the employee's acknowledgement parts (the screen, the request panel, the document page's
 * part); theme tokens only, so the light, dark and high-contrast themes all apply. One column that
 * stacks at any width: nothing is wider than the screen at 320 px.
 */
export const useMyAckStyles = makeStyles({
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
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  reader: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  attest: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  statement: {
    margin: 0,
    overflowWrap: 'anywhere',
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
});
