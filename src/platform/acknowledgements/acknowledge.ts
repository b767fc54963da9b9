/**
 * A person acknowledges a release: exactly one `Acknowledgements` item per person and release, created with the
 * person's own token so that SharePoint stamps them as its creator (§6.3 rule 7: nobody acknowledges on someone
 * else's behalf). `AckKey` (`<release>:<user>`) enforces unique values, so a second create of the same
 * acknowledgement (a double click, a second tab, a retry after a timeout) is refused by SharePoint; the emulator
 * answers 409 (emulator/services/listFields.ts `checkUnique`). Whatever the status of a failed create, the key is
 * looked up: when the person's own acknowledgement is there, the create is done. A create left unanswered
 * (504, no response) is looked up the same way and sent again only when nothing landed.
 *
 * Minimum delegated scope: `Sites.ReadWrite.All` (the list grants staff "Add only").
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-create
 */
import type { GraphClient } from '../../../graph/core/client.js';
import { GraphError, isAmbiguousGraphFailure } from '../../../graph/core/errors.js';
import { createItem } from '../../../graph/lists/items.js';
import { acknowledgements } from '../../../graph/schema/acknowledgements.js';
import { ackTrustProblem, requestTransition, type AckRequest, type Acknowledgement, type AckRefusalCode } from '../../domain/acknowledgements/index.js';
import { listRefOf } from '../site.js';
import { newAcknowledgementFields } from './mapping.js';
import { findAcknowledgement, type AckSite } from './read.js';

/** The signed-in person acknowledging (from their token's profile: Entra object id and UPN). */
export interface AckPerson {
  readonly userId: string;
  readonly upn: string;
}

/** What the person was shown and accepted. */
export interface Attestation {
  /** The statement as shown, e.g. "I have read and understood version 3.0 of SMS-POL-001 …". */
  readonly attestation: string;
  /** SHA-256 (hex) of the bytes of the file version shown. */
  readonly fileHash: string;
  readonly channel?: 'App' | 'Teams card' | 'Email link';
}

/** An acknowledgement the rules refuse (nothing was written). */
export class AcknowledgementRefusedError extends Error {
  override readonly name: string = 'AcknowledgementRefusedError';
  constructor(
    readonly code: AckRefusalCode | 'attestationMissing' | 'notOwnAcknowledgement',
    message: string,
  ) {
    super(message);
  }
}

/** How many times a create is sent again after it went unanswered and nothing landed. */
const MAX_CREATE_ATTEMPTS = 3;

/**
 * Records `person`'s acknowledgement of `request` with `what` they accepted, exactly once. Returns the
 * acknowledgement and whether it already existed (an earlier click, tab or attempt wrote it).
 */
export async function acknowledge(
  client: GraphClient,
  site: AckSite,
  person: AckPerson,
  request: AckRequest,
  what: Attestation,
  opts: { readonly now: string; readonly signal?: AbortSignal },
): Promise<{ ack: Acknowledgement; already: boolean }> {
  if (request.status === 'Acknowledged') {
    const landed = await ownAcknowledgement(client, site, person, request, opts.signal);
    if (landed) return { ack: landed, already: true };
  } else {
    const allowed = requestTransition(request, { type: 'acknowledge', byUserId: person.userId });
    if (!allowed.ok) throw new AcknowledgementRefusedError(allowed.code, allowed.message);
  }
  if (person.userId.trim().toLowerCase() !== request.userId.trim().toLowerCase()) {
    throw new AcknowledgementRefusedError('notOwnRequest', `Only the person asked can acknowledge ${request.docId} ${request.versionLabel}.`);
  }
  if (what.attestation.trim() === '' || !/^[0-9a-f]{64}$/i.test(what.fileHash)) {
    throw new AcknowledgementRefusedError('attestationMissing', `Open ${request.docId} ${request.versionLabel} and read it before acknowledging it.`);
  }
  const fields = newAcknowledgementFields(request, { attestation: what.attestation, fileHash: what.fileHash.toLowerCase(), channel: what.channel ?? 'App' }, opts.now);
  for (let attempt = 1; ; attempt++) {
    try {
      const item = await createItem(client, site.siteId, listRefOf(site, acknowledgements.key), fields, opts.signal);
      const ack = await ownAcknowledgement(client, site, person, request, opts.signal);
      if (ack) return { ack, already: false };
      throw new Error(`The acknowledgement ${String(item.id)} was created but cannot be read back.`);
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      // Refused (409/400 on the unique key) or unanswered: look for the person's own acknowledgement.
      const landed = await ownAcknowledgement(client, site, person, request, opts.signal);
      if (landed) return { ack: landed, already: !isAmbiguousGraphFailure(e) };
      if (!isAmbiguousGraphFailure(e) || attempt >= MAX_CREATE_ATTEMPTS) throw e;
    }
  }
}

/**
 * The acknowledgement with the request's key, when it is the person's own and counts. Another acknowledgement under
 * their key (written by someone else, or edited) is refused: it is not evidence, and `npm run verify` reports it.
 */
async function ownAcknowledgement(client: GraphClient, site: AckSite, person: AckPerson, request: AckRequest, signal?: AbortSignal): Promise<Acknowledgement | null> {
  const ack = await findAcknowledgement(client, site, request.key, signal);
  if (!ack) return null;
  const problem = ackTrustProblem(ack);
  if (problem !== null || ack.userId.toLowerCase() !== person.userId.toLowerCase()) {
    throw new AcknowledgementRefusedError(
      'notOwnAcknowledgement',
      `An acknowledgement of ${request.docId} ${request.versionLabel} under your name exists but was not written by you, or was changed. Ask the SMS manager to look into it.`,
    );
  }
  return ack;
}
