/**
 * Acknowledging one request: the attestation sentence (stored exactly as shown, in the UI language)
 * and ONE button. The button is enabled once the published version was read and its SHA-256 computed
 * (what the acknowledgement records). A click runs `acknowledge` once (`useSingleFlight`: a double
 * click, Enter pressed twice or "Try again" during the write does nothing more; the engine writes
 * exactly once per person and release in any case). A refusal shows its reason; a failed write keeps
 * everything as it was and offers "Try again".
 */
import { useId } from 'react';
import { Body1, Body1Strong, Button, Caption1 } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import type { AckRequest, Acknowledgement } from '../../../domain/acknowledgements/index.js';
import { RefusalMessage } from '../../../ui/RefusalMessage.js';
import { useSingleFlight } from '../../../ui/useSingleFlight.js';
import { useRefusalOf } from '../i18n/myLabels.js';
import { acknowledgeMutation } from '../mutations.js';
import type { ShownVersion } from '../queries.js';
import type { MyAckContext } from '../useMyAckContext.js';
import { useMyAckStyles } from './MyAck.styles.js';

export interface AcknowledgeFormProps {
  readonly ctx: MyAckContext;
  readonly request: AckRequest;
  /** The version shown and its hash; undefined while it is being read. */
  readonly shown: ShownVersion | undefined;
  /** After the acknowledgement is recorded (or found recorded by an earlier attempt). */
  readonly onAcknowledged?: (ack: Acknowledgement) => void;
}

/** The attestation sentence of a request, as shown and stored. */
export function useAttestation(): (request: Pick<AckRequest, 'docId' | 'docTitle' | 'versionLabel'>) => string {
  const { t } = useTranslation();
  return (r) => (r.docTitle.trim() ? t('ackMine.attestation', { version: r.versionLabel, docId: r.docId, title: r.docTitle.trim() }) : t('ackMine.attestationNoTitle', { version: r.versionLabel, docId: r.docId }));
}

export function AcknowledgeForm({ ctx, request, shown, onAcknowledged }: AcknowledgeFormProps) {
  const { t } = useTranslation();
  const styles = useMyAckStyles();
  const qc = useQueryClient();
  const mutation = useMutation(acknowledgeMutation(ctx, qc));
  const flight = useSingleFlight();
  const refusalOf = useRefusalOf();
  const attestation = useAttestation()(request);
  const statementId = useId();
  const waitId = useId();
  const what = { docId: request.docId, version: request.versionLabel };

  const submit = () =>
    void flight.run(async () => {
      if (!shown) return;
      try {
        const { ack } = await mutation.mutateAsync({ request, attestation, fileHash: shown.fileHash });
        onAcknowledged?.(ack);
      } catch {
        // Shown below from the mutation's error; nothing changed on the screen.
      }
    });

  const refusal = mutation.isError ? refusalOf(mutation.error, what) : null;
  return (
    <div className={styles.attest} role="group" aria-labelledby={statementId}>
      <Body1 as="p" id={statementId} className={styles.statement}>
        <Body1Strong>{attestation}</Body1Strong>
      </Body1>
      <div>
        <Button appearance="primary" disabled={!shown || flight.running} aria-describedby={!shown ? waitId : undefined} onClick={submit}>
          {flight.running ? t('ackMine.acknowledging') : t('ackMine.acknowledge')}
        </Button>
      </div>
      {!shown && <Caption1 id={waitId}>{t('ackMine.waitingForFile')}</Caption1>}
      {mutation.isError && !flight.running && (refusal ? <RefusalMessage title={t('ackMine.refusedTitle')} message={refusal.message} /> : <ErrorMessage error={mutation.error} context={t('ackMine.failed', what)} onRetry={submit} />)}
    </div>
  );
}
