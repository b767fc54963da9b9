import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of the competence view; theme tokens only (light, dark and high contrast), one column at 320 px. */
export const useCompetenceStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { ...typographyStyles.subtitle1, margin: 0, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  subheading: { ...typographyStyles.subtitle2, margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  gaps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  gap: { color: tokens.colorPaletteRedForeground1 },
  none: { color: tokens.colorPaletteGreenForeground1 },
  person: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  nowrap: { whiteSpace: 'nowrap' },
  /** Tables keep readable columns and scroll sideways inside their box on a narrow screen (320 px). */
  table: { minWidth: '600px', tableLayout: 'auto' },
});
