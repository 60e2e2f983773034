import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { AppLink } from '../app/ui/AppLink';
import { useErrorMessage } from '../app/ui/Status';
import { orgKeys } from './queries';
import type { BrregImportResult } from './types';

/** Import from a Brønnøysund (Enhetsregisteret) JSON file: counts on success, every bad line on failure. */
export function ImportBrregPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const fileRef = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const run = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<BrregImportResult>('/organisations/import/brreg', { method: 'POST', body: form });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
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

  const err = run.error instanceof ApiError ? run.error : null;
  const lines = err?.details.filter((d) => d.line !== undefined || d.field) ?? [];
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/organisations">{t('organisations.backToList')}</AppLink>
      </Paragraph>
      <PageHeading>{t('organisations.import.title')}</PageHeading>
      <Paragraph className="lead">{t('organisations.import.intro')}</Paragraph>
      {missing && <FormErrorSummary key={attempt} errors={[{ id: 'import-file', message: t('organisations.import.fileMissing') }]} />}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field>
          <Label htmlFor="import-file">{t('organisations.import.file')}</Label>
          <Field.Description>{t('organisations.import.fileHelp')}</Field.Description>
          <Input id="import-file" type="file" name="file" accept="application/json,.json" ref={fileRef} aria-invalid={missing || undefined} onChange={() => run.reset()} />
          {missing && <ValidationMessage>{t('organisations.import.fileMissing')}</ValidationMessage>}
        </Field>
        <div className="actions">
          <Button type="submit" loading={run.isPending}>
            {t('organisations.import.run')}
          </Button>
        </div>
      </form>

      <div aria-live="polite">
        {run.isSuccess && (
          <Alert data-color="success" className="block">
            <Heading level={2} data-size="xs">
              {t('organisations.import.done')}
            </Heading>
            <dl className="fields fields--compact">
              {(['inFile', 'inMunicipality', 'created', 'updated', 'unchanged'] as const).map((k) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{t(`organisations.import.counts.${k}`)}</dt>
                  <dd className="num">{f.number(run.data[k])}</dd>
                </div>
              ))}
            </dl>
          </Alert>
        )}
        {run.isError && (
          <Alert data-color="danger" className="block" key={attempt}>
            <Heading level={2} data-size="xs">
              {t('organisations.import.failed')}
            </Heading>
            <Paragraph>{message(run.error)}</Paragraph>
          </Alert>
        )}
      </div>
      {lines.length > 0 && (
        <div className="table-wrap">
          <Table zebra border>
            <caption>{t('organisations.import.errorsCaption', { count: lines.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell className="num">{t('organisations.import.line')}</Table.HeaderCell>
                <Table.HeaderCell>{t('organisations.import.field')}</Table.HeaderCell>
                <Table.HeaderCell>{t('organisations.import.message')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {lines.map((d, i) => (
                <Table.Row key={i}>
                  <Table.Cell className="num">{d.line ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <code>{d.field ?? '–'}</code>
                  </Table.Cell>
                  <Table.Cell>{d.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
