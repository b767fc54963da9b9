import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout of the metadata fields: groups of fields in a responsive grid (theme tokens only). */
export const useMetadataFieldsStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  fieldset: {
    // A fieldset is as wide as its widest control by default (min-inline-size: min-content), so a
    // long process name would push it out of its grid column: let it shrink like any grid item.
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  /** A select that keeps to its field's width; a long option is cut with an ellipsis. */
  selectControl: {
    minWidth: 0,
    width: '100%',
    textOverflow: 'ellipsis',
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
});
