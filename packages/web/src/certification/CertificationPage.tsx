import { useMemo } from 'react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useOverview } from './queries';
import { SubNav, usePercent } from './SubNav';
import { StatusIcon } from './StatusTag';
import { Chart, cssVar } from './Chart';
import type { ChartOption } from './charts';
import { STATUSES, type Overview } from './types';
import { BusinessPage } from './BusinessPage';
import { ReportImport } from './ReportImport';

/** The certification start page: the adviser's dashboard, or a business user's own certificates. */
export function CertificationPage() {
  const { user } = useSession();
  if (user && !can.readInternal(user)) return <BusinessPage />;
  return <Dashboard />;
}

function Dashboard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const o = useOverview();
  return (
    <>
      <PageHeading>{t('domains.certification.name')}</PageHeading>
      <Paragraph className="lead">{t('certification.overview.intro')}</Paragraph>
      <SubNav />
      {o.isPending ? <Loading /> : o.isError ? <QueryError error={o.error} /> : <Figures o={o.data} />}
      {can.editDomain(user, 'certification') && <ReportImport />}
    </>
  );
}

function Figures({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = usePercent();
  const c = o.coverage;
  const reminders = Object.values(o.reminders).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <>
      <Heading level={2} data-size="sm">
        {t('certification.overview.figuresTitle', { date: f.date(o.date) })}
      </Heading>
      <ul className="cert-figures">
        <li>
          <span className="cert-figure__value">{pct(c.certifiedShare)}</span>
          <span className="cert-figure__label">{t('certification.overview.unitsCertified')}</span>
          <span className="cert-figure__detail">{t('certification.overview.unitsOf', { n: f.number(c.certified), of: f.number(c.units) })}</span>
        </li>
        <li>
          <span className="cert-figure__value">{pct(c.staffShare)}</span>
          <span className="cert-figure__label">{t('certification.overview.staffCovered')}</span>
          <span className="cert-figure__detail">{t('certification.overview.staffOf', { n: f.number(c.staffCovered), of: f.number(c.staff) })}</span>
        </li>
        <li>
          <span className="cert-figure__value">{pct(o.training.share)}</span>
          <span className="cert-figure__label">{t('certification.overview.staffTrained')}</span>
          <span className="cert-figure__detail">{t('certification.overview.staffOf', { n: f.number(o.training.trained), of: f.number(o.training.staff) })}</span>
        </li>
        <li>
          <span className="cert-figure__value">{f.number(o.businesses.certified)}</span>
          <span className="cert-figure__label">{t('certification.overview.businessesCertified')}</span>
          <span className="cert-figure__detail">{t('certification.overview.businessesDetail', { of: f.number(o.businesses.businesses), share: pct(o.businesses.employeeShare), pending: f.number(o.businesses.pending) })}</span>
        </li>
        <li>
          <span className="cert-figure__value">{pct(o.reports.share)}</span>
          <span className="cert-figure__label">{t('certification.overview.reportsOnTime', { year: o.reports.year })}</span>
          <span className="cert-figure__detail">{t('certification.overview.reportsDetail', { onTime: f.number(o.reports.onTime), owed: f.number(o.reports.owed), delivered: f.number(o.reports.delivered) })}</span>
        </li>
        <li>
          <span className="cert-figure__value">{f.number(reminders)}</span>
          <span className="cert-figure__label">{t('certification.overview.reminders')}</span>
          <span className="cert-figure__detail">
            <AppLink to="/certification/reminders">{t('certification.overview.seeReminders')}</AppLink>
          </span>
        </li>
      </ul>

      <Heading level={2} data-size="sm">
        {t('certification.overview.statusTitle')}
      </Heading>
      <ul className="cert-status-counts">
        {STATUSES.map((s) => (
          <li key={s}>
            <StatusIcon status={s} />
            <AppLink to="/certification/register" search={{ status: s }}>
              {t('certification.overview.statusCount', { count: c.byStatus[s] ?? 0, status: t(`certification.status.${s}`).toLocaleLowerCase() })}
            </AppLink>
          </li>
        ))}
      </ul>
      <Paragraph data-size="sm">{t('certification.overview.rule')}</Paragraph>

      <Heading level={2} data-size="sm" className="block">
        {t('certification.overview.historyTitle')}
      </Heading>
      <HistoryChart history={o.history} />
    </>
  );
}

/** Share of units and of staff covered at each quarter's end, as a chart and as a table. */
function HistoryChart({ history }: { history: Overview['history'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = usePercent();
  const labels = { units: t('certification.overview.seriesUnits'), staff: t('certification.overview.seriesStaff') };
  const option = useMemo((): ChartOption => {
    const accent = cssVar('--ds-color-accent-base-default', '#0062ba');
    const second = cssVar('--ds-color-success-base-default', '#068718');
    const subtle = cssVar('--ds-color-neutral-text-subtle', '#51575c');
    const grid = cssVar('--ds-color-neutral-border-subtle', '#c8ccd0');
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: subtle } },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${f.number(v, 1)} %` : String(v ?? '')) },
      xAxis: { type: 'time', axisLabel: { color: subtle, hideOverlap: true, formatter: (v: number) => String(new Date(v).getUTCFullYear()) }, minInterval: 365 * 86_400_000 },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: subtle, formatter: (v: number) => `${v} %` }, splitLine: { lineStyle: { color: grid } } },
      series: [
        { name: labels.units, type: 'line', step: 'end', showSymbol: false, lineStyle: { width: 3, color: accent }, itemStyle: { color: accent }, data: history.map((h) => [h.date, (h.certifiedShare ?? 0) * 100]) },
        { name: labels.staff, type: 'line', step: 'end', showSymbol: false, lineStyle: { width: 2, type: 'dashed', color: second }, itemStyle: { color: second }, data: history.map((h) => [h.date, (h.staffShare ?? 0) * 100]) },
      ],
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the formatter follows the language, as the labels do
  }, [history, labels.units, labels.staff]);
  if (!history.length) return <Paragraph>{t('certification.overview.noHistory')}</Paragraph>;
  const yearly = history.filter((h, i) => h.date.endsWith('-12-31') || i === history.length - 1);
  return (
    <>
      <Chart option={option} />
      <div className="table-wrap">
        <Table zebra border data-size="sm">
          <caption>{t('certification.overview.historyCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('certification.fields.date')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{labels.units}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('certification.overview.unitsCount')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{labels.staff}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {yearly.map((h) => (
              <Table.Row key={h.date}>
                <Table.Cell>{f.date(h.date)}</Table.Cell>
                <Table.Cell className="num">{pct(h.certifiedShare, 1)}</Table.Cell>
                <Table.Cell className="num">{t('certification.overview.unitsOf', { n: f.number(h.certified), of: f.number(h.units) })}</Table.Cell>
                <Table.Cell className="num">{pct(h.staffShare, 1)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
