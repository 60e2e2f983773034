import { useState } from 'react';
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, tenantPrefix } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import { FactorDecisionsForm, SupplierFactorsForm } from './ClimateForms';
import './climate.css';

type Dim = 'unit' | 'art' | 'funksjon' | 'supplier' | 'month';
const DIMS: Dim[] = ['unit', 'art', 'supplier', 'month', 'funksjon'];
const PAGE = 25;

interface Row { key: string; label: string; parentKey: string | null; ore: number; kg: number; totalOre: number; totalKg: number; shareKg: number; lines: number; category: string | null }
interface Kind { ore: number; kg: number }
interface Report {
  year: number;
  by: Dim;
  totalOre: number;
  totalKg: number;
  lines: number;
  byKind: { supplier: Kind; physical: Kind; average: Kind; not_computed: Kind };
  energy?: { ansvar: number; carriers: { carrier: string; label: string; kwh: number; kg: number; kgPerKwh: number; factorYear: number; source: string }[] };
  rows: Row[];
  hotspots: { art: string; category: string | null; orgnr: string | null; supplierName: string | null; ore: number; kg: number }[];
  set: { key: string; name: string; year: number; currency: string; priceBasis: string; licence: string };
  flagged: string[];
}
interface Sources {
  conversion: { rates: Record<string, { year: number; nokPerUnit: number; source: string }>; priceIndex: { name: string; source: string } };
  exclusion: Record<string, string>;
  categories: { key: string; label: string }[];
}
interface ImportResult { lines: number; imported: number; skipped: number; totalKgCo2e: number; unchanged: boolean; errors: { line: number; field: string | null; message: string }[]; errorCount: number }

/** The climate account of purchases: figures, a breakdown with a table, hotspots, upload, sources. */
export function ClimatePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const imports = useQuery({ queryKey: ['climate', 'imports'], queryFn: ({ signal }) => api<{ years: number[] }>('/climate/imports', { signal }) });
  const years = imports.data?.years ?? [];
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? years.at(-1) ?? new Date().getFullYear() - 1;
  const [by, setBy] = useState<Dim>('unit');
  return (
    <>
      <PageHeading>{t('domains.climate.name')}</PageHeading>
      <Paragraph className="lead">{t('climate.intro')}</Paragraph>
      {imports.isPending ? <Loading /> : imports.isError ? <QueryError error={imports.error} /> : (
        <>
          <div className="cl-controls">
            <Field>
              <Label htmlFor="cl-year">{t('climate.year')}</Label>
              <Select id="cl-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
                {(years.length ? years : [year]).map((y) => (
                  <Select.Option key={y} value={y}>{y}</Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="cl-by">{t('climate.by')}</Label>
              <Select id="cl-by" value={by} onChange={(e) => setBy(e.target.value as Dim)}>
                {DIMS.map((d) => (
                  <Select.Option key={d} value={d}>{t(`climate.dims.${d}`)}</Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <Results year={year} by={by} />
        </>
      )}
      {can.editDomain(user, 'climate') && <Upload />}
      {can.editDomain(user, 'climate') && <SupplierFactorsForm />}
      {can.editDomain(user, 'climate') && <FactorDecisionsForm />}
      <SourcesNote />
    </>
  );
}

const useReport = (year: number, by: Dim) => useQuery({ queryKey: ['climate', 'report', year, by], queryFn: ({ signal }) => api<Report>('/climate/report', { signal, query: { year, by } }) });

function Results({ year, by }: { year: number; by: Dim }) {
  const { t } = useTranslation();
  const f = useFormat();
  const report = useReport(year, by);
  const previous = useReport(year - 1, 'month');
  const [page, setPage] = useState(1);
  if (report.isPending) return <Loading />;
  if (report.isError) return <QueryError error={report.error} />;
  const r = report.data;
  const tonnes = (kg: number) => f.number(kg / 1000, kg < 10_000 ? 1 : 0);
  const pct = (part: number, whole: number) => (whole ? f.number((100 * part) / whole, 1) : '0');
  const prev = previous.data && previous.data.lines > 0 ? previous.data : null;
  const max = Math.max(1, ...r.rows.map((x) => x.totalKg));
  const rows = r.rows.slice((page - 1) * PAGE, page * PAGE);
  return (
    <>
      <ul className="cl-figures" aria-label={t('climate.figures.total')}>
        <li>
          <span>{t('climate.figures.total')} {year}</span>
          <span className="cl-figure__value">{t('climate.figures.tonnes', { value: tonnes(r.totalKg) })}</span>
        </li>
        <li>
          <span>{t('climate.figures.spend')}</span>
          <span className="cl-figure__value">{t('climate.figures.nok', { value: f.number(r.totalOre / 100, 0) })}</span>
        </li>
        {prev && (
          <li>
            <span>{t('climate.figures.previous', { year: year - 1 })}</span>
            <span className="cl-figure__value">{t('climate.figures.tonnes', { value: tonnes(prev.totalKg) })}</span>
            <span>{t('climate.figures.change')}: {f.number((100 * (r.totalKg - prev.totalKg)) / prev.totalKg, 1)} %</span>
          </li>
        )}
        <li>
          <span>{t('climate.figures.supplierShare')}</span>
          <span className="cl-figure__value">{t('climate.figures.percent', { value: pct(r.byKind.supplier.ore, r.totalOre) })}</span>
        </li>
        <li>
          <span>{t('climate.figures.notComputed')}</span>
          <span className="cl-figure__value">{t('climate.figures.percent', { value: pct(r.byKind.not_computed.ore, r.totalOre) })}</span>
        </li>
      </ul>
      {r.totalOre !== 0 && (
        <Table className="cl-table">
          <caption>{t('climate.kinds.caption', { year })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('climate.kinds.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('climate.kinds.shareNok')}</Table.HeaderCell>
              <Table.HeaderCell>{t('climate.kinds.shareKg')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {(['supplier', 'physical', 'average', 'not_computed'] as const).map((k) => (
              <Table.Row key={k}>
                <Table.HeaderCell scope="row">{t(`climate.kinds.${k}`)}</Table.HeaderCell>
                <Table.Cell>{f.number(r.totalOre ? (100 * r.byKind[k].ore) / r.totalOre : 0, 1)} %</Table.Cell>
                <Table.Cell>{f.number(r.totalKg ? (100 * r.byKind[k].kg) / r.totalKg : 0, 1)} %</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {r.energy && r.energy.carriers.length > 0 && (
        <Paragraph data-size="sm">
          {t('climate.kinds.energy', { count: r.energy.ansvar })}{' '}
          {r.energy.carriers.map((c) => t('climate.kinds.carrier', { label: c.label, kwh: f.number(c.kwh, 0), factor: f.number(c.kgPerKwh * 1000, 1), year: c.factorYear, source: c.source })).join(' ')}
        </Paragraph>
      )}
      {r.rows.length === 0 ? (
        <Alert data-color="info">{t('climate.table.empty', { year })}</Alert>
      ) : (
        <>
          <Table className="cl-table" zebra>
            <caption>{t('climate.table.caption', { year, by: t(`climate.dims.${by}`).toLowerCase() })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('climate.table.name')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('climate.table.kg')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('climate.table.nok')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('climate.table.share')}</Table.HeaderCell>
                <Table.HeaderCell className="cl-bar__cell"><span className="ds-sr-only">{t('climate.table.share')}</span></Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((x) => (
                <Table.Row key={x.key}>
                  <Table.Cell>
                    {x.label}
                    {x.category ? ` (${x.category})` : ''}
                  </Table.Cell>
                  <Table.Cell className="num">{tonnes(x.totalKg)}</Table.Cell>
                  <Table.Cell className="num">{f.number(x.totalOre / 100, 0)}</Table.Cell>
                  <Table.Cell className="num">{f.number(100 * x.shareKg, 1)} %</Table.Cell>
                  <Table.Cell className="cl-bar__cell">
                    <span className="cl-bar" style={{ width: `${(100 * Math.max(0, x.totalKg)) / max}%` }} aria-hidden="true" />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager page={page} total={r.rows.length} pageSize={PAGE} onChange={setPage} />
          <Paragraph>
            <a href={apiUrl('/climate/report/export', { year, by, format: 'csv' })} download>{t('climate.export.csv')}</a>{' '}
            <a href={apiUrl('/climate/report/export', { year, by, format: 'xlsx' })} download>{t('climate.export.xlsx')}</a>{' '}
            <a href={apiUrl('/climate/report/summary.pdf', { year })} download>{t('climate.export.pdf')}</a>
          </Paragraph>
          <Heading level={2} data-size="sm">{t('climate.hotspots.title')}</Heading>
          <Table className="cl-table" zebra>
            <caption>{t('climate.hotspots.caption', { year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('climate.hotspots.art')}</Table.HeaderCell>
                <Table.HeaderCell>{t('climate.hotspots.supplier')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('climate.table.kg')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('climate.table.nok')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {r.hotspots.map((h) => (
                <Table.Row key={`${h.art}-${h.orgnr ?? h.supplierName ?? ''}`}>
                  <Table.Cell>{h.art}{h.category ? ` (${h.category})` : ''}</Table.Cell>
                  <Table.Cell>
                    {h.supplierName ?? h.orgnr ?? '–'}
                    {h.kg > 0.02 * r.totalKg && h.orgnr ? <> – <a href={`${tenantPrefix()}/procurement?supplier=${h.orgnr}`}>{t('climate.table.procurement')}</a></> : null}
                  </Table.Cell>
                  <Table.Cell className="num">{tonnes(h.kg)}</Table.Cell>
                  <Table.Cell className="num">{f.number(h.ore / 100, 0)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </>
  );
}

/** Upload with a progress bar (XHR reports upload progress; fetch does not), then the result or every bad line. */
function Upload() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const session = qc.getQueryData<{ csrfToken: string | null }>(['session']);
  const [file, setFile] = useState<File | null>(null);
  const [map, setMap] = useState('');
  const [replace, setReplace] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const send = () => {
    if (!file) return;
    setResult(null);
    setFailure(null);
    setProgress(0);
    const fd = new FormData();
    if (map.trim()) fd.append('map', map.trim());
    fd.append('replacePeriod', String(replace));
    fd.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/climate/imports'));
    xhr.setRequestHeader('accept', 'application/json');
    if (session?.csrfToken) xhr.setRequestHeader('x-csrf-token', session.csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((100 * e.loaded) / e.total));
    xhr.onload = () => {
      setProgress(null);
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status >= 400) setFailure(body.message ?? `HTTP ${xhr.status}`);
        else {
          setResult(body as ImportResult);
          setPage(1);
          void qc.invalidateQueries({ queryKey: ['climate'] });
        }
      } catch {
        setFailure(`HTTP ${xhr.status}`);
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setFailure('Nettverksfeil');
    };
    xhr.send(fd);
  };
  const errors = result?.errors ?? [];
  return (
    <section aria-labelledby="cl-upload" className="cl-card">
      <Heading level={2} data-size="sm" id="cl-upload">{t('climate.upload.title')}</Heading>
      <Paragraph data-size="sm">{t('climate.upload.intro')}</Paragraph>
      <form
        className="cl-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <Field>
          <Label htmlFor="cl-file">{t('climate.upload.file')}</Label>
          <input id="cl-file" className="ds-input" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Textfield label={t('climate.upload.map')} description={t('climate.upload.mapHelp')} value={map} onChange={(e) => setMap(e.target.value)} />
        <Checkbox label={t('climate.upload.replace')} checked={replace} onChange={(e) => setReplace(e.target.checked)} />
        <Button type="submit" disabled={!file || progress !== null}>{t('climate.upload.submit')}</Button>
      </form>
      <div aria-live="polite">
        {progress !== null && (
          <>
            <label htmlFor="cl-progress">{progress < 100 ? t('climate.upload.uploading', { pct: progress }) : t('climate.upload.processing')}</label>
            <progress id="cl-progress" className="cl-progress" max={100} value={progress < 100 ? progress : undefined} />
          </>
        )}
        {failure && <Alert data-color="danger">{failure}</Alert>}
        {result && !errors.length && <Alert data-color="success">{result.unchanged ? t('climate.upload.unchanged') : t('climate.upload.done', { imported: f.number(result.imported, 0), lines: f.number(result.lines, 0), skipped: f.number(result.skipped, 0), tonnes: f.number(result.totalKgCo2e / 1000, 1) })}</Alert>}
        {errors.length > 0 && <Alert data-color="danger">{t('climate.upload.failed')}</Alert>}
      </div>
      {errors.length > 0 && (
        <>
          <Table className="cl-table">
            <caption>{t('climate.upload.errorsCaption', { count: result!.errorCount })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell className="num">{t('climate.upload.line')}</Table.HeaderCell>
                <Table.HeaderCell>{t('climate.upload.field')}</Table.HeaderCell>
                <Table.HeaderCell>{t('climate.upload.message')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {errors.slice((page - 1) * PAGE, page * PAGE).map((e, i) => (
                <Table.Row key={`${e.line}-${e.field}-${i}`}>
                  <Table.Cell className="num">{e.line}</Table.Cell>
                  <Table.Cell>{e.field ?? '–'}</Table.Cell>
                  <Table.Cell>{e.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager page={page} total={errors.length} pageSize={PAGE} onChange={setPage} />
        </>
      )}
    </section>
  );
}

function SourcesNote() {
  const { t } = useTranslation();
  const f = useFormat();
  const sources = useQuery({ queryKey: ['climate', 'sources'], queryFn: ({ signal }) => api<Sources & { sets: { key: string; name: string; year: number; currency: string; priceBasis: string; licence: string; default: boolean; factors: { category: string; label: string; flagged: boolean; decision: unknown }[] }[] }>('/climate/sources', { signal }) });
  if (sources.isPending) return <Loading />;
  if (sources.isError) return <QueryError error={sources.error} />;
  const s = sources.data;
  const set = s.sets.find((x) => x.default) ?? s.sets[0]!;
  const rate = s.conversion.rates[set.currency];
  const flagged = set.factors.filter((x) => x.flagged && !x.decision).map((x) => x.label);
  return (
    <section aria-labelledby="cl-sources" className="cl-card">
      <Heading level={2} data-size="sm" id="cl-sources">{t('climate.sources.title')}</Heading>
      <Paragraph data-size="sm">{t('climate.sources.set', { name: set.name, currency: set.currency, year: set.year, basis: t(`climate.sources.${set.priceBasis === 'basic' ? 'basic' : 'purchaser'}`), licence: set.licence })}</Paragraph>
      {rate && <Paragraph data-size="sm">{t('climate.sources.conversion', { rate: `${f.number(rate.nokPerUnit, 4)} NOK/${set.currency} (${rate.source})`, index: s.conversion.priceIndex.name, source: s.conversion.priceIndex.source })}</Paragraph>}
      <Paragraph data-size="sm">{t('climate.sources.exclusion')}</Paragraph>
      <ul>
        {Object.entries(s.exclusion).map(([k, text]) => (
          <li key={k}>{text}</li>
        ))}
      </ul>
      {flagged.length > 0 && <Paragraph data-size="sm">{t('climate.sources.flagged', { list: flagged.join(', ') })}</Paragraph>}
      <Paragraph data-size="sm">{t('climate.sources.uncertainty')}</Paragraph>
    </section>
  );
}
