import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { can, useSession } from '../app/auth';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { PageHeading } from '../app/ui/PageHeading';
import { Required } from '../app/ui/Required';
import { Loading, QueryError } from '../app/ui/Status';
import { useFormErrors } from '../app/ui/useFormErrors';
import { certKeys, useSchemes } from './queries';
import { SubNav } from './SubNav';
import type { Scheme } from './types';

/** The certification schemes and their rules (validity, grace, report deadline, coverage); admins add more. */
export function SchemesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const schemes = useSchemes();
  const { user } = useSession();
  return (
    <>
      <PageHeading>{t('certification.schemes.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.schemes.intro')}</Paragraph>
      <SubNav />
      {schemes.isPending ? (
        <Loading />
      ) : schemes.isError ? (
        <QueryError error={schemes.error} />
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('certification.schemes.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('certification.schemes.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('certification.schemes.validity')}</Table.HeaderCell>
                <Table.HeaderCell>{t('certification.schemes.grace')}</Table.HeaderCell>
                <Table.HeaderCell>{t('certification.schemes.annualReport')}</Table.HeaderCell>
                <Table.HeaderCell>{t('certification.schemes.audits')}</Table.HeaderCell>
                <Table.HeaderCell>{t('certification.schemes.holders')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {schemes.data.map((s) => (
                <Table.Row key={s.key}>
                  <Table.HeaderCell scope="row">
                    {s.url ? (
                      <a className="ds-link" href={s.url} rel="noreferrer">
                        {s.name[lang]}
                      </a>
                    ) : (
                      s.name[lang]
                    )}{' '}
                    {!s.builtIn && (
                      <Tag data-size="sm" data-color="info">
                        {t('certification.schemes.added')}
                      </Tag>
                    )}
                    {s.countsForCoverage && <div className="cert-figure__detail">{t('certification.schemes.counts')}</div>}
                  </Table.HeaderCell>
                  <Table.Cell>{t('certification.schemes.months', { count: s.validityMonths })}</Table.Cell>
                  <Table.Cell>{t('certification.schemes.months', { count: s.graceMonths })}</Table.Cell>
                  <Table.Cell>{s.annualReport ? t('certification.schemes.deadline', { day: s.annualReport.day, month: s.annualReport.month }) : '–'}</Table.Cell>
                  <Table.Cell>{s.surveillanceAuditsPerYear}</Table.Cell>
                  <Table.Cell>{s.holders.map((h) => t(`certification.schemes.holder.${h}`)).join(', ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {can.admin(user) && <SchemeForm />}
    </>
  );
}

const FIELDS = ['key', 'name.nb', 'name.en', 'url', 'validityMonths', 'graceMonths', 'surveillanceAuditsPerYear', 'annualReport', 'holders', 'countsForCoverage'] as const;
const ID: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, `scheme-${f.replace('.', '-')}`]));

function SchemeForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errors = useFormErrors(ID);
  const empty = { key: '', nameNb: '', nameEn: '', url: '', validityMonths: '36', graceMonths: '3', audits: '1', reportDay: '', reportMonth: '', unit: true, organisation: true, counts: true };
  const [v, setV] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: unknown) => api<Scheme>('/certification/schemes', { method: 'POST', body }),
    onSuccess: async (s) => {
      setSaved(t('certification.schemes.saved', { name: s.name.nb }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: certKeys.schemes() });
    },
    onError: (e) => errors.fromError(e),
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    errors.clear();
    const report = v.reportDay.trim() || v.reportMonth.trim() ? { day: whole(v.reportDay), month: whole(v.reportMonth) } : null;
    save.mutate({
      key: v.key.trim(),
      name: { nb: v.nameNb, en: v.nameEn },
      url: v.url.trim() || null,
      validityMonths: whole(v.validityMonths),
      graceMonths: whole(v.graceMonths),
      surveillanceAuditsPerYear: whole(v.audits),
      annualReport: report,
      countsForCoverage: v.counts,
      holders: [...(v.unit ? ['unit'] : []), ...(v.organisation ? ['organisation'] : [])],
    });
  };
  return (
    <section aria-labelledby="scheme-form" className="block">
      <Heading level={2} data-size="sm" id="scheme-form">
        {t('certification.schemes.formTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('certification.schemes.formIntro')}</Paragraph>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <div aria-live="polite">{saved && <Alert data-color="success">{saved}</Alert>}</div>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Textfield id={ID.key} label={<Required>{t('certification.schemes.key')}</Required>} description={t('certification.schemes.keyHelp')} value={v.key} onChange={set('key')} error={errors.fields.key} autoComplete="off" />
        <Textfield id={ID['name.nb']} label={<Required>{t('certification.schemes.nameNb')}</Required>} value={v.nameNb} onChange={set('nameNb')} error={errors.fields['name.nb']} />
        <Textfield id={ID['name.en']} label={<Required>{t('certification.schemes.nameEn')}</Required>} value={v.nameEn} onChange={set('nameEn')} error={errors.fields['name.en']} />
        <Textfield id={ID.url} label={t('certification.schemes.url')} value={v.url} onChange={set('url')} error={errors.fields.url} inputMode="url" />
        <Textfield id={ID.validityMonths} label={<Required>{t('certification.schemes.validityMonths')}</Required>} inputMode="numeric" value={v.validityMonths} onChange={set('validityMonths')} error={errors.fields.validityMonths} />
        <Textfield id={ID.graceMonths} label={<Required>{t('certification.schemes.graceMonths')}</Required>} inputMode="numeric" value={v.graceMonths} onChange={set('graceMonths')} error={errors.fields.graceMonths} />
        <Textfield id={ID.surveillanceAuditsPerYear} label={<Required>{t('certification.schemes.auditsPerYear')}</Required>} inputMode="numeric" value={v.audits} onChange={set('audits')} error={errors.fields.surveillanceAuditsPerYear} />
        <Fieldset id={ID.annualReport}>
          <Fieldset.Legend>{t('certification.schemes.reportLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('certification.schemes.reportHelp')}</Fieldset.Description>
          <Textfield label={t('certification.schemes.reportDay')} inputMode="numeric" value={v.reportDay} onChange={set('reportDay')} error={errors.fields.annualReport} />
          <Textfield label={t('certification.schemes.reportMonth')} inputMode="numeric" value={v.reportMonth} onChange={set('reportMonth')} />
        </Fieldset>
        <Fieldset id={ID.holders}>
          <Fieldset.Legend>{t('certification.schemes.holders')}</Fieldset.Legend>
          <Checkbox label={t('certification.schemes.holder.unit')} checked={v.unit} onChange={(e) => setV((x) => ({ ...x, unit: e.target.checked }))} />
          <Checkbox label={t('certification.schemes.holder.organisation')} checked={v.organisation} onChange={(e) => setV((x) => ({ ...x, organisation: e.target.checked }))} />
          {errors.fields.holders && <ValidationMessage>{errors.fields.holders}</ValidationMessage>}
        </Fieldset>
        <Checkbox id={ID.countsForCoverage} label={t('certification.schemes.countsLabel')} checked={v.counts} onChange={(e) => setV((x) => ({ ...x, counts: e.target.checked }))} />
        <div className="actions">
          <Button type="submit" disabled={save.isPending}>
            {t('certification.schemes.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
