import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createRegisterRecord, type CreateRegisterRecordInput } from './api/createRegisterRecord.js';
import { transitionRecord, type TransitionRecordInput } from './api/transitionRecord.js';
import { updateRegisterRecord, type UpdateRegisterRecordInput } from './api/updateRegisterRecord.js';
import { registerConfig } from './services/catalog.js';
import type { RegisterContext } from './services/context.js';
import { registerListKey } from './queries.js';

/** Every query of the register's list (list pages, records, histories) reads again after a write to it. */
function useRefreshRegister(ctx: RegisterContext | null) {
  const queryClient = useQueryClient();
  return (register: string) => {
    const config = registerConfig(register);
    if (ctx && config) void queryClient.invalidateQueries({ queryKey: registerListKey(ctx.site.siteId, config) });
  };
}

function requireContext(ctx: RegisterContext | null): RegisterContext {
  if (!ctx) throw new Error('The register context is not loaded yet.');
  return ctx;
}

export function useCreateRecord(ctx: RegisterContext | null) {
  const refresh = useRefreshRegister(ctx);
  return useMutation({
    mutationFn: (input: CreateRegisterRecordInput) => createRegisterRecord(requireContext(ctx), input),
    onSuccess: (_, input) => refresh(input.register),
  });
}

export function useUpdateRecord(ctx: RegisterContext | null) {
  const refresh = useRefreshRegister(ctx);
  return useMutation({
    mutationFn: (input: UpdateRegisterRecordInput) => updateRegisterRecord(requireContext(ctx), input),
    onSuccess: (_, input) => refresh(input.register),
  });
}

export function useTransitionRecord(ctx: RegisterContext | null) {
  const refresh = useRefreshRegister(ctx);
  return useMutation({
    mutationFn: (input: TransitionRecordInput) => transitionRecord(requireContext(ctx), input),
    // A refused or conflicting transition may mean the record moved on: read it again either way.
    onSettled: (_, __, input) => refresh(input.register),
  });
}
