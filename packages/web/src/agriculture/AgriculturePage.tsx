import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { useFormErrors } from '../app/ui/useFormErrors';
import { useOrganisations } from '../organisations/queries';
import { cssVar, StackedBars } from './BarChart';
import { DeliveryImport } from './DeliveryForms';
import { agKeys, nameOf, useFarms, useOptions, useResults } from './queries';
import type { FarmListItem, Options, Results } from './types';
import './agriculture.css';

/** Agriculture (B5): the organic share and local deliveries by year, the farms, and the agriculture office's tools. */
export function AgriculturePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = can.readInternal(user);
  const editor = can.editDomain(user, 'agriculture');
  const results = useResults(staff);
  const options = useOptions();
  return (
    <>
      <PageHeading>{t('agriculture.title')}</PageHeading>
      <Paragraph className="lead">{staff ? t('agriculture.intro') : t('agriculture.introBusiness')}</Paragraph>
      {staff && (results.isPending || options.isPending ? <Loading /> : results.isError ? <QueryError error={results.error} /> : options.isError ? <QueryError error={options.error} /> : <ResultsView r={results.data} options={options.data} />)}
      <FarmList staff={staff} />
      {editor && options.data && (
        <div className="ag-grid">
          <RegisterFarm options={options.data} />
          <DeliveryImport />
        </div>
      )}
    </>
  );
}

const pct = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function ResultsView({ r, options }: { r: Results; options: Options }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language;
  const complete = r.years.filter((y) => !y.partial && (y.totalDaa > 0 || y.deliveredKg > 0));
  const last = complete.at(-1) ?? null;
  const [year, setYear] = useState<number | null>(last?.year ?? null);
  const chosen = r.years.find((y) => y.year === year) ?? null;
  const shown = r.years.filter((y) => y.totalDaa > 0 || y.deliveredKg > 0);
  const colours = ['--ds-color-accent-base-default', '--ds-color-success-base-default', '--ds-color-warning-base-default', '--ds-color-info-base-default', '--ds-color-danger-base-default', '--ds-color-neutral-base-default'];
  const fallback = ['#0062ba', '#068718', '#b35900', '#0a71c0', '#c01b1b', '#68707c'];
  return (
    <>
      {last ? (
        <ul className="ag-figures" aria-label={t('agriculture.figures.label')}>
          <li>
            <strong>{f.number(pct(last.organicShare), 1)} %</strong> {t('agriculture.figures.organic', { year: last.year })}
          </li>
          <li>
            <strong>{f.number(pct(last.conversionShare), 1)} %</strong> {t('agriculture.figures.conversion', { year: last.year })}
          </li>
          <li>
            <strong>{f.number(last.deliveredKg / 1000, 1)}</strong> {t('agriculture.figures.delivered', { year: last.year })}
          </li>
          <li>
            <strong>{f.number(last.horticultureFarms)}</strong> {t('agriculture.figures.farms', { year: last.year })}
          </li>
        </ul>
      ) : (
        <Paragraph>{t('agriculture.figures.none')}</Paragraph>
      )}
      <section aria-labelledby="ag-share" className="block">
        <Heading level={2} data-size="sm" id="ag-share">
          {t('agriculture.share.title')}
        </Heading>
        <Paragraph data-size="sm">{t('agriculture.share.method')}</Paragraph>
        {shown.length > 0 && (
          <StackedBars
            testId="ag-share-chart"
            unit="%"
            years={shown.map((y) => y.year)}
            series={[
              { name: t('agriculture.share.seriesOrganic'), data: shown.map((y) => pct(y.organicShare) ?? 0), color: cssVar('--ds-color-success-base-default', '#068718') },
              { name: t('agriculture.share.seriesConversion'), data: shown.map((y) => pct(y.conversionShare) ?? 0), color: cssVar('--ds-color-warning-base-default', '#b35900') },
            ]}
          />
        )}
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('agriculture.share.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('agriculture.share.year')}</Table.HeaderCell>
                {(['total', 'organicDaa', 'conversionDaa', 'organicPct', 'conversionPct', 'farms'] as const).map((k) => (
                  <Table.HeaderCell key={k} scope="col" className="num">
                    {t(`agriculture.share.${k}`)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((y) => (
                <Table.Row key={y.year}>
                  <Table.HeaderCell scope="row">{y.partial ? t('agriculture.share.partial', { year: y.year }) : y.year}</Table.HeaderCell>
                  <Table.Cell className="num">{f.number(y.totalDaa, 0)}</Table.Cell>
                  <Table.Cell className="num">{f.number(y.organicDaa, 0)}</Table.Cell>
                  <Table.Cell className="num">{f.number(y.conversionDaa, 0)}</Table.Cell>
                  <Table.Cell className="num">{f.number(pct(y.organicShare), 1)}</Table.Cell>
                  <Table.Cell className="num">{f.number(pct(y.conversionShare), 1)}</Table.Cell>
                  <Table.Cell className="num">{f.number(y.farms)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <section aria-labelledby="ag-del" className="block">
        <Heading level={2} data-size="sm" id="ag-del">
          {t('agriculture.deliveries.title')}
        </Heading>
        {shown.length > 0 && (
          <>
            <Paragraph data-size="sm">{t('agriculture.deliveries.byChannelChart')}</Paragraph>
            <StackedBars testId="ag-delivery-chart" unit={t('agriculture.deliveries.tonnes')} years={shown.map((y) => y.year)} series={options.channels.map((c, i) => ({ name: nameOf(options.channels, c.key, lang), data: shown.map((y) => Math.round((y.byChannel[c.key]?.kg ?? 0) / 100) / 10), color: cssVar(colours[i % colours.length]!, fallback[i % fallback.length]!) }))} />
          </>
        )}
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('agriculture.deliveries.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('agriculture.deliveries.year')}</Table.HeaderCell>
                {(['tonnes', 'valueNok', 'farms', 'horticulture'] as const).map((k) => (
                  <Table.HeaderCell key={k} scope="col" className="num">
                    {t(`agriculture.deliveries.${k}`)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((y) => (
                <Table.Row key={y.year}>
                  <Table.HeaderCell scope="row">{y.partial ? t('agriculture.share.partial', { year: y.year }) : y.year}</Table.HeaderCell>
                  <Table.Cell className="num">{f.number(y.deliveredKg / 1000, 1)}</Table.Cell>
                  <Table.Cell className="num">{f.number(y.deliveredNok, 0)}</Table.Cell>
                  <Table.Cell className="num">{f.number(y.deliveringFarms)}</Table.Cell>
                  <Table.Cell className="num">{f.number(y.horticultureFarms)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        {shown.length > 0 && (
          <Field className="ag-year">
            <Label htmlFor="ag-year">{t('agriculture.deliveries.chooseYear')}</Label>
            <Select id="ag-year" value={String(year ?? '')} onChange={(e) => setYear(Number(e.target.value))}>
              {shown.map((y) => (
                <Select.Option key={y.year} value={String(y.year)}>
                  {y.year}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        {chosen && (
          <div className="ag-grid">
            {(['channel', 'product'] as const).map((dim) => {
              const map = dim === 'channel' ? chosen.byChannel : chosen.byProduct;
              const list = dim === 'channel' ? options.channels : options.products;
              const rows = Object.entries(map).sort((a, b) => b[1].kg - a[1].kg);
              return (
                <div className="table-wrap" key={dim}>
                  <Table zebra border data-size="sm">
                    <caption>{t(dim === 'channel' ? 'agriculture.deliveries.byChannel' : 'agriculture.deliveries.byProduct', { year: chosen.year })}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{t(`agriculture.deliveries.${dim}`)}</Table.HeaderCell>
                        <Table.HeaderCell scope="col" className="num">
                          {t('agriculture.deliveries.kg')}
                        </Table.HeaderCell>
                        <Table.HeaderCell scope="col" className="num">
                          {t('agriculture.deliveries.valueNok')}
                        </Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {rows.length === 0 ? (
                        <Table.Row>
                          <Table.Cell colSpan={3}>{t('agriculture.deliveries.none', { year: chosen.year })}</Table.Cell>
                        </Table.Row>
                      ) : (
                        rows.map(([k, v]) => (
                          <Table.Row key={k}>
                            <Table.HeaderCell scope="row">{nameOf(list, k, lang)}</Table.HeaderCell>
                            <Table.Cell className="num">{f.number(v.kg, 0)}</Table.Cell>
                            <Table.Cell className="num">{f.number(v.nok, 0)}</Table.Cell>
                          </Table.Row>
                        ))
                      )}
                    </Table.Body>
                  </Table>
                </div>
              );
            })}
          </div>
        )}
        <nav aria-label={t('agriculture.export.title')} className="ag-export">
          <span>{t('agriculture.export.title')}:</span>
          <a href={apiUrl('/agriculture/results/export', { format: 'csv', table: 'years' })} download>
            {t('agriculture.export.csvYears')}
          </a>
          <a href={apiUrl('/agriculture/results/export', { format: 'csv', table: 'deliveries' })} download>
            {t('agriculture.export.csvDeliveries')}
          </a>
          <a href={apiUrl('/agriculture/results/export', { format: 'xlsx' })} download>
            {t('agriculture.export.xlsx')}
          </a>
        </nav>
      </section>
    </>
  );
}

function FarmList({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const farms = useFarms();
  if (farms.isPending) return <Loading />;
  if (farms.isError) return <QueryError error={farms.error} />;
  const lastYear = farms.data[0]?.lastYear ?? new Date().getFullYear() - 1;
  return (
    <section aria-labelledby="ag-farms" className="block">
      <Heading level={2} data-size="sm" id="ag-farms">
        {staff ? t('agriculture.farms.title') : t('agriculture.farms.own')}
      </Heading>
      {!staff && farms.data.length > 0 && (
        <Paragraph>
          <AppLink to="/agriculture/report">{t('agriculture.farms.report')}</AppLink>
        </Paragraph>
      )}
      {farms.data.length === 0 ? (
        <Paragraph>{staff ? t('agriculture.farms.none') : t('agriculture.report.noFarm')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('agriculture.farms.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('agriculture.farms.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('agriculture.farms.area')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('agriculture.farms.organic')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('agriculture.farms.conversion')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agriculture.farms.certifier')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('agriculture.farms.lastYearKg', { year: lastYear })}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {farms.data.map((x: FarmListItem) => (
                <Table.Row key={x.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to="/agriculture/farms/$id" params={{ id: x.id }}>
                      {x.name}
                    </AppLink>
                    {x.place && <span className="ag-muted"> · {x.place}</span>}
                  </Table.HeaderCell>
                  <Table.Cell className="num">{f.number(x.agriculturalAreaDaa, 0)}</Table.Cell>
                  <Table.Cell className="num">{f.number(x.organicDaa, 0)}</Table.Cell>
                  <Table.Cell className="num">{f.number(x.conversionDaa, 0)}</Table.Cell>
                  <Table.Cell>{x.certifier ?? '–'}</Table.Cell>
                  <Table.Cell className="num">{f.number(x.lastYearKg, 0)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

const RID = { organisationId: 'ag-r-org', agriculturalAreaDaa: 'ag-r-area' };

/** The agriculture office registers an organisation of kind farm as a farm. */
function RegisterFarm({ options }: { options: Options }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganisations({ kind: 'farm', limit: 200 });
  const farms = useFarms();
  const [v, setV] = useState({ organisationId: '', area: '' });
  const errors = useFormErrors(RID);
  const taken = new Set((farms.data ?? []).map((x) => x.organisationId));
  const free = (orgs.data?.items ?? []).filter((o) => !taken.has(o.id));
  const save = useMutation({
    mutationFn: () => api<{ name: string }>('/agriculture/farms', { method: 'POST', body: { organisationId: v.organisationId, agriculturalAreaDaa: Number(v.area.replace(',', '.')) } }),
    onSuccess: () => {
      errors.clear();
      setV({ organisationId: '', area: '' });
      return qc.invalidateQueries({ queryKey: agKeys.all });
    },
    onError: (e) => errors.fromError(e),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  void options;
  return (
    <section aria-labelledby="ag-register" className="ag-card">
      <Heading level={2} data-size="sm" id="ag-register">
        {t('agriculture.register.title')}
      </Heading>
      <Paragraph data-size="sm">{t('agriculture.register.intro')}</Paragraph>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <form className="ag-form" onSubmit={submit} noValidate>
        <Field>
          <Label htmlFor={RID.organisationId}>{t('agriculture.register.organisation')}</Label>
          <Select id={RID.organisationId} value={v.organisationId} onChange={(e) => setV((x) => ({ ...x, organisationId: e.target.value }))} aria-invalid={errors.fields.organisationId ? true : undefined}>
            <Select.Option value="">{t('agriculture.register.choose')}</Select.Option>
            {free.map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.organisationId && <ValidationMessage>{errors.fields.organisationId}</ValidationMessage>}
        </Field>
        <Textfield id={RID.agriculturalAreaDaa} label={t('agriculture.register.area')} inputMode="decimal" value={v.area} onChange={(e) => setV((x) => ({ ...x, area: e.target.value }))} error={errors.fields.agriculturalAreaDaa} autoComplete="off" />
        <div className="ag-form__actions">
          <Button type="submit" variant="secondary" disabled={save.isPending || !v.organisationId}>
            {t('agriculture.register.submit')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">{save.data && <Alert data-color="success">{t('agriculture.register.saved', { name: save.data.name })}</Alert>}</div>
    </section>
  );
}
