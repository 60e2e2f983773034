import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Input, Label, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parseNorwegianNumber } from '@omstilling/core/import/table';
import { api } from '../app/api';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { ImportCounts, ImportFailure } from '../app/ui/ImportOutcome';
import { Required } from '../app/ui/Required';
import { useFormErrors } from '../app/ui/useFormErrors';
import { useProgramFormat } from './present';
import { programKeys } from './queries';
import type { Indicator, ValueImportResult, ValueView } from './types';

const ID = { period: 'value-period', date: 'value-date', value: 'value-value', note: 'value-note' };

/** A period label for a date by the indicator's interval: 2025, 2025-Q3 or 2025-07. */
function periodOf(date: string, interval: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (interval === 'quarterly') return `${y}-Q${Math.ceil(m / 3)}`;
  if (interval === 'monthly') return date.slice(0, 7);
  return y;
}

/** Records a value for a period (the value accepts Norwegian decimal comma and spaces: "1 234,5"). */
export function AddValueForm({ indicator: i, onSaved }: { indicator: Indicator; onSaved?: (v: ValueView) => void }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const qc = useQueryClient();
  const errors = useFormErrors(ID);
  const [values, setValues] = useState({ period: '', date: '', value: '', note: '' });
  const [saved, setSaved] = useState<ValueView | null>(null);
  const save = useMutation({
    mutationFn: (body: { period: string; date: string; value: number; note: string | null }) => api<ValueView>(`/indicators/${encodeURIComponent(i.id)}/values`, { method: 'POST', body }),
    onSuccess: async (v) => {
      errors.clear();
      setSaved(v);
      setValues({ period: '', date: '', value: '', note: '' });
      await qc.invalidateQueries({ queryKey: programKeys.all });
      onSaved?.(v);
    },
    onError: (e) => {
      setSaved(null);
      errors.fromError(e);
    },
  });
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => {
      const next = { ...v, [k]: e.target.value };
      // A date fills in its period, until the user writes one of their own.
      if (k === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && (!v.period || v.period === periodOf(v.date || '0000-01-01', i.reportingInterval))) next.period = periodOf(e.target.value, i.reportingInterval);
      return next;
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const n = parseNorwegianNumber(values.value);
    if (!values.period.trim()) local.period = t('program.valueForm.periodMissing');
    if (!values.date) local.date = t('program.valueForm.dateMissing');
    if (!values.value.trim()) local.value = t('program.valueForm.valueMissing');
    else if (n === null) local.value = t('program.valueForm.valueInvalid', { value: values.value });
    if (Object.keys(local).length) {
      setSaved(null);
      return errors.show(local);
    }
    save.mutate({ period: values.period.trim(), date: values.date, value: n!, note: values.note.trim() || null });
  };
  return (
    <>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <Textfield id={ID.date} type="date" label={<Required>{t('program.values.date')}</Required>} description={t('program.valueForm.dateHelp')} value={values.date} onChange={set('date')} error={errors.fields.date} required />
          <Textfield id={ID.period} label={<Required>{t('program.values.period')}</Required>} description={t('program.valueForm.periodHelp')} value={values.period} onChange={set('period')} error={errors.fields.period} autoComplete="off" required />
          <Textfield
            id={ID.value}
            label={<Required>{t('program.valueForm.valueLabel', { unit: f.unit(i.unit) || t('program.valueForm.count') })}</Required>}
            description={t('program.valueForm.valueHelp')}
            inputMode="decimal"
            value={values.value}
            onChange={set('value')}
            error={errors.fields.value}
            autoComplete="off"
            required
          />
        </div>
        <Textfield id={ID.note} label={t('program.values.note')} value={values.note} onChange={set('note')} error={errors.fields.note} autoComplete="off" />
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {t('program.valueForm.save')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {saved && (
          <Alert data-color="success" className="block">
            <Paragraph>{t('program.valueForm.saved', { value: f.value(saved.value, i, 2), period: saved.period })}</Paragraph>
          </Alert>
        )}
      </div>
    </>
  );
}

/** Imports values from a CSV or XLSX file into the whole program: counts on success, every bad line on failure. */
export function ImportValuesForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const run = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<ValueImportResult>(`/programs/${encodeURIComponent(programId)}/values/import`, { method: 'POST', body: form });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: programKeys.all }),
    onError: () => setAttempt((a) => a + 1),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setMissing(true);
      setAttempt((a) => a + 1);
      return;
    }
    setMissing(false);
    run.mutate(file);
  };
  return (
    <>
      {missing && <FormErrorSummary key={attempt} errors={[{ id: 'values-import-file', message: t('program.import.fileMissing') }]} />}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field>
          <Label htmlFor="values-import-file">{t('program.import.file')}</Label>
          <Field.Description>{t('program.import.fileHelp')}</Field.Description>
          <Input
            id="values-import-file"
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ref={fileRef}
            aria-invalid={missing || undefined}
            onChange={() => {
              run.reset();
              setMissing(false);
            }}
          />
          {missing && <ValidationMessage>{t('program.import.fileMissing')}</ValidationMessage>}
        </Field>
        <div className="actions">
          <Button type="submit" variant="secondary" loading={run.isPending}>
            {t('program.import.run')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {run.isSuccess && <ImportCounts title={t('program.import.done', { file: run.data.file })} counts={(['rows', 'created', 'updated', 'unchanged'] as const).map((k) => [t(`program.import.counts.${k}`), run.data[k]])} />}
        {run.isError && <ImportFailure key={attempt} error={run.error} title={t('program.import.failed')} />}
      </div>
    </>
  );
}
