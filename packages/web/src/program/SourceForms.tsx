import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Input, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useErrorMessage } from '../app/ui/Status';
import { programKeys } from './queries';
import type { Indicator } from './types';

interface JsonStatResult {
  sourceName: string;
  values: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Posts a source file (with its form fields) for an indicator; refreshes the program on success. */
function useSourceImport(indicator: Indicator, kind: 'jsonstat' | 'table') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => api<JsonStatResult>(`/indicators/${encodeURIComponent(indicator.id)}/sources/${kind}`, { method: 'POST', body: form }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programKeys.all }),
  });
}

/** The outcome of a source import, announced to screen readers. */
function SourceImportOutcome({ run }: { run: ReturnType<typeof useSourceImport> }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div aria-live="polite">
      {run.isSuccess && (
        <Alert data-color="success" className="block">
          {t('program.source.jsonstatDone', { name: run.data.sourceName, count: run.data.values, created: run.data.created })}
        </Alert>
      )}
      {run.isError && (
        <Alert data-color="danger" className="block">
          {message(run.error)}
        </Alert>
      )}
    </div>
  );
}

/** Makes one of the indicator's sources its own (the one status and charts use). */
export function UsePrimaryButton({ indicator, sourceId, label }: { indicator: Indicator; sourceId: string; label: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const run = useMutation({
    mutationFn: () => api<void>(`/indicators/${encodeURIComponent(indicator.id)}/primary-source`, { method: 'PUT', body: { sourceId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programKeys.all }),
  });
  return (
    <>
      <Button variant="tertiary" data-size="sm" loading={run.isPending} onClick={() => run.mutate()} aria-label={t('program.source.usePrimaryFor', { name: label })}>
        {t('program.source.usePrimary')}
      </Button>
      {run.isError && <ValidationMessage>{message(run.error)}</ValidationMessage>}
    </>
  );
}

/** Adds a Statistics Norway series (JSON-stat 2.0 file) as an open-data source beside the others. */
export function JsonStatSourceForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState('');
  const [at, setAt] = useState<'start' | 'end'>('end');
  const [missing, setMissing] = useState(false);
  const run = useSourceImport(indicator, 'jsonstat');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    const form = new FormData();
    form.append('filter', filter);
    form.append('at', at);
    form.append('file', file, file.name);
    run.mutate(form);
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Paragraph data-size="sm">{t('program.source.jsonstatHelp')}</Paragraph>
      <Field>
        <Label htmlFor="jsonstat-file">{t('program.source.jsonstatFile')}</Label>
        <Input id="jsonstat-file" type="file" accept=".json,application/json" ref={fileRef} aria-invalid={missing || undefined} onChange={() => setMissing(false)} />
        {missing && <ValidationMessage>{t('program.import.fileMissing')}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor="jsonstat-filter">{t('program.source.filter')}</Label>
        <Field.Description>{t('program.source.filterHelp')}</Field.Description>
        <Input id="jsonstat-filter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Region=3203,ContentsCode=Personer1" />
      </Field>
      <Field>
        <Label htmlFor="jsonstat-at">{t('program.source.at')}</Label>
        <Select id="jsonstat-at" value={at} onChange={(e) => setAt(e.target.value as 'start' | 'end')}>
          <Select.Option value="end">{t('program.source.atEnd')}</Select.Option>
          <Select.Option value="start">{t('program.source.atStart')}</Select.Option>
        </Select>
      </Field>
      <div className="actions">
        <Button type="submit" variant="secondary" loading={run.isPending}>
          {t('program.source.jsonstatRun')}
        </Button>
      </div>
      <SourceImportOutcome run={run} />
    </form>
  );
}

const TABLE_FIELDS = ['municipalityColumn', 'yearColumn', 'valueColumn', 'producer', 'where', 'sheet'] as const;
type TableField = (typeof TABLE_FIELDS)[number];

/** Adds a published table (e.g. the Environment Agency's municipal emissions, CSV/XLSX) as a source: this municipality's rows summed per year. */
export function TableSourceForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<Record<TableField, string>>({ municipalityColumn: 'Kommunenummer', yearColumn: 'År', valueColumn: '', producer: 'Miljødirektoratet', where: '', sheet: '' });
  const [missing, setMissing] = useState(false);
  const run = useSourceImport(indicator, 'table');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    const form = new FormData();
    for (const k of TABLE_FIELDS) form.append(k, values[k]);
    form.append('file', file, file.name);
    run.mutate(form);
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Paragraph data-size="sm">{t('program.source.tableHelp')}</Paragraph>
      <Field>
        <Label htmlFor="table-file">{t('program.source.tableFile')}</Label>
        <Input id="table-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ref={fileRef} aria-invalid={missing || undefined} onChange={() => setMissing(false)} />
        {missing && <ValidationMessage>{t('program.import.fileMissing')}</ValidationMessage>}
      </Field>
      {TABLE_FIELDS.map((k) => (
        <Field key={k}>
          <Label htmlFor={`table-${k}`}>{t(`program.source.table.${k}`)}</Label>
          <Input id={`table-${k}`} value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
        </Field>
      ))}
      <div className="actions">
        <Button type="submit" variant="secondary" loading={run.isPending}>
          {t('program.source.jsonstatRun')}
        </Button>
      </div>
      <SourceImportOutcome run={run} />
    </form>
  );
}
