import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CARD_SURFACE } from '../../../../ui/card.styles.js';

/** Styles of the Home screen; theme tokens only. */
export const useHomeStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  sectionHeading: {
    ...typographyStyles.subtitle1,
    margin: 0,
  },
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: CARD_SURFACE,
  cardHeading: {
    ...typographyStyles.body1Strong,
    margin: 0,
  },
  count: {
    ...typographyStyles.largeTitle,
    margin: 0,
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
});
