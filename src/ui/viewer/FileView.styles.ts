import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of a shown document file (FileView.tsx; theme tokens only). */
export const useFileViewStyles = makeStyles({
  viewer: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    maxHeight: '640px',
    overflowY: 'auto',
    // Long words and tables stay inside the frame at phone width instead of widening the page.
    overflowWrap: 'anywhere',
    overflowX: 'auto',
    minWidth: 0,
  },
  frame: {
    width: '100%',
    height: '600px',
    maxHeight: '80vh',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});
