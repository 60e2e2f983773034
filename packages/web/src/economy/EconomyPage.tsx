import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../app/api';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { ImportCounts, ImportFailure } from '../app/ui/ImportOutcome';
import { Loading, QueryError } from '../app/ui/Status';
import { EstablishmentMap } from './EstablishmentMap';
import { JobsChart } from './JobsChart';
import { econKeys, ESTABLISHMENTS_PAGE_SIZE, useEstablishments, useOverview } from './queries';
import { CLASSES, type ImportResult, type JobClass, type Overview, type Text } from './types';
import './economy.css';

/** Picks the text of the current language. */
export function useText() {
  const { i18n } = useTranslation();
  return (x: Text | null | undefined) => (x ? (i18n.language === 'en' ? x.en : x.nb) : '');
}

/** Industry structure (the oil-and-gas context of part B): jobs per class and year, by industry code, on the map, with caveats. */
export function EconomyPage() {
  const { t } = useTranslation();
  const [snapshotId, setSnapshotId] = useState<string | undefined>(undefined);
  const overview = useOverview(snapshotId);
  return (
    <>
      <PageHeading>{t('economy.title')}</PageHeading>
      <Paragraph className="lead">{t('economy.intro')}</Paragraph>
      <Paragraph data-size="sm">
        <AppLink to="/economy/rules">{t('economy.rulesLink')}</AppLink>
      </Paragraph>
      {overview.isPending ? <Loading /> : overview.isError ? <QueryError error={overview.error} /> : <OverviewView o={overview.data} snapshotId={snapshotId} onSnapshot={setSnapshotId} />}
    </>
  );
}

function OverviewView({ o, snapshotId, onSnapshot }: { o: Overview; snapshotId: string | undefined; onSnapshot: (id: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const text = useText();
  const [allCodes, setAllCodes] = useState(false);
  if (!o.snapshot || !o.totals) {
    return (
      <>
        <Alert data-color="info" className="block">
          <Paragraph>{t('economy.empty')}</Paragraph>
        </Alert>
        {o.canEdit && <ImportForm />}
      </>
    );
  }
  const s = o.snapshot;
  const totals = o.totals;
  const pct = (x: number | null) => (x === null ? '–' : `${f.number(x, 1)} %`);
  const rows = allCodes ? o.byIndustry : o.byIndustry.slice(0, 15);
  const sid = snapshotId ?? s.id;
  return (
    <>
      <Field className="econ-snapshot">
        <Label htmlFor="econ-snapshot">{t('economy.snapshot.label')}</Label>
        <Select id="econ-snapshot" value={sid} onChange={(e) => onSnapshot(e.target.value)}>
          {[...o.snapshots].reverse().map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {t('economy.snapshot.option', { date: f.date(x.date), count: x.establishments })}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Paragraph data-size="sm">{t('economy.snapshot.source', { file: s.sourceFile, by: s.importedBy, when: f.dateTime(s.updatedAt), rules: o.ruleVersion?.builtIn ? t('economy.snapshot.builtIn') : f.date(o.ruleVersion?.validFrom ?? null) })}</Paragraph>
      {s.fictional && (
        <Alert data-color="warning" className="block">
          <Paragraph data-size="sm">{t('economy.demoNote')}</Paragraph>
        </Alert>
      )}

      <ul className="econ-figures" aria-label={t('economy.figures.label')}>
        <li>
          <strong>{f.number(totals.total)}</strong> {t('economy.figures.total', { date: f.date(s.date), count: s.establishments })}
        </li>
        {(['oil_gas', 'green'] as const).map((c) => (
          <li key={c} className={`econ-figures__${c}`}>
            <strong>{f.number(totals[c])}</strong> {t(`economy.figures.${c}`, { share: pct(totals.shares[c]) })}
            {c === 'green' && totals.certifiedJobs > 0 && <span className="econ-figures__detail">{t('economy.figures.certified', { count: totals.certifiedJobs, n: f.number(totals.certifiedJobs) })}</span>}
          </li>
        ))}
      </ul>

      <section aria-labelledby="econ-trend" className="block">
        <Heading level={2} data-size="sm" id="econ-trend">
          {t('economy.trend.title')}
        </Heading>
        <Paragraph data-size="sm">{t('economy.trend.method')}</Paragraph>
        <JobsChart years={o.years} />
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('economy.trend.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('economy.trend.year')}</Table.HeaderCell>
                {CLASSES.map((c) => (
                  <Table.HeaderCell key={c} className="num">
                    {t(`economy.class.${c}`)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell className="num">{t('economy.trend.total')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('economy.trend.oilShare')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('economy.trend.greenShare')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economy.trend.rules')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {o.years.map((y) => (
                <Table.Row key={y.year}>
                  <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                  {CLASSES.map((c) => (
                    <Table.Cell key={c} className="num">
                      {f.number(y[c])}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="num">{f.number(y.total)}</Table.Cell>
                  <Table.Cell className="num">{pct(y.shares.oil_gas)}</Table.Cell>
                  <Table.Cell className="num">{pct(y.shares.green)}</Table.Cell>
                  <Table.Cell>{y.ruleVersion === '1900-01-01' ? t('economy.snapshot.builtIn') : f.date(y.ruleVersion)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      {o.caveats.length > 0 && (
        <section aria-labelledby="econ-caveats" className="block">
          <Heading level={2} data-size="sm" id="econ-caveats">
            {t('economy.caveats.title')}
          </Heading>
          <Paragraph data-size="sm">{t('economy.caveats.intro')}</Paragraph>
          <ul className="econ-caveats">
            {o.caveats.map((c) => (
              <li key={c.ruleId}>
                <strong>{c.basis === 'certification' ? t('economy.caveats.certification') : t('economy.caveats.code', { code: c.prefix, share: f.number(c.share * 100, 0), cls: t(`economy.class.${c.class}`) })}</strong>{' '}
                {t('economy.caveats.jobs', { n: f.number(c.jobs) })} {text(c.caveat)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="econ-codes" className="block">
        <Heading level={2} data-size="sm" id="econ-codes">
          {t('economy.codes.title')}
        </Heading>
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('economy.codes.caption', { date: f.date(s.date) })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('economy.codes.code')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('economy.codes.establishments')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('economy.codes.jobs')}</Table.HeaderCell>
                {CLASSES.map((c) => (
                  <Table.HeaderCell key={c} className="num">
                    {t(`economy.class.${c}`)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell>{t('economy.codes.rule')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.code ?? 'none'}>
                  <Table.HeaderCell scope="row">
                    {r.code ?? t('economy.codes.noCode')} <span className="econ-muted">{r.name ?? ''}</span>
                  </Table.HeaderCell>
                  <Table.Cell className="num">{f.number(r.establishments)}</Table.Cell>
                  <Table.Cell className="num">{f.number(r.jobs)}</Table.Cell>
                  {CLASSES.map((c) => (
                    <Table.Cell key={c} className="num">
                      {f.number(r[c])}
                    </Table.Cell>
                  ))}
                  <Table.Cell>
                    {r.rule ? (
                      <>
                        <code>{r.rule.id}</code>
                        {r.rule.share < 1 && (
                          <Tag data-color="warning" data-size="sm" className="econ-tag">
                            {t('economy.codes.partial', { share: f.number(r.rule.share * 100, 0) })}
                          </Tag>
                        )}
                        {r.rule.caveat && <span className="econ-muted econ-caveat">{text(r.rule.caveat)}</span>}
                      </>
                    ) : (
                      <span className="econ-muted">{t('economy.codes.noRule')}</span>
                    )}
                    {r.certified > 0 && <span className="econ-muted econ-caveat">{t('economy.codes.certified', { count: r.certified })}</span>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        {o.byIndustry.length > 15 && (
          <Button variant="tertiary" onClick={() => setAllCodes((x) => !x)} aria-expanded={allCodes}>
            {allCodes ? t('economy.codes.fewer') : t('economy.codes.all', { count: o.byIndustry.length })}
          </Button>
        )}
        <Paragraph data-size="sm">
          {t('economy.export.label')}{' '}
          <a href={apiUrl('/economy/export', { snapshotId: s.id, format: 'csv', lang: i18n.language === 'en' ? 'en' : 'nb' })} download>
            {t('economy.export.csv')}
          </a>{' '}
          ·{' '}
          <a href={apiUrl('/economy/export', { snapshotId: s.id, format: 'xlsx', lang: i18n.language === 'en' ? 'en' : 'nb' })} download>
            {t('economy.export.xlsx')}
          </a>
        </Paragraph>
      </section>

      <section aria-labelledby="econ-map" className="block">
        <Heading level={2} data-size="sm" id="econ-map">
          {t('economy.map.title')}
        </Heading>
        <EstablishmentMap snapshotId={s.id} />
      </section>

      <Establishments snapshotId={s.id} />
      {o.canEdit && <ImportForm />}
    </>
  );
}

function Establishments({ snapshotId }: { snapshotId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [cls, setCls] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useEstablishments({ snapshotId, class: cls || undefined, q: q || undefined, page });
  return (
    <section aria-labelledby="econ-list" className="block">
      <Heading level={2} data-size="sm" id="econ-list">
        {t('economy.list.title')}
      </Heading>
      <div className="econ-filters">
        <Field>
          <Label htmlFor="econ-class">{t('economy.list.class')}</Label>
          <Select
            id="econ-class"
            value={cls}
            onChange={(e) => {
              setCls(e.target.value);
              setPage(1);
            }}
          >
            <Select.Option value="">{t('economy.list.allClasses')}</Select.Option>
            {CLASSES.map((c) => (
              <Select.Option key={c} value={c}>
                {t(`economy.class.${c}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('economy.list.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.total === 0 ? (
        <Paragraph>{t('economy.list.none')}</Paragraph>
      ) : (
        <>
          <div className="table-wrap">
            <Table zebra border data-size="sm">
              <caption>{t('economy.list.caption', { count: list.data.total, n: f.number(list.data.total) })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('economy.list.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('economy.codes.code')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('economy.codes.jobs')}</Table.HeaderCell>
                  {CLASSES.map((c) => (
                    <Table.HeaderCell key={c} className="num">
                      {t(`economy.class.${c}`)}
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell>{t('economy.codes.rule')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((e) => (
                  <Table.Row key={e.orgNumber}>
                    <Table.HeaderCell scope="row">
                      {e.name} <span className="econ-muted">{f.orgNumber(e.orgNumber)}</span>
                    </Table.HeaderCell>
                    <Table.Cell>{e.industryCode ?? '–'}</Table.Cell>
                    <Table.Cell className="num">{f.number(e.employees)}</Table.Cell>
                    {CLASSES.map((c) => (
                      <Table.Cell key={c} className="num">
                        {f.number(e[c])}
                      </Table.Cell>
                    ))}
                    <Table.Cell>
                      {[e.codeRuleId, e.certificationRuleId].filter(Boolean).join(' + ') || '–'}
                      {e.uncertain && (
                        <Tag data-color="warning" data-size="sm" className="econ-tag">
                          {t('economy.list.uncertain')}
                        </Tag>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Pager page={page} total={list.data.total} pageSize={ESTABLISHMENTS_PAGE_SIZE} onChange={setPage} />
        </>
      )}
    </section>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [date, setDate] = useState('');
  const [attempt, setAttempt] = useState(0);
  const run = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      if (date) form.append('date', date);
      form.append('file', file, file.name);
      return api<ImportResult>('/economy/snapshots/import', { method: 'POST', body: form });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: econKeys.all }),
    onError: () => setAttempt((a) => a + 1),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (file) run.mutate(file);
  };
  const statusCount = (s: ImportResult['snapshots'][number]['status']) => run.data?.snapshots.filter((x) => x.status === s).length ?? 0;
  return (
    <section aria-labelledby="econ-import" className="block econ-import">
      <Heading level={2} data-size="sm" id="econ-import">
        {t('economy.import.title')}
      </Heading>
      <Paragraph data-size="sm">{t('economy.import.intro')}</Paragraph>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field>
          <Label htmlFor="econ-file">{t('economy.import.file')}</Label>
          <Field.Description>{t('economy.import.fileHelp')}</Field.Description>
          <Input id="econ-file" type="file" name="file" accept=".csv,.xlsx,.json,text/csv,application/json" ref={fileRef} onChange={() => run.reset()} />
        </Field>
        <Textfield label={t('economy.import.date')} description={t('economy.import.dateHelp')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <div className="actions">
          <Button type="submit" loading={run.isPending}>
            {t('economy.import.run')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {run.isSuccess && (
          <ImportCounts
            level={3}
            title={t('economy.import.done', { dates: run.data.snapshots.map((x) => f.date(x.date)).join(', ') })}
            counts={[
              [t('economy.import.created'), statusCount('created')],
              [t('economy.import.replaced'), statusCount('replaced')],
              [t('economy.import.unchanged'), statusCount('unchanged')],
              [t('economy.import.outside'), run.data.skippedOutside],
            ]}
          />
        )}
        {run.isError && <ImportFailure key={attempt} level={3} error={run.error} title={t('economy.import.failed')} />}
      </div>
    </section>
  );
}

export type { JobClass };
