import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import './investments.css';

interface Label2 { nb: string; en: string }
interface ReportFigure { id: string; asOf: string; holdings: number; totalOre: number; breachedOre: number; breachedShare: number; fossilShare: number; review: number }
interface Overview {
  policy: { version: number; title: string; isDefault: boolean; adopted: { body: string; date: string | null; caseNumber: string | null }; adoptedLists: string[]; criteria: { id: string; kind: string; label: Label2; fossil: boolean; maxRevenueShare: number | null }[] };
  lists: { key: string; name: string; version: number; entries: number; sourceFile: string; importedAt: string; importedBy: string; adopted: boolean }[];
  portfolios: { key: string; name: string; reports: ReportFigure[] }[];
  trend: { date: string; totalOre: number; breachedOre: number; breachedShare: number; fossilShare: number; breachedHoldings: number }[];
}
interface Breach { criterionId: string; source: 'list' | 'data'; status: 'breach' | 'watch'; detail: string }
interface Match { listKey: string; listName: string; listVersion: number; method: string; score: number; status: 'match' | 'review'; decided: boolean; reason: string; sharedTokens: string[]; onlyInHolding: string[]; onlyInList: string[] }
interface Holding { line: number; name: string; isin: string | null; country: string | null; marketValueOre: number; share: number; holdingKey: string; matches: Match[]; breaches: Breach[] }
interface Screening {
  report: { id: string; asOf: string; portfolioKey: string; portfolioName: string; sourceFile: string };
  policy: { version: number; title: string; isDefault: boolean };
  lists: { key: string; name: string; version: number; entries: number }[];
  criteria: { id: string; label: Label2; fossil: boolean }[];
  summary: { totalOre: number; breachedOre: number; breachedShare: number; fossilShare: number; breachedHoldings: number; watchedHoldings: number; byCriterion: { criterionId: string; holdings: number; marketValueOre: number; share: number }[] };
  breaches: Holding[];
  review: (Holding & { portfolioKey: string; asOf: string })[];
  holdings: number;
}
interface Divestment { portfolioKey: string; portfolioName: string; companyKey: string; companyName: string; criteria: string[]; marketValueOre: number; status: 'flagged' | 'decided' | 'sold'; flaggedAt: string | null; decidedAt: string | null; decidedBy: string | null; soldAt: string | null; soldBy: string | null; ageDays: number }

const PAGE = 20;
const NEXT: Record<Divestment['status'], Divestment['status'] | null> = { flagged: 'decided', decided: 'sold', sold: null };

/** Fossil-free and ethical investments: breaches per portfolio and report, review queue, divestments, trend, imports. */
export function InvestmentsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const overview = useQuery({ queryKey: ['investments', 'overview'], queryFn: ({ signal }) => api<Overview>('/investments/overview', { signal }) });
  const [reportId, setReportId] = useState<string | null>(null);
  const editor = can.editDomain(user, 'investments');
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <QueryError error={overview.error} />;
  const o = overview.data;
  const reports = o.portfolios.flatMap((p) => p.reports.map((r) => ({ ...r, portfolio: p.name })));
  const latest = o.portfolios.map((p) => p.reports.at(-1)).filter((r): r is ReportFigure => !!r);
  const chosen = reportId ?? latest[0]?.id ?? null;
  return (
    <>
      <PageHeading>{t('domains.investments.name')}</PageHeading>
      <Paragraph className="lead">{t('investments.intro')}</Paragraph>
      <PolicyNote o={o} />
      {reports.length === 0 ? (
        <Alert data-color="info">{t('investments.empty')}</Alert>
      ) : (
        <>
          <Figures o={o} />
          <Field className="inv-report-picker">
            <Label htmlFor="inv-report">{t('investments.report')}</Label>
            <Select id="inv-report" value={chosen ?? ''} onChange={(e) => setReportId(e.target.value)}>
              {reports.map((r) => (
                <Select.Option key={r.id} value={r.id}>{`${r.portfolio} – ${r.asOf}`}</Select.Option>
              ))}
            </Select>
          </Field>
          {chosen && <ReportView reportId={chosen} />}
          <ReviewQueue editor={editor} />
          <Divestments editor={editor} />
          <Trend o={o} />
        </>
      )}
      {editor && <Imports />}
    </>
  );
}

function PolicyNote({ o }: { o: Overview }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const p = o.policy;
  return (
    <section aria-labelledby="inv-policy" className="inv-section">
      <Heading level={2} data-size="sm" id="inv-policy">{t('investments.policy.heading')}</Heading>
      <Paragraph>
        {p.title} · {p.isDefault ? t('investments.policy.default') : t('investments.policy.version', { version: p.version })}
        {p.adopted.date ? ` · ${t('investments.policy.adopted', { body: p.adopted.body, date: f.date(p.adopted.date) })}` : ''}
        {p.adopted.caseNumber ? ` · ${t('investments.policy.case', { number: p.adopted.caseNumber })}` : ''}
      </Paragraph>
      <ul className="inv-criteria">
        {p.criteria.map((c) => (
          <li key={c.id}>
            {i18n.language === 'en' ? c.label.en : c.label.nb}
            {c.maxRevenueShare !== null ? ` (${c.maxRevenueShare === 0 ? t('investments.policy.any') : t('investments.policy.threshold', { value: f.number(c.maxRevenueShare * 100, 1) })})` : ''}
          </li>
        ))}
      </ul>
      <Paragraph data-size="sm">
        {t('investments.policy.lists')}: {o.lists.length ? o.lists.map((l) => `${l.name} (${t('investments.policy.listVersion', { version: l.version, entries: l.entries })}${l.adopted ? '' : `, ${t('investments.policy.notAdopted')}`})`).join('; ') : t('investments.policy.noLists')}
      </Paragraph>
    </section>
  );
}

function Figures({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ul className="inv-figures" aria-label={t('investments.figures.label')}>
      {o.portfolios.map((p) => {
        const r = p.reports.at(-1);
        if (!r) return null;
        return (
          <li key={p.key}>
            <span>{t('investments.figures.portfolio', { name: p.name, date: f.date(r.asOf) })}</span>
            <span className="inv-figure__value">{f.number(r.breachedShare * 100, 1)} %</span>
            <span>{t('investments.figures.breached', { nok: f.number(r.breachedOre / 100, 0), total: f.number(r.totalOre / 100, 0) })}</span>
            <span>{t('investments.figures.fossil', { value: f.number(r.fossilShare * 100, 1) })}</span>
          </li>
        );
      })}
    </ul>
  );
}

function ReportView({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const s = useQuery({ queryKey: ['investments', 'screening', reportId], queryFn: ({ signal }) => api<Screening>('/investments/screening', { signal, query: { reportId } }) });
  const [page, setPage] = useState(1);
  if (s.isPending) return <Loading />;
  if (s.isError) return <QueryError error={s.error} />;
  const r = s.data;
  const label = (id: string) => {
    const c = r.criteria.find((x) => x.id === id);
    return c ? (i18n.language === 'en' ? c.label.en : c.label.nb) : t('investments.criteria.adopted_list');
  };
  const nok = (ore: number) => f.number(ore / 100, 0);
  const pct = (x: number) => `${f.number(x * 100, 2)} %`;
  const rows = r.breaches.slice((page - 1) * PAGE, page * PAGE);
  return (
    <section aria-labelledby="inv-breaches" className="inv-section">
      <Heading level={2} data-size="sm" id="inv-breaches">{t('investments.breaches.heading', { portfolio: r.report.portfolioName, date: f.date(r.report.asOf) })}</Heading>
      <Paragraph data-size="sm">
        {t('investments.breaches.summary', { holdings: r.holdings, breached: r.summary.breachedHoldings, watched: r.summary.watchedHoldings, share: pct(r.summary.breachedShare), fossil: pct(r.summary.fossilShare) })}{' '}
        <a href={apiUrl('/investments/screening/export.xlsx', { reportId })} download>{t('investments.breaches.export')}</a>{' '}
        <a href={apiUrl('/investments/screening/report.pdf', { reportId })} download>{t('investments.breaches.exportPdf')}</a>
      </Paragraph>
      {r.summary.byCriterion.length > 0 && (
        <Table zebra className="inv-table">
          <caption>{t('investments.byCriterion.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('investments.byCriterion.criterion')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('investments.byCriterion.holdings')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('investments.byCriterion.nok')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('investments.byCriterion.share')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {r.summary.byCriterion.map((c) => (
              <Table.Row key={c.criterionId}>
                <Table.Cell>{label(c.criterionId)}</Table.Cell>
                <Table.Cell className="num">{c.holdings}</Table.Cell>
                <Table.Cell className="num">{nok(c.marketValueOre)}</Table.Cell>
                <Table.Cell className="num">{pct(c.share)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {r.breaches.length === 0 ? (
        <Alert data-color="success">{t('investments.breaches.none')}</Alert>
      ) : (
        <>
          <Table zebra className="inv-table">
            <caption>{t('investments.breaches.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('investments.breaches.company')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('investments.breaches.nok')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('investments.breaches.share')}</Table.HeaderCell>
                <Table.HeaderCell>{t('investments.breaches.why')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((h) => (
                <Table.Row key={h.line}>
                  <Table.Cell>
                    {h.name}
                    {h.isin && <span className="inv-muted"> · {h.isin}</span>}
                  </Table.Cell>
                  <Table.Cell className="num">{nok(h.marketValueOre)}</Table.Cell>
                  <Table.Cell className="num">{pct(h.share)}</Table.Cell>
                  <Table.Cell>
                    <ul className="inv-why">
                      {h.breaches.map((b) => (
                        <li key={b.criterionId}>
                          <Tag data-color={b.status === 'breach' ? 'danger' : 'warning'} data-size="sm">{b.status === 'breach' ? t('investments.status.breach') : t('investments.status.watch')}</Tag> <strong>{label(b.criterionId)}</strong>: {b.detail}
                        </li>
                      ))}
                      {h.matches.filter((m) => m.status === 'match').map((m) => (
                        <li key={m.listKey + m.listName} className="inv-muted">{t('investments.breaches.matched', { name: m.listName, method: t(`investments.methods.${m.method}`), score: f.number(m.score * 100, 0) })}</li>
                      ))}
                    </ul>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager page={page} total={r.breaches.length} pageSize={PAGE} onChange={setPage} />
        </>
      )}
    </section>
  );
}

function ReviewQueue({ editor }: { editor: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['investments', 'review'], queryFn: ({ signal }) => api<{ items: Screening['review'] }>('/investments/review', { signal }) });
  const decide = useMutation({
    mutationFn: (b: { holdingKey: string; listName: string; decision: 'confirmed' | 'rejected' }) => api('/investments/review', { method: 'POST', body: b }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['investments'] }),
  });
  return (
    <section aria-labelledby="inv-review" className="inv-section">
      <Heading level={2} data-size="sm" id="inv-review">{t('investments.review.heading')}</Heading>
      <Paragraph data-size="sm">{t('investments.review.intro')}</Paragraph>
      {q.isPending ? <Loading /> : q.isError ? <QueryError error={q.error} /> : q.data.items.length === 0 ? (
        <Alert data-color="success">{t('investments.review.empty')}</Alert>
      ) : (
        <Table zebra className="inv-table">
          <caption>{t('investments.review.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('investments.review.holding')}</Table.HeaderCell>
              <Table.HeaderCell>{t('investments.review.candidate')}</Table.HeaderCell>
              <Table.HeaderCell>{t('investments.review.evidence')}</Table.HeaderCell>
              {editor && <Table.HeaderCell>{t('investments.review.decision')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {q.data.items.flatMap((h) =>
              h.matches.map((m) => (
                <Table.Row key={`${h.portfolioKey}-${h.line}-${m.listName}`}>
                  <Table.Cell>{h.name}<span className="inv-muted"> · {h.portfolioKey} {h.asOf}</span></Table.Cell>
                  <Table.Cell>{m.listName}<span className="inv-muted"> · {m.listKey}</span></Table.Cell>
                  <Table.Cell>
                    {m.reason}
                    <span className="inv-muted"> · {t('investments.review.tokens', { shared: m.sharedTokens.join(', ') || '–', holding: m.onlyInHolding.join(', ') || '–', list: m.onlyInList.join(', ') || '–' })} · {f.number(m.score * 100, 0)} %</span>
                  </Table.Cell>
                  {editor && (
                    <Table.Cell>
                      <div className="inv-buttons">
                        <Button data-size="sm" variant="primary" disabled={decide.isPending} onClick={() => decide.mutate({ holdingKey: h.holdingKey, listName: m.listName, decision: 'confirmed' })} aria-label={t('investments.review.confirmLabel', { holding: h.name, candidate: m.listName })}>{t('investments.review.confirm')}</Button>
                        <Button data-size="sm" variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate({ holdingKey: h.holdingKey, listName: m.listName, decision: 'rejected' })} aria-label={t('investments.review.rejectLabel', { holding: h.name, candidate: m.listName })}>{t('investments.review.reject')}</Button>
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              )),
            )}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function Divestments({ editor }: { editor: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['investments', 'divestments'], queryFn: ({ signal }) => api<{ items: Divestment[] }>('/investments/divestments', { signal }) });
  const move = useMutation({
    mutationFn: (b: { portfolioKey: string; companyKey: string; companyName: string; status: string }) => api('/investments/divestments', { method: 'POST', body: b }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['investments'] }),
  });
  return (
    <section aria-labelledby="inv-divest" className="inv-section">
      <Heading level={2} data-size="sm" id="inv-divest">{t('investments.divest.heading')}</Heading>
      {q.isPending ? <Loading /> : q.isError ? <QueryError error={q.error} /> : q.data.items.length === 0 ? (
        <Alert data-color="success">{t('investments.divest.empty')}</Alert>
      ) : (
        <Table zebra className="inv-table">
          <caption>{t('investments.divest.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('investments.divest.company')}</Table.HeaderCell>
              <Table.HeaderCell>{t('investments.divest.status')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('investments.divest.nok')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('investments.divest.age')}</Table.HeaderCell>
              <Table.HeaderCell>{t('investments.divest.history')}</Table.HeaderCell>
              {editor && <Table.HeaderCell>{t('investments.divest.next')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {q.data.items.map((d) => {
              const next = NEXT[d.status];
              return (
                <Table.Row key={`${d.portfolioKey}-${d.companyKey}`}>
                  <Table.Cell>{d.companyName}<span className="inv-muted"> · {d.portfolioName}</span></Table.Cell>
                  <Table.Cell><Tag data-color={d.status === 'sold' ? 'success' : d.status === 'decided' ? 'info' : 'danger'} data-size="sm">{t(`investments.divest.statuses.${d.status}`)}</Tag></Table.Cell>
                  <Table.Cell className="num">{f.number(d.marketValueOre / 100, 0)}</Table.Cell>
                  <Table.Cell className="num">{d.ageDays}</Table.Cell>
                  <Table.Cell className="inv-muted">
                    {[d.flaggedAt && t('investments.divest.flaggedAt', { date: f.date(d.flaggedAt) }), d.decidedAt && t('investments.divest.decidedAt', { date: f.date(d.decidedAt), who: d.decidedBy ?? '' }), d.soldAt && t('investments.divest.soldAt', { date: f.date(d.soldAt), who: d.soldBy ?? '' })].filter(Boolean).join(' · ') || '–'}
                  </Table.Cell>
                  {editor && (
                    <Table.Cell>
                      {next && (
                        <Button data-size="sm" variant="secondary" disabled={move.isPending} onClick={() => move.mutate({ portfolioKey: d.portfolioKey, companyKey: d.companyKey, companyName: d.companyName, status: d.flaggedAt ? next : 'flagged' })}>
                          {d.flaggedAt ? t(`investments.divest.to.${next}`) : t('investments.divest.to.flagged')}
                        </Button>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function Trend({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(0.0001, ...o.trend.map((x) => x.breachedShare));
  return (
    <section aria-labelledby="inv-trend" className="inv-section">
      <Heading level={2} data-size="sm" id="inv-trend">{t('investments.trend.heading')}</Heading>
      <Table zebra className="inv-table">
        <caption>{t('investments.trend.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('investments.trend.date')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('investments.trend.share')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('investments.trend.fossil')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('investments.trend.holdings')}</Table.HeaderCell>
            <Table.HeaderCell><span className="ds-sr-only">{t('investments.trend.share')}</span></Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {o.trend.map((x) => (
            <Table.Row key={x.date}>
              <Table.Cell>{f.date(x.date)}</Table.Cell>
              <Table.Cell className="num">{f.number(x.breachedShare * 100, 1)} %</Table.Cell>
              <Table.Cell className="num">{f.number(x.fossilShare * 100, 1)} %</Table.Cell>
              <Table.Cell className="num">{x.breachedHoldings}</Table.Cell>
              <Table.Cell className="inv-bar__cell" aria-hidden="true"><span className="inv-bar" style={{ width: `${(100 * x.breachedShare) / max}%` }} /></Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

function ImportResultView({ error, done }: { error: unknown; done: string | null }) {
  const { t } = useTranslation();
  if (error instanceof ApiError)
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{error.message}</Paragraph>
        {error.details.length > 0 && (
          <ul>
            {error.details.slice(0, 50).map((d, i) => (
              <li key={i}>{[d.line !== undefined ? t('investments.import.line', { line: d.line }) : null, d.field].filter(Boolean).join(', ')}: {d.message}</li>
            ))}
          </ul>
        )}
      </Alert>
    );
  if (error) return <Alert data-color="danger" role="alert">{String(error)}</Alert>;
  return done ? <Alert data-color="success" role="status">{done}</Alert> : null;
}

function Imports() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [listKey, setListKey] = useState('nbim');
  const [listName, setListName] = useState('Norges Bank: utelukkelse og observasjon');
  const [listFile, setListFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [portfolioKey, setPortfolioKey] = useState('');
  const [portfolioName, setPortfolioName] = useState('');
  const [asOf, setAsOf] = useState('');
  const [holdingsFile, setHoldingsFile] = useState<File | null>(null);
  const [listDone, setListDone] = useState<string | null>(null);
  const [holdingsDone, setHoldingsDone] = useState<string | null>(null);
  const [dataFile, setDataFile] = useState<File | null>(null);
  const [dataDone, setDataDone] = useState<string | null>(null);
  const importData = useMutation({
    mutationFn: () => {
      const fd = new FormData();
      fd.append('file', dataFile!, dataFile!.name);
      return api<{ companies: number; created: number; updated: number; unchanged: number }>('/investments/company-data/import', { method: 'POST', body: fd });
    },
    onSuccess: (r) => {
      setDataDone(t('investments.import.dataDone', { ...r }));
      void qc.invalidateQueries({ queryKey: ['investments'] });
    },
  });
  const importList = useMutation({
    mutationFn: () => {
      const fd = new FormData();
      fd.append('listKey', listKey);
      fd.append('listName', listName);
      fd.append('file', listFile ?? new Blob([pasted], { type: 'text/plain' }), listFile?.name ?? `${listKey}-limt-inn.txt`);
      return api<{ version: number; entries: number; unchanged: boolean }>('/investments/lists/import', { method: 'POST', body: fd });
    },
    onSuccess: (r) => {
      setListDone(r.unchanged ? t('investments.import.unchanged', { version: r.version }) : t('investments.import.listDone', { version: r.version, entries: r.entries }));
      void qc.invalidateQueries({ queryKey: ['investments'] });
    },
  });
  const importHoldings = useMutation({
    mutationFn: () => {
      const fd = new FormData();
      fd.append('portfolioKey', portfolioKey);
      fd.append('portfolioName', portfolioName);
      fd.append('asOf', asOf);
      fd.append('file', holdingsFile!, holdingsFile!.name);
      return api<{ holdings: number; unchanged: boolean; asOf: string }>('/investments/holdings/import', { method: 'POST', body: fd });
    },
    onSuccess: (r) => {
      setHoldingsDone(r.unchanged ? t('investments.import.holdingsUnchanged') : t('investments.import.holdingsDone', { holdings: r.holdings, date: r.asOf }));
      void qc.invalidateQueries({ queryKey: ['investments'] });
    },
  });
  const submitList = (e: FormEvent) => {
    e.preventDefault();
    setListDone(null);
    importList.mutate();
  };
  const submitHoldings = (e: FormEvent) => {
    e.preventDefault();
    setHoldingsDone(null);
    importHoldings.mutate();
  };
  return (
    <section aria-labelledby="inv-import" className="inv-section">
      <Heading level={2} data-size="sm" id="inv-import">{t('investments.import.heading')}</Heading>
      <div className="inv-imports">
        <form onSubmit={submitList} className="inv-form">
          <Heading level={3} data-size="xs">{t('investments.import.listHeading')}</Heading>
          <Paragraph data-size="sm">{t('investments.import.listHelp')}</Paragraph>
          <Textfield label={t('investments.import.listKey')} value={listKey} onChange={(e) => setListKey(e.target.value)} required />
          <Textfield label={t('investments.import.listName')} value={listName} onChange={(e) => setListName(e.target.value)} />
          <Field>
            <Label htmlFor="inv-list-file">{t('investments.import.file')}</Label>
            <input id="inv-list-file" className="ds-input" type="file" accept=".csv,.xlsx,.html,.htm,.txt" onChange={(e) => setListFile(e.target.files?.[0] ?? null)} />
          </Field>
          <Field>
            <Label htmlFor="inv-paste">{t('investments.import.paste')}</Label>
            <Textarea id="inv-paste" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </Field>
          <Button type="submit" disabled={importList.isPending || (!listFile && !pasted.trim())}>{t('investments.import.listSubmit')}</Button>
          <ImportResultView error={importList.error} done={listDone} />
        </form>
        <form onSubmit={submitHoldings} className="inv-form">
          <Heading level={3} data-size="xs">{t('investments.import.holdingsHeading')}</Heading>
          <Paragraph data-size="sm">{t('investments.import.holdingsHelp')}</Paragraph>
          <Textfield label={t('investments.import.portfolioKey')} value={portfolioKey} onChange={(e) => setPortfolioKey(e.target.value)} required />
          <Textfield label={t('investments.import.portfolioName')} value={portfolioName} onChange={(e) => setPortfolioName(e.target.value)} />
          <Textfield label={t('investments.import.asOf')} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
          <Field>
            <Label htmlFor="inv-holdings-file">{t('investments.import.file')}</Label>
            <input id="inv-holdings-file" className="ds-input" type="file" accept=".csv,.xlsx,.txt" onChange={(e) => setHoldingsFile(e.target.files?.[0] ?? null)} required />
          </Field>
          <Button type="submit" disabled={importHoldings.isPending || !holdingsFile}>{t('investments.import.holdingsSubmit')}</Button>
          <ImportResultView error={importHoldings.error} done={holdingsDone} />
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDataDone(null);
            importData.mutate();
          }}
          className="inv-form"
        >
          <Heading level={3} data-size="xs">{t('investments.import.dataHeading')}</Heading>
          <Paragraph data-size="sm">{t('investments.import.dataHelp')}</Paragraph>
          <Field>
            <Label htmlFor="inv-data-file">{t('investments.import.file')}</Label>
            <input id="inv-data-file" className="ds-input" type="file" accept=".csv,.xlsx" onChange={(e) => setDataFile(e.target.files?.[0] ?? null)} required />
          </Field>
          <Button type="submit" disabled={importData.isPending || !dataFile}>{t('investments.import.dataSubmit')}</Button>
          <ImportResultView error={importData.error} done={dataDone} />
        </form>
      </div>
    </section>
  );
}
