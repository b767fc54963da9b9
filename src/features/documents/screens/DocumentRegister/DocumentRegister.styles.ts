import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of the document register; theme tokens only. */
export const useDocumentRegisterStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    margin: 0,
    padding: 0,
    border: 'none',
  },
  filter: {
    minWidth: 0,
  },
  select: {
    minWidth: 0,
    maxWidth: '100%',
  },
  selectControl: {
    minWidth: 0,
    width: '100%',
    textOverflow: 'ellipsis',
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
  legend: {
    ...typographyStyles.subtitle2,
    paddingBottom: tokens.spacingVerticalS,
  },
  search: {
    gridColumn: '1 / -1',
    maxWidth: '560px',
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  summary: {
    flexGrow: 1,
    color: tokens.colorNeutralForeground2,
  },
  tableWrap: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    minWidth: '960px',
    tableLayout: 'auto',
  },
  titleCell: {
    minWidth: '200px',
  },
  overdueRow: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    ':hover': {
      backgroundColor: tokens.colorPaletteRedBackground2,
    },
  },
  dueSoonRow: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    ':hover': {
      backgroundColor: tokens.colorPaletteYellowBackground2,
    },
  },
  reviewCell: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  withdrawn: {
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
  primaryClause: {
    fontWeight: tokens.fontWeightSemibold,
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxWidth: '480px',
  },
});
