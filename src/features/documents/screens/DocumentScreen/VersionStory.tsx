import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DOC_STATUS_KEYS, keyOf } from '../../i18n/labels.js';
import type { DocumentVersionView, StoryEntry, StoryState } from '../../services/index.js';

/** The words for a version's state (Draft, In review, …, Unpublished change). */
export function useStoryStateLabel(): (state: StoryState) => string {
  const { t } = useTranslation();
  return (state) => {
    if (state === 'Unpublished change') return t('documents.detail.history.unpublishedChange');
    const key = keyOf(DOC_STATUS_KEYS, state);
    return key ? t(key) : state;
  };
}

/**
 * The header's version line: the published version, and for people who see drafts the version being
 * worked on, with the same label the content, the history and the dialogs show.
 */
export function VersionLine({ published, working }: { published: string | null; working: DocumentVersionView | null }) {
  const { t } = useTranslation();
  const workingText = !working
    ? ''
    : working.state === 'In review'
      ? t('documents.detail.inReviewVersion', { version: working.label })
      : working.state === 'Approved'
        ? t('documents.detail.approvedVersion', { version: working.label })
        : t('documents.detail.draftVersion', { version: working.label });
  return (
    <>
      {published ? t('documents.detail.publishedVersion', { version: published }) : t('documents.detail.notPublished')}
      {workingText ? ` · ${workingText}` : ''}
    </>
  );
}

/**
 * A warning while the version in review (or approved) is not what was submitted: a revision was saved
 * after submission other than by a status step, so approving it would approve what the reviewers did
 * not see. `story` is the history, newest first.
 */
export function ChangedAfterSubmission({ story }: { story: readonly StoryEntry[] }) {
  const { t } = useTranslation();
  const newest = story[0];
  if (!newest || !newest.changedAfterSubmission || (newest.state !== 'In review' && newest.state !== 'Approved')) return null;
  // The first revision of the review that was not a status step.
  const run = story.slice(0, story.findIndex((e) => !e.changedAfterSubmission) === -1 ? story.length : story.findIndex((e) => !e.changedAfterSubmission));
  const first = run[run.length - 1] ?? newest;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('documents.detail.changedAfterSubmissionTitle')}</MessageBarTitle>
        {t('documents.detail.changedAfterSubmissionBody', { version: newest.label, revision: first.revision })}
      </MessageBarBody>
    </MessageBar>
  );
}
