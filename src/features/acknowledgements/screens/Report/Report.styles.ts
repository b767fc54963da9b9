import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of a compliance report; theme tokens only (light, dark and high contrast). */
export const useReportStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  meta: {
    color: tokens.colorNeutralForeground2,
    margin: 0,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  sectionHeading: {
    ...typographyStyles.subtitle1,
    margin: 0,
  },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  figure: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  figureLabel: {
    color: tokens.colorNeutralForeground2,
  },
  figureValue: {
    ...typographyStyles.title3,
  },
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
  },
  grow: {
    flexGrow: 1,
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
  table: {
    minWidth: '720px',
    tableLayout: 'auto',
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
});
