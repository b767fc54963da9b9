import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../../app/session/SessionContext.js';
import type { Refusal } from '../../../../domain/documents/results.js';
import { documentPath } from '../../../../platform/paths.js';
import { useSingleFlight } from '../../../../ui/useSingleFlight.js';
import { emptyMetadataForm, toMetadata, type MetadataFormValue } from '../../components/metadataForm.js';
import { readFileBytes } from '../../components/readFile.js';
import { groupsQuery } from '../../queries.js';
import { messagesByField, type FormField } from '../../i18n/messages.js';
import { createDocumentMutation } from '../../mutations.js';
import { checkNewDocument, DocumentRuleError, fileKindOf, newCreateKey, type DocumentServices, type FileInput, type UploadProgress } from '../../services/index.js';
import { templateFile, templateFor, type TemplateId } from './templates.js';

/** Where the new document's content comes from. */
export type Source = 'file' | 'template';

/**
 * The new-document form's state and its one step. The rules check the metadata first (problems
 * next to their fields); the app then reserves the next DocId of the type and uploads. After a
 * failure everything typed stays, and the next attempt reuses the DocId already reserved and the
 * file name of the first attempt. Changing the DocType or mandatory item drops the reserved DocId
 * (its prefix would no longer fit); the next attempt reserves another.
 *
 * Double submission: the form runs one attempt at a time, from the click until it settles
 * (`useSingleFlight`: the file is read before the mutation starts, when `isPending` is still
 * false), and every attempt carries the form's creation key (`requestKey`, made when the form
 * opens), so a create repeated after an ambiguous failure finds and finishes the document the
 * earlier attempt made instead of making a second one. A new DocType or mandatory item is
 * another request (another DocId), so it gets another key.
 */
export function useNewDocument(services: DocumentServices) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { client } = useSession();
  const groups = useQuery(groupsQuery(client));
  const [form, setForm] = useState<MetadataFormValue>(() => emptyMetadataForm(services.me.id));
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [template, setTemplate] = useState<TemplateId | ''>('');
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [reservedDocId, setReservedDocId] = useState<string | null>(null);
  const [firstFileName, setFirstFileName] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [requestKey, setRequestKey] = useState(newCreateKey);
  const create = useMutation(createDocumentMutation(services, queryClient));
  const flight = useSingleFlight();

  const nameOf = (id: string) => services.people.nameOf(id);

  /** Changes some fields of the form. */
  const patch = (p: Partial<MetadataFormValue>) => {
    // The reserved DocId's prefix belongs to the DocType (SCP: mandatory item D1): another type needs another number.
    const renumber = (p.docType !== undefined && p.docType !== form.docType) || (p.mandatoryItem !== undefined && p.mandatoryItem !== form.mandatoryItem);
    if (renumber && reservedDocId) {
      setReservedDocId(null);
      setFirstFileName(null);
      setRequestKey(newCreateKey());
    }
    setForm((f) => ({ ...f, ...p }));
  };

  async function chosenFile(): Promise<FileInput | null> {
    if (source === 'template') return templateFile(t, template || templateFor(form.docType), form.title);
    if (!file) return null;
    return { name: file.name, bytes: await readFileBytes(file) };
  }

  /**
   * Checks the form with the rules and, when nothing is refused, creates the document and opens its
   * page. A submit while an attempt is running (a double click, "Try again" pressed twice) does nothing.
   */
  function submit(e?: FormEvent): Promise<void> {
    e?.preventDefault();
    return flight.run(attempt);
  }

  async function attempt(): Promise<void> {
    const metadata = toMetadata(form);
    const problems: Partial<Record<FormField, string>> = {};
    if (source === 'file' && !file) problems.file = t('documents.lifecycle.new.fileRequired');
    else if (source === 'file' && file && !fileKindOf(file.name)) problems.file = t('documents.lifecycle.new.fileType');
    const ruled = checkNewDocument(services, metadata, reservedDocId);
    setRefusal(ruled);
    setErrors({ ...messagesByField(t, ruled?.errors, nameOf), ...problems });
    if (ruled || Object.keys(problems).length > 0) return;
    const input = await chosenFile();
    if (!input) return;
    setProgress(null);
    try {
      const { docId } = await create.mutateAsync({
        request: { metadata, file: input, docId: reservedDocId, fileName: reservedDocId ? firstFileName : null, requestKey },
        callbacks: { onDocId: setReservedDocId, onFileName: setFirstFileName, onProgress: setProgress },
      });
      void navigate(documentPath(docId));
    } catch (err) {
      // Shown from the mutation's state (`refusal`, `graphError`); the form keeps what was typed.
      if (err instanceof DocumentRuleError) {
        setRefusal(err.refusal);
        setErrors(messagesByField(t, err.refusal.errors, nameOf));
      }
    }
  }

  return {
    form,
    patch,
    source,
    setSource,
    file,
    setFile,
    /** The template chosen, or the one that fits the DocType. */
    template: template || templateFor(form.docType),
    setTemplate,
    groups: groups.data ?? [],
    /** Field problems by field. */
    errors,
    /** The rules' refusal of the last attempt, if any. */
    refusal,
    reservedDocId,
    busy: flight.running || create.isPending,
    /** Upload progress of the running attempt (0–1), and whether there is any to show. */
    progress: progress && progress.total > 0 ? progress.uploaded / progress.total : 0,
    uploading: create.isPending && progress !== null,
    /** A Graph failure of the last attempt (a refusal is shown as `refusal` instead). */
    graphError: create.error && !(create.error instanceof DocumentRuleError) ? create.error : null,
    submit,
  };
}

export type NewDocumentState = ReturnType<typeof useNewDocument>;
