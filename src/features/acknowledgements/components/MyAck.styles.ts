import { makeStyles, tokens } from '@fluentui/react-components';
import { CARD_LIST_STYLES } from '../../../ui/cardList.styles.js';

/**
 * Styles of the employee's acknowledgement parts (the screen, the request panel, the document page's
 * part); theme tokens only, so the light, dark and high-contrast themes all apply. One column that
 * stacks at any width: nothing is wider than the screen at 320 px.
 */
export const useMyAckStyles = makeStyles({
  ...CARD_LIST_STYLES,
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
