import { useQueryClient } from '@tanstack/react-query';
import type { SmsRole } from '../../../../domain/roles.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ImportDialog } from '../../components/ImportDialog.js';
import { RegisterSummary } from '../../components/RegisterSummary.js';
import { registerListKey } from '../../queries.js';
import type { RegisterConfig } from '../../services/catalog.js';
import type { RegisterListState } from './useRegisterList.js';

/** Roles that may import records into a register from a file (they set up the registers, §6.2). */
const IMPORT_ROLES: readonly SmsRole[] = ['smsManager'];

/** The register's summary above its table (risk heat map, objectives' progress; nothing for the others). */
export function RegisterSummaryPart({ config }: { config: RegisterConfig }) {
  return <RegisterSummary register={config.key} />;
}

/** Export (the rows shown, or the whole register) and, for SMS managers, Import; a finished import reads the list again. */
export function RegisterTools({ config, state, roles, siteId }: { config: RegisterConfig; state: RegisterListState; roles: readonly SmsRole[]; siteId: string }) {
  const queryClient = useQueryClient();
  return (
    <>
      <ExportMenu register={config} rows={state.rows} />
      {roles.some((r) => IMPORT_ROLES.includes(r)) && (
        <ImportDialog register={config} onImported={() => void queryClient.invalidateQueries({ queryKey: registerListKey(siteId, config) })} />
      )}
    </>
  );
}
