import { tokens } from '@fluentui/react-components';

/**
 * The surface of a card (Home's count cards, a request to acknowledge): theme tokens only. Shadows vanish in high
 * contrast, so a border transparent in the light and dark themes and drawn in the high-contrast theme (and by forced
 * colours) keeps each card outlined. Spread it into a `makeStyles` slot.
 */
export const CARD_SURFACE = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
  padding: tokens.spacingHorizontalL,
  borderRadius: tokens.borderRadiusLarge,
  backgroundColor: tokens.colorNeutralBackground1,
  boxShadow: tokens.shadow4,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
} as const;
