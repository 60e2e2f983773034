import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { ImportCounts, ImportFailure } from '../app/ui/ImportOutcome';
import { AppLink } from '../app/ui/AppLink';
import { orgKeys } from './queries';
import type { BrregImportResult } from './types';

/** Import from a Brønnøysund (Enhetsregisteret) JSON file: counts on success, every bad line on failure. */
export function ImportBrregPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
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
        {run.isSuccess && <ImportCounts level={2} title={t('organisations.import.done')} counts={(['inFile', 'inMunicipality', 'created', 'updated', 'unchanged'] as const).map((k) => [t(`organisations.import.counts.${k}`), run.data[k]])} />}
        {run.isError && <ImportFailure key={attempt} level={2} error={run.error} title={t('organisations.import.failed')} lineLabel={t('organisations.import.entry')} />}
      </div>
    </>
  );
}
