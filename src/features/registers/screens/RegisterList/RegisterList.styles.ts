import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of a register's list; theme tokens only. Filters wrap into one column at 320 px; the table scrolls inside its own box. */
export const useRegisterListStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  legend: { ...typographyStyles.subtitle2, margin: 0, paddingBottom: tokens.spacingVerticalS },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 200px), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  search: { gridColumn: '1 / -1', maxWidth: '560px', minWidth: 0 },
  filter: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  summary: { flexGrow: 1, color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground2 },
  table: { minWidth: '720px', tableLayout: 'auto' },
  badge: { whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  titleCell: { minWidth: '12rem' },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});
