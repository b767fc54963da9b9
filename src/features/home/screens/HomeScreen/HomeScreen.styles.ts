import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

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
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast: a border that is transparent in the light and dark themes
    // and drawn in the high-contrast theme (and by forced colours) keeps each card outlined.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
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
