import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { RefusalMessage } from '../../../../ui/RefusalMessage.js';
import { useSingleFlight } from '../../../../ui/useSingleFlight.js';
import { checkCreate } from '../../../../domain/registers/lifecycle.js';
import { refusalText, registerName } from '../../i18n/labels.js';
import { useCreateRecord } from '../../mutations.js';
import { registerConfig, type RegisterConfig } from '../../services/catalog.js';
import { recordPath, registerListPath } from '../../services/paths.js';
import { useRegisterContext } from '../../useRegisterContext.js';
import { UnknownRegister } from '../RegisterList/UnknownRegister.js';
import { RecordFields } from './RecordFields.js';
import { valuesOf } from './recordDraft.js';
import { useRecordForm } from './useRecordForm.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** `/registers/:register/new`: a new record of a register (its first status; the Ref comes from SMS Sequences). */
export function NewRecord() {
  const { t } = useTranslation();
  const { register } = useParams();
  const config = registerConfig(register);
  if (!config) return <UnknownRegister register={register ?? ''} />;
  return (
    <>
      <ScreenHeading>{t('registers.form.newHeading', { register: registerName(t, config.schema) })}</ScreenHeading>
      <NewRecordForm key={config.key} config={config} />
    </>
  );
}

function NewRecordForm({ config }: { config: RegisterConfig }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const { context, people, error, retry } = useRegisterContext();
  const form = useRecordForm(config, null);
  const create = useCreateRecord(context);
  const flight = useSingleFlight();
  if (error) return <ErrorMessage error={error} context={t('registers.form.loadError')} onRetry={retry} />;
  if (!context) return <Loading label={t('registers.form.loading')} />;
  const createRefusal = config.key === 'competenceRecords' ? null : checkCreate(config.key, {}, context.actor);
  if (createRefusal) return <RefusalMessage title={t('registers.form.cannotCreate')} message={refusalText(t, createRefusal)} />;

  async function submit() {
    form.clearProblems();
    create.reset();
    await flight.run(async () => {
      try {
        const record = await create.mutateAsync({ register: config.key, values: valuesOf(form.columns, form.draft) });
        navigate(recordPath(config.key, Number(record.id)));
      } catch (e) {
        form.showFailure(e);
      }
    });
  }

  const otherFailure = create.error && !form.problems ? create.error : null;
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Body1 as="p">{t('registers.form.newIntro')}</Body1>
      {form.problems && <RefusalMessage title={t('registers.form.notSaved')} message={form.problems.message} problems={form.problems.list} />}
      {otherFailure && <ErrorMessage error={otherFailure} context={t('registers.form.createFailed')} onRetry={() => void submit()} />}
      <RecordFields
        columns={form.columns}
        draft={form.draft}
        onChange={form.setField}
        problems={form.problems?.byField ?? {}}
        people={people}
        client={context.client}
        siteId={context.site.siteId}
        disabled={flight.running}
        statusColumn={config.statusColumn}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={flight.running}>
          {flight.running ? t('registers.form.creating') : t('registers.form.create')}
        </Button>
        <RouterLink to={registerListPath(config.key)}>{t('registers.form.cancel')}</RouterLink>
      </div>
    </form>
  );
}
