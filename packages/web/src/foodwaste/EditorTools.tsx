import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { useErrorMessage } from '../app/ui/Status';
import { useOrganisations, useUnits } from '../organisations/queries';
import { fwKeys, useOptions } from './queries';
import type { Kitchen } from './types';

/** Food-waste editors: add a kitchen (a unit's or an organisation's) with its baseline period and target. */
export function KitchenForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const options = useOptions();
  const units = useUnits();
  const orgs = useOrganisations({ limit: 200 });
  const errorMessage = useErrorMessage();
  const [v, setV] = useState({ name: '', kind: 'nursing_home', owner: '', activityKind: 'portions', baselineFrom: '', baselineTo: '', reduction: '50', targetDate: '2030-12-31' });
  const create = useMutation({
    mutationFn: () => {
      const [type, id] = v.owner.split(':');
      return api<Kitchen>('/foodwaste/kitchens', { method: 'POST', body: { name: v.name, kind: v.kind, unitId: type === 'unit' ? id : null, organisationId: type === 'org' ? id : null, activityKind: v.activityKind, baselineFrom: v.baselineFrom || null, baselineTo: v.baselineTo || null, targetReduction: Number(v.reduction.replace(',', '.')) / 100, targetDate: v.targetDate } });
    },
    onSuccess: () => {
      setV((x) => ({ ...x, name: '' }));
      void qc.invalidateQueries({ queryKey: fwKeys.all });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="fw-kitchen-form" className="fw-card">
      <Heading level={2} data-size="sm" id="fw-kitchen-form">
        {t('foodwaste.editor.kitchenTitle')}
      </Heading>
      <form className="fw-form" onSubmit={submit} noValidate>
        <Textfield label={t('foodwaste.editor.name')} value={v.name} onChange={set('name')} error={fe.name} />
        <Field>
          <Label>{t('foodwaste.editor.kind')}</Label>
          <Select value={v.kind} onChange={set('kind')}>
            {(options.data?.kitchenKinds ?? []).map((k) => (
              <Select.Option key={k} value={k}>
                {t(`foodwaste.kitchenKinds.${k}`, { defaultValue: k })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('foodwaste.editor.owner')}</Label>
          <Select value={v.owner} onChange={set('owner')} aria-invalid={!!(fe.unitId || fe.organisationId)}>
            <Select.Option value="">{t('foodwaste.editor.pickOwner')}</Select.Option>
            <optgroup label={t('foodwaste.editor.units')}>
              {(units.data ?? []).map((u) => (
                <Select.Option key={u.id} value={`unit:${u.id}`}>
                  {u.name}
                </Select.Option>
              ))}
            </optgroup>
            <optgroup label={t('foodwaste.editor.organisations')}>
              {(orgs.data?.items ?? []).map((o) => (
                <Select.Option key={o.id} value={`org:${o.id}`}>
                  {o.name}
                </Select.Option>
              ))}
            </optgroup>
          </Select>
          {(fe.unitId || fe.organisationId) && <Paragraph data-size="sm" className="fw-error">{fe.unitId ?? fe.organisationId}</Paragraph>}
        </Field>
        <Field>
          <Label>{t('foodwaste.editor.activityKind')}</Label>
          <Select value={v.activityKind} onChange={set('activityKind')}>
            {(options.data?.activityKinds ?? []).map((k) => (
              <Select.Option key={k} value={k}>
                {t(`foodwaste.activityKinds.${k}`, { defaultValue: k })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield type="date" label={t('foodwaste.editor.baselineFrom')} value={v.baselineFrom} onChange={set('baselineFrom')} />
        <Textfield type="date" label={t('foodwaste.editor.baselineTo')} value={v.baselineTo} onChange={set('baselineTo')} error={fe.baselineTo} />
        <Textfield label={t('foodwaste.editor.reduction')} inputMode="decimal" value={v.reduction} onChange={set('reduction')} error={fe.targetReduction} />
        <Textfield type="date" label={t('foodwaste.editor.targetDate')} value={v.targetDate} onChange={set('targetDate')} error={fe.targetDate} />
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{errorMessage(create.error)}</Alert>}
        <div aria-live="polite">{create.isSuccess && <Alert data-color="success">{t('foodwaste.editor.kitchenSaved', { name: create.data.name })}</Alert>}</div>
        <Button type="submit" disabled={create.isPending}>
          {t('foodwaste.editor.addKitchen')}
        </Button>
      </form>
    </section>
  );
}

/** Food-waste editors: import registrations from a scale's CSV/XLSX export; all or nothing, every bad line listed. */
export function ImportForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (f: File) => {
      const fd = new FormData();
      fd.append('file', f, f.name);
      return api<{ file: string; rows: number; created: number; unchanged: number }>('/foodwaste/registrations/import', { method: 'POST', body: fd });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: fwKeys.all }),
  });
  return (
    <section aria-labelledby="fw-import" className="fw-card">
      <Heading level={2} data-size="sm" id="fw-import">
        {t('foodwaste.editor.importTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('foodwaste.editor.importIntro')}</Paragraph>
      <form
        className="fw-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(file);
        }}
      >
        <Field>
          <Label htmlFor="fw-import-file">{t('foodwaste.editor.file')}</Label>
          <input id="fw-import-file" className="ds-input" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Button type="submit" variant="secondary" disabled={!file || run.isPending}>
          {t('foodwaste.editor.import')}
        </Button>
      </form>
      <div aria-live="polite">
        {run.data && <Alert data-color="success">{t('foodwaste.editor.imported', { ...run.data })}</Alert>}
        {run.error && (
          <Alert data-color="danger">
            <Paragraph>{message(run.error)}</Paragraph>
            {run.error instanceof ApiError && run.error.details.length > 0 && (
              <ul>
                {run.error.details.slice(0, 50).map((d, i) => (
                  <li key={i}>{t('foodwaste.editor.line', { line: d.line ?? '–', field: d.field ?? '', message: d.message })}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
    </section>
  );
}
