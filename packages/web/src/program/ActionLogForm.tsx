import { useState, type FormEvent } from 'react';
import { Alert, Button, Details, Field, Fieldset, Label, Paragraph, Radio, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { Required } from '../app/ui/Required';
import { useFormErrors } from '../app/ui/useFormErrors';
import { programKeys } from './queries';
import { ACTION_STATUSES, type Action } from './types';

const today = () => new Date().toLocaleDateString('sv-SE');

/** A form that adds an update or a decision (with its case number) to an action's history. */
export function ActionLogForm({ action }: { action: Action }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const idp = `log-${action.id}`;
  const ids = { date: `${idp}-date`, kind: `${idp}-kind-update`, text: `${idp}-text`, caseNumber: `${idp}-case`, status: `${idp}-status` };
  const errors = useFormErrors(ids);
  const [values, setValues] = useState({ date: today(), kind: 'update', text: '', caseNumber: '', status: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api(`/actions/${encodeURIComponent(action.id)}/log`, {
        method: 'POST',
        body: { date: values.date, kind: values.kind, text: values.text.trim(), caseNumber: values.caseNumber.trim() || null, status: values.status || null },
      }),
    onSuccess: async () => {
      errors.clear();
      setSaved(values.date);
      setValues({ date: today(), kind: 'update', text: '', caseNumber: '', status: '' });
      await qc.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: (e) => {
      setSaved(null);
      errors.fromError(e);
    },
  });
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!values.date) local.date = t('program.log.dateMissing');
    if (!values.text.trim()) local.text = t('program.log.textMissing');
    if (Object.keys(local).length) return errors.show(local);
    save.mutate();
  };
  return (
    <Details className="inline-form" data-size="sm">
      <Details.Summary>{t('program.log.add')}</Details.Summary>
      <Details.Content>
        <FormErrorSummary key={errors.attempt} errors={errors.summary} />
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="form-grid">
            <Textfield id={ids.date} type="date" label={<Required>{t('program.log.date')}</Required>} value={values.date} onChange={set('date')} error={errors.fields.date} required />
            <Field>
              <Label htmlFor={ids.status}>{t('program.log.status')}</Label>
              <Select id={ids.status} value={values.status} onChange={set('status')}>
                <Select.Option value="">{t('program.log.statusUnchanged', { status: t(`program.actionStatus.${action.status}`, { defaultValue: action.status }) })}</Select.Option>
                {ACTION_STATUSES.map((s) => (
                  <Select.Option key={s} value={s}>
                    {t(`program.actionStatus.${s}`)}
                  </Select.Option>
                ))}
              </Select>
              {errors.fields.status && <ValidationMessage>{errors.fields.status}</ValidationMessage>}
            </Field>
          </div>
          <Fieldset>
            <Fieldset.Legend>{t('program.log.kind')}</Fieldset.Legend>
            <Radio id={ids.kind} name={`${idp}-kind`} value="update" label={t('program.log.kinds.update')} checked={values.kind === 'update'} onChange={set('kind')} />
            <Radio id={`${idp}-kind-decision`} name={`${idp}-kind`} value="decision" label={t('program.log.kinds.decision')} checked={values.kind === 'decision'} onChange={set('kind')} />
          </Fieldset>
          <Field>
            <Label htmlFor={ids.text}>
              <Required>{t('program.log.text')}</Required>
            </Label>
            <Textarea id={ids.text} rows={3} value={values.text} onChange={set('text')} aria-invalid={errors.fields.text ? true : undefined} required />
            {errors.fields.text && <ValidationMessage>{errors.fields.text}</ValidationMessage>}
          </Field>
          <Textfield id={ids.caseNumber} label={t('program.log.caseNumber')} description={t('program.log.caseNumberHelp')} value={values.caseNumber} onChange={set('caseNumber')} error={errors.fields.caseNumber} autoComplete="off" />
          <div className="actions">
            <Button type="submit" loading={save.isPending}>
              {t('program.log.save')}
            </Button>
          </div>
        </form>
        <div aria-live="polite">
          {saved && (
            <Alert data-color="success" className="block">
              <Paragraph>{t('program.log.saved')}</Paragraph>
            </Alert>
          )}
        </div>
      </Details.Content>
    </Details>
  );
}
