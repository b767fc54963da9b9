/**
 * The acknowledgement figure of a release or campaign, as one line: "SMS-POL-001 3.0: 15 of 16 acknowledged
 * (93%) · 1 overdue", a link to its compliance report. Home's "Acknowledgement compliance" card, the document
 * page and the "Acknowledgement status" web part show it.
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { compliancePercent, type AckFigures } from '../../../domain/acknowledgements/index.js';
import { RouterLink } from '../../../app/shell/RouterLink.js';

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1 },
});

export interface AckStatusProps {
  readonly docId: string;
  readonly versionLabel: string;
  /** Null: the campaign has not been counted yet. */
  readonly figures: AckFigures | null;
  /** The compliance report it links to. */
  readonly to: string;
  /**
   * Open the report in the full app in a new tab: the "Acknowledgement status" web part's host has no route of the
   * app's own (webparts/WebPartRoutes.tsx), so an in-page link would lead nowhere there.
   */
  readonly newTab?: boolean;
}

/** The figure's words, e.g. "SMS-POL-001 3.0: 15 of 16 acknowledged (93%)". */
export function useAckFigureText(): (p: Pick<AckStatusProps, 'docId' | 'versionLabel' | 'figures'>) => string {
  const { t } = useTranslation();
  return ({ docId, versionLabel, figures }) => {
    const what = { docId, version: versionLabel };
    if (!figures) return t('ackStatus.notCounted', what);
    const percent = compliancePercent(figures);
    if (percent === null) return t('ackStatus.nobody', what);
    return t('ackStatus.figure', { ...what, done: figures.acknowledged, targeted: figures.targeted, percent });
  };
}

/** One figure line: the words as a link to the report, then the overdue count when there is one. */
export function AckStatus(props: AckStatusProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const text = useAckFigureText()(props);
  const overdue = props.figures?.overdue ?? 0;
  return (
    <span>
      {props.newTab ? (
        <Link href={props.to} target="_blank" rel="noopener noreferrer">
          {text}
        </Link>
      ) : (
        <RouterLink to={props.to}>{text}</RouterLink>
      )}
      {overdue > 0 && (
        <>
          {' · '}
          <span className={styles.overdue}>{t('ackStatus.overdue', { count: overdue })}</span>
        </>
      )}
    </span>
  );
}
