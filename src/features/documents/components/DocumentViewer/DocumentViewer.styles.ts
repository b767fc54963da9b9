import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Styles of the document viewer (DocumentViewer.tsx; theme tokens only). The rest of the page's
 * layout is in screens/DocumentScreen/DocumentScreen.styles.ts.
 */
export const useDocumentViewerStyles = makeStyles({
  viewer: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    maxHeight: '640px',
    overflowY: 'auto',
  },
  frame: {
    width: '100%',
    height: '600px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});
