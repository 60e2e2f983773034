import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REPORT_FIELDS, type ReportTheme } from '@omstilling/core/certification/report';
import { api, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useFormErrors } from '../app/ui/useFormErrors';
import { certKeys, useUnitPage } from './queries';
import type { OwnIndicator, Report, UnitPage } from './types';

const THEMES: ReportTheme[] = ['energy', 'waste', 'transport', 'purchasing'];
const idOf = (key: string) => `report-${key}`;
const ID: Record<string, string> = { year: 'report-year', ...Object.fromEntries(REPORT_FIELDS.map((f) => [f.key, idOf(f.key)])), own: 'report-own-0-name' };

/** "1 234,5" or "1234.5" → 1234.5; "" → null; anything else → NaN. */
function parseNumber(s: string): number | null {
  const t = s.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^−/, '-');
  if (t === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}

/** The annual climate and environment report of a unit for a year, filled in by its manager. */
export function ReportFormPage() {
  const { id } = useParams({ from: '/signed-in/certification/units/$id/report' });
  const { year } = useSearch({ from: '/signed-in/certification/units/$id/report' }) as { year?: number };
  const { t } = useTranslation();
  const page = useUnitPage(id);
  if (page.isPending) return <Loading />;
  if (page.isError)
    return (
      <>
        <PageHeading>{t('certification.report.title')}</PageHeading>
        <QueryError error={page.error} />
      </>
    );
  const y = year ?? Number(page.data.date.slice(0, 4)) - 1;
  return <ReportForm key={`${id}-${y}`} p={page.data} year={y} existing={page.data.reports.find((r) => r.year === y)} />;
}

function ReportForm({ p, year, existing }: { p: UnitPage; year: number; existing?: Report }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(REPORT_FIELDS.map((x) => [x.key, existing?.values[x.key] === null || existing?.values[x.key] === undefined ? '' : f.number(existing.values[x.key], 6).replace(/\u00a0/g, ' ')])));
  const [own, setOwn] = useState<{ name: string; value: string; unit: string }[]>(() => existing?.own.map((o) => ({ name: o.name, value: String(o.value), unit: o.unit })) ?? []);
  const errors = useFormErrors(ID);
  const [saved, setSaved] = useState<Report | null>(null);
  const save = useMutation({
    mutationFn: (body: { unitId: string; year: number; values: Record<string, number | null>; own: OwnIndicator[]; submit: boolean }) => api<Report>('/certification/reports', { method: 'POST', body }),
    onSuccess: async (r) => {
      setSaved(r);
      errors.clear();
      await qc.invalidateQueries({ queryKey: certKeys.all });
      if (r.status === 'submitted') void navigate({ to: '/certification/units/$id', params: { id: p.unit.unitId } });
    },
    // The server names fields "values.electricityKwh"; the form's controls are keyed by the bare field.
    onError: (e) => errors.fromError(e instanceof ApiError ? new ApiError(e.status, e.code, e.message, e.details.map((d) => ({ ...d, field: d.field?.replace(/^values\./, '') ?? null }))) : e),
  });

  const submit = (deliver: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const parsed: Record<string, number | null> = {};
    const bad: Record<string, string> = {};
    for (const x of REPORT_FIELDS) {
      const n = parseNumber(values[x.key] ?? '');
      if (Number.isNaN(n)) bad[x.key] = t('certification.report.notANumber', { field: x.label[lang] });
      else parsed[x.key] = n;
    }
    const ownParsed: OwnIndicator[] = [];
    own.forEach((o, i) => {
      if (!o.name.trim() && !o.value.trim()) return;
      const n = parseNumber(o.value);
      if (n === null || Number.isNaN(n)) bad.own = t('certification.report.ownValueInvalid', { n: i + 1 });
      else ownParsed.push({ name: o.name.trim(), value: n, unit: o.unit.trim() });
    });
    if (Object.keys(bad).length) return errors.show(bad);
    save.mutate({ unitId: p.unit.unitId, year, values: parsed, own: ownParsed, submit: deliver });
  };

  const title = t('certification.report.formTitle', { year, unit: p.unit.name });
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/certification/units/$id" params={{ id: p.unit.unitId }}>
          {t('certification.report.back', { unit: p.unit.name })}
        </AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="lead">{t('certification.report.intro')}</Paragraph>
      {!p.canWriteReport && (
        <Alert data-color="info" className="block">
          <Paragraph>{t('certification.report.readOnly')}</Paragraph>
        </Alert>
      )}
      {existing && <Paragraph data-size="sm">{existing.status === 'submitted' ? t('certification.report.alreadyDelivered', { date: f.date(existing.submittedAt), by: existing.submittedBy ?? '' }) : t('certification.report.draftSaved', { date: f.dateTime(existing.updatedAt) })}</Paragraph>}
      {saved && saved.status === 'draft' && (
        <Alert data-color="success" className="block" role="status">
          <Paragraph>{t('certification.report.savedDraft')}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <form className="form cert-report-form" onSubmit={submit(true)} noValidate>
        {THEMES.map((theme) => (
          <Fieldset key={theme}>
            <Fieldset.Legend>{t(`certification.report.themes.${theme}`)}</Fieldset.Legend>
            <Fieldset.Description>{t(`certification.report.themeHelp.${theme}`)}</Fieldset.Description>
            <div className="cert-report-grid">
              {REPORT_FIELDS.filter((x) => x.theme === theme).map((x) => (
                <Textfield
                  key={x.key}
                  id={idOf(x.key)}
                  label={`${x.label[lang]} (${x.unit})`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={values[x.key] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [x.key]: e.target.value }))}
                  error={errors.fields[x.key]}
                  readOnly={!p.canWriteReport}
                />
              ))}
            </div>
          </Fieldset>
        ))}
        <Fieldset>
          <Fieldset.Legend>{t('certification.report.themes.own')}</Fieldset.Legend>
          <Fieldset.Description>{t('certification.report.themeHelp.own')}</Fieldset.Description>
          {own.map((o, i) => (
            <div className="cert-own-row" key={i}>
              <Textfield id={`report-own-${i}-name`} label={t('certification.report.ownName', { n: i + 1 })} value={o.name} onChange={(e) => setOwn((xs) => xs.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} error={i === 0 ? errors.fields.own : undefined} />
              <Textfield id={`report-own-${i}-value`} label={t('certification.report.ownValue', { n: i + 1 })} inputMode="decimal" value={o.value} onChange={(e) => setOwn((xs) => xs.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              <Textfield id={`report-own-${i}-unit`} label={t('certification.report.ownUnit', { n: i + 1 })} value={o.unit} onChange={(e) => setOwn((xs) => xs.map((x, j) => (j === i ? { ...x, unit: e.target.value } : x)))} />
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setOwn((xs) => xs.filter((_, j) => j !== i))}>
                {t('certification.report.ownRemove', { n: i + 1 })}
              </Button>
            </div>
          ))}
          {own.length < 10 && p.canWriteReport && (
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setOwn((xs) => [...xs, { name: '', value: '', unit: '' }])}>
              {t('certification.report.ownAdd')}
            </Button>
          )}
        </Fieldset>
        {existing && (
          <>
            <Heading level={2} data-size="xs">
              {t('certification.report.ghgTitle')}
            </Heading>
            <GhgSummary report={existing} />
          </>
        )}
        {p.canWriteReport && (
          <div className="actions">
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {t('certification.report.deliver')}
            </Button>
            <Button type="button" variant="secondary" disabled={save.isPending} onClick={() => submit(false)()}>
              {t('certification.report.saveDraft')}
            </Button>
          </div>
        )}
      </form>
    </>
  );
}

/** The greenhouse-gas account of a saved report, line by line with each factor's source and year. */
function GhgSummary({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const label = (key: string) => REPORT_FIELDS.find((x) => x.key === key)?.label[i18n.language === 'en' ? 'en' : 'nb'] ?? key;
  return (
    <>
      <Paragraph>{t('certification.report.ghgSummary', { s1: f.number(report.ghg.scope1 / 1000, 2), s2: f.number(report.ghg.scope2 / 1000, 2), s3: f.number(report.ghg.scope3 / 1000, 2), total: f.number(report.ghg.total / 1000, 2) })}</Paragraph>
      <ul>
        {report.ghg.lines.map((l) => (
          <li key={l.field}>
            {t('certification.report.ghgLine', { field: label(l.field), amount: f.number(l.amount), unit: l.unit, factor: f.number(l.factor.kgCo2ePerUnit, 5), kg: f.number(l.kgCo2e, 0), scope: l.scope, source: `${l.factor.publisher}, ${l.factor.year}`, approx: l.factor.approximation ? t('certification.report.approximation') : '' })}
          </li>
        ))}
        {report.ghg.notCounted.map((n) => (
          <li key={n.field}>{t('certification.report.notCounted', { field: label(n.field), amount: f.number(n.amount) })}</li>
        ))}
      </ul>
    </>
  );
}
