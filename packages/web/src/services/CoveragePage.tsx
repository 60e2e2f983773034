import { useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { useCoverage, useOptions } from './queries';
import type { AdoptionStatus, Coverage, Options } from './types';
import './services.css';

const SHORT: Record<AdoptionStatus, string> = { active: 'services.status.active', planned: 'services.status.planned', paused: 'services.status.paused', ended: 'services.status.ended' };

/** Coverage per service area for editors: shares now and by year (chart + tables), units × measures, units to follow up, exports. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [date, setDate] = useState('');
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const staff = can.readInternal(user);
  const c = useCoverage(asOf);
  const options = useOptions();
  if (!staff)
    return (
      <>
        <PageHeading>{t('services.coverage.title')}</PageHeading>
        <Paragraph>{t('services.coverage.notEditor')}</Paragraph>
      </>
    );
  return (
    <>
      <p>
        <AppLink to="/services">{t('services.unit.back')}</AppLink>
      </p>
      <PageHeading>{t('services.coverage.title')}</PageHeading>
      <Paragraph className="lead">{t('services.coverage.intro')}</Paragraph>
      <form
        className="svc-inline"
        onSubmit={(e) => {
          e.preventDefault();
          setAsOf(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined);
        }}
      >
        <Textfield id="svc-cov-date" type="date" label={t('services.coverage.date')} value={date} onChange={(e) => setDate(e.target.value)} />
        <Button type="submit" variant="secondary" data-size="sm">
          {t('services.coverage.show')}
        </Button>
      </form>
      {c.isPending || options.isPending ? <Loading /> : c.isError ? <QueryError error={c.error} /> : options.isError ? <QueryError error={options.error} /> : <CoverageView c={c.data} options={options.data} />}
    </>
  );
}

function CoverageView({ c, options }: { c: Coverage; options: Options }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const f = useFormat();
  const [area, setArea] = useState(options.areas[0]?.key ?? '');
  const areaName = (k: string) => options.areas.find((a) => a.key === k)?.[lang] ?? k;
  const groupName = (k: string) => options.groups.find((g) => g.key === k)?.[lang] ?? k;
  const pct = (v: number | null) => (v === null ? '–' : `${f.number(v, 1)} %`);
  const measures = c.matrix.measures.filter((m) => m.areas.includes(area) || c.matrix.units.some((u) => u.area === area && u.cells[m.id]));
  const rows = c.matrix.units.filter((u) => u.area === area);
  return (
    <>
      <Paragraph data-size="sm">{t('services.rule', { rule: c.planRule[lang] })}</Paragraph>
      <ul className="svc-figures" aria-label={t('services.coverage.figures')}>
        {c.groups.map((g) => (
          <li key={g.key}>
            <strong>{pct(g.planShare)}</strong> {t('services.coverage.groupFigure', { group: groupName(g.key), withPlan: g.withPlan, units: g.units })}
          </li>
        ))}
      </ul>
      <div className="svc-inline">
        <Paragraph data-size="sm">{t('services.coverage.export')}:</Paragraph>
        <a href={apiUrl('/services/coverage/export', { format: 'csv', date: c.asOf })} download>
          {t('services.coverage.csv')}
        </a>
        <a href={apiUrl('/services/coverage/export', { format: 'xlsx', date: c.asOf })} download>
          {t('services.coverage.xlsx')}
        </a>
      </div>

      <section aria-labelledby="svc-areas" className="block">
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption id="svc-areas">{t('services.coverage.areasCaption', { date: f.date(c.asOf) })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('services.coverage.area')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('services.coverage.units')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('services.coverage.withActive')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('services.coverage.activeShare')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('services.coverage.withPlan')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('services.coverage.planShare')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {c.areas.map((a) => (
                <Table.Row key={a.key}>
                  <Table.HeaderCell scope="row">{areaName(a.key)}</Table.HeaderCell>
                  <Table.Cell className="num">{f.number(a.units)}</Table.Cell>
                  <Table.Cell className="num">{f.number(a.withActive)}</Table.Cell>
                  <Table.Cell className="num">{pct(a.activeShare)}</Table.Cell>
                  <Table.Cell className="num">{f.number(a.withPlan)}</Table.Cell>
                  <Table.Cell className="num">{pct(a.planShare)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <section aria-labelledby="svc-years" className="block">
        <Heading level={2} data-size="sm" id="svc-years">
          {t('services.coverage.byYear')}
        </Heading>
        <ShareChart c={c} groupName={groupName} />
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="svc-years">
          <Table zebra border data-size="sm">
            <caption>{t('services.coverage.byYearCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('services.coverage.year')}</Table.HeaderCell>
                {c.groups.map((g) => (
                  <Table.HeaderCell key={g.key} className="num">
                    {groupName(g.key)}
                  </Table.HeaderCell>
                ))}
                {c.areas.map((a) => (
                  <Table.HeaderCell key={a.key} className="num">
                    {areaName(a.key)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {c.series.map((s) => (
                <Table.Row key={s.year}>
                  <Table.HeaderCell scope="row">{s.partial ? t('services.coverage.partial', { year: s.year }) : s.year}</Table.HeaderCell>
                  {s.groups.map((g) => (
                    <Table.Cell key={g.key} className="num">
                      {pct(g.planShare)}
                    </Table.Cell>
                  ))}
                  {s.areas.map((a) => (
                    <Table.Cell key={a.key} className="num">
                      {pct(a.planShare)}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <section aria-labelledby="svc-without" className="block">
        <Heading level={2} data-size="sm" id="svc-without">
          {t('services.coverage.without')}
        </Heading>
        {c.without.length === 0 ? <Paragraph>{t('services.coverage.allCovered')}</Paragraph> : (
          <>
            <Paragraph data-size="sm">{t('services.coverage.withoutIntro')}</Paragraph>
            <div className="table-wrap">
              <Table zebra border data-size="sm">
                <caption>{t('services.coverage.withoutCaption', { date: f.date(c.asOf) })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('services.coverage.unit')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('services.coverage.area')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('services.catalogue.measure')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {c.without.map((w) => (
                    <Table.Row key={w.id}>
                      <Table.HeaderCell scope="row">
                        <AppLink to="/services/units/$id" params={{ id: w.id }}>
                          {w.name}
                        </AppLink>
                      </Table.HeaderCell>
                      <Table.Cell>{areaName(w.area)}</Table.Cell>
                      <Table.Cell>{w.hasAny ? t('services.coverage.hasAny') : t('services.coverage.nothing')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="svc-matrix" className="block">
        <Heading level={2} data-size="sm" id="svc-matrix">
          {t('services.coverage.matrix')}
        </Heading>
        <Field className="svc-narrow">
          <Label htmlFor="svc-matrix-area">{t('services.coverage.matrixFilter')}</Label>
          <Select id="svc-matrix-area" value={area} onChange={(e) => setArea(e.target.value)}>
            {options.areas.map((a) => (
              <Select.Option key={a.key} value={a.key}>
                {a[lang]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="table-wrap svc-matrix">
          <Table border data-size="sm">
            <caption>
              {t('services.coverage.matrixCaption', { date: f.date(c.asOf) })} – {areaName(area)}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('services.coverage.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('services.coverage.plan')}</Table.HeaderCell>
                {measures.map((m) => (
                  <Table.HeaderCell key={m.id}>{lang === 'en' ? m.titleEn : m.titleNb}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((u) => (
                <Table.Row key={u.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to="/services/units/$id" params={{ id: u.id }}>
                      {u.name}
                    </AppLink>
                  </Table.HeaderCell>
                  <Table.Cell>{u.hasPlan ? t('services.coverage.yes') : t('services.coverage.no')}</Table.Cell>
                  {measures.map((m) => {
                    const s = u.cells[m.id];
                    return (
                      <Table.Cell key={m.id}>
                        {s ? (
                          <Tag data-size="sm" data-color={s === 'active' ? 'success' : s === 'paused' ? 'warning' : s === 'planned' ? 'info' : 'neutral'}>
                            {t(SHORT[s])}
                          </Tag>
                        ) : (
                          '–'
                        )}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>
    </>
  );
}

/** Plan share per indicator group and year as grouped bars (0–100 %): hidden from screen readers, the table holds the same figures. */
function ShareChart({ c, groupName }: { c: Coverage; groupName: (k: string) => string }) {
  const { t } = useTranslation();
  const W = 640;
  const H = 220;
  const pad = { l: 44, r: 8, t: 12, b: 28 };
  const groups = c.groups.map((g) => g.key);
  const step = (W - pad.l - pad.r) / Math.max(1, c.series.length);
  const bw = (step * 0.7) / Math.max(1, groups.length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / 100);
  return (
    <figure className="svc-chart" aria-hidden="true">
      <svg viewBox={`0 0 ${W} ${H}`} role="presentation" data-testid="svc-chart">
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} className="svc-chart__grid" />
            <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" className="svc-chart__label">
              {v} %
            </text>
          </g>
        ))}
        {c.series.map((s, i) => (
          <g key={s.year}>
            {s.groups.map((g, j) => (g.planShare === null ? null : <rect key={g.key} x={pad.l + step * i + step * 0.15 + bw * j} width={bw} y={y(g.planShare)} height={H - pad.b - y(g.planShare)} className={`svc-chart__bar svc-chart__bar--${j}`} />))}
            <text x={pad.l + step * i + step / 2} y={H - 8} textAnchor="middle" className="svc-chart__label">
              {s.partial ? `${s.year}*` : s.year}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="svc-chart__legend">
        {t('services.coverage.chartLabel')}:
        {groups.map((g, j) => (
          <span key={g}>
            <span className={`svc-chart__key svc-chart__bar--${j}`} /> {groupName(g)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
