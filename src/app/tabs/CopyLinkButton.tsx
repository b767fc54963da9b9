import { useState } from 'react';
import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SubPageTarget } from './subPageId.js';
import { useTabStyles } from './Tabs.styles.js';
import { useTargetLink } from './useTargetLink.js';

/**
 * "Copy link" for a document, record or action: copies a Teams deep link inside Teams, the app's
 * own address elsewhere. Where the clipboard is blocked (some embedded hosts), it shows the link
 * in a read-only field to copy by hand.
 */
export function CopyLinkButton({ target, label }: { target: SubPageTarget; label?: string }) {
  const { t } = useTranslation();
  const styles = useTabStyles();
  const { link, ready } = useTargetLink(target, label);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('manual');
    }
  }

  return (
    <div className={styles.copyLink}>
      <Button disabledFocusable={!ready} onClick={() => void copy()}>
        {t('tabs.copyLink.button')}
      </Button>
      <Caption1 role="status">{state === 'copied' ? t('tabs.copyLink.copied') : ''}</Caption1>
      {state === 'manual' && (
        <Field label={t('tabs.copyLink.manual')}>
          <Input readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </Field>
      )}
    </div>
  );
}
