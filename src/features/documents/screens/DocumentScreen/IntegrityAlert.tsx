import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reviewHistoryQuery } from '../../queries.js';
import { historyFindings, snapshotFindings, type DocumentServices, type DocumentSnapshot } from '../../services/index.js';

/**
 * The integrity alert of a document page: decisions of the current review that the server says were
 * not written by their approver (or were written by the author) do not count, and are named here for
 * the SMS manager, the document controllers and the auditors, for every version that went to review
 * (from the review history the page loads anyway; until it is there, the current round's). Published
 * versions whose approvals do not count are named too. `npm run verify` checks the rest.
 */
export function IntegrityAlert({ services, snapshot }: { services: DocumentServices; snapshot: DocumentSnapshot }) {
  const { t } = useTranslation();
  const history = useQuery(reviewHistoryQuery(services, snapshot));
  const findings = history.data && !history.data.decisionsHidden ? historyFindings(history.data) : snapshotFindings(snapshot);
  if (findings.length === 0) return null;
  const name = (id: string | null) => (id ? services.people.nameOf(id) : t('documents.integrity.unknownWriter'));
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('documents.integrity.title')}</MessageBarTitle>
        <ul>
          {findings.map((f, i) => (
            <li key={i}>
              {f.kind === 'decisionNotByAssignee'
                ? t('documents.integrity.decisionNotByAssignee', { decision: f.decision, approver: name(f.assigneeId), writer: name(f.writtenBy), version: f.versionLabel })
                : f.kind === 'decisionByAuthor'
                  ? t('documents.integrity.decisionByAuthor', { decision: f.decision, approver: name(f.assigneeId), version: f.versionLabel })
                  : f.kind === 'publishedWithoutApprovals'
                    ? t('documents.integrity.publishedWithoutApprovals', { version: f.versionLabel })
                    : null}
            </li>
          ))}
        </ul>
        {t('documents.integrity.consequence')}
      </MessageBarBody>
    </MessageBar>
  );
}
