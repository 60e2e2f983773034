import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REPORT_FIELDS } from '@omstilling/core/certification/report';
import { api } from '../app/api';
import { ImportFailure } from '../app/ui/ImportOutcome';
import { certKeys } from './queries';

interface ImportResult {
  file: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

const COLUMNS = ['enhet', 'år', 'levert_dato', ...REPORT_FIELDS.map((f) => f.column)];

/** Import a year's annual reports from CSV or XLSX: all or nothing, with every bad line listed. */
export function ReportImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (f: File) => {
      const fd = new FormData();
      fd.append('file', f, f.name);
      return api<ImportResult>('/certification/reports/import', { method: 'POST', body: fd });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: certKeys.all }),
  });
  const template = () => {
    const url = URL.createObjectURL(new Blob([`\uFEFF${COLUMNS.join(';')}\r\n`], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'arsrapporter-mal.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate(file);
  };
  const error = run.error;
  return (
    <section aria-labelledby="report-import-title" className="block">
      <Heading level={2} data-size="sm" id="report-import-title">
        {t('certification.import.title')}
      </Heading>
      <Paragraph data-size="sm">{t('certification.import.intro', { columns: COLUMNS.slice(0, 5).join(', ') })}</Paragraph>
      <form className="cert-inline-form" onSubmit={onSubmit}>
        <Field>
          <Label htmlFor="report-import-file">{t('certification.import.file')}</Label>
          <input id="report-import-file" className="ds-input" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Button type="submit" variant="secondary" disabled={!file || run.isPending}>
          {t('certification.import.submit')}
        </Button>
        <Button type="button" variant="tertiary" onClick={template}>
          {t('certification.import.template')}
        </Button>
      </form>
      {run.data && (
        <Alert data-color="success" className="block" role="status">
          <Paragraph>{t('certification.import.done', { ...run.data })}</Paragraph>
        </Alert>
      )}
      {error && <ImportFailure error={error} title={t('certification.import.failed')} />}
    </section>
  );
}
