import { useMemo } from 'react';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useUnitPage } from './queries';
import { SubNav, usePercent } from './SubNav';
import { StatusTag } from './StatusTag';
import { ReminderTag, useReminderText } from './ReminderText';
import { Chart, cssVar } from './Chart';
import type { ChartOption } from './charts';
import type { Certificate, Report, UnitPage } from './types';

/** One unit: its status, the certificates covering it, its annual reports with trends, training and reminders. */
export function UnitCertificationPage() {
  const { id } = useParams({ from: '/signed-in/certification/units/$id' });
  const { t } = useTranslation();
  const page = useUnitPage(id);
  if (page.isPending) return <Loading />;
  if (page.isError)
    return (
      <>
        <PageHeading>{t('certification.unit.title')}</PageHeading>
        <QueryError error={page.error} />
      </>
    );
  return <UnitView p={page.data} />;
}

function UnitView({ p }: { p: UnitPage }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const pct = usePercent();
  const { user } = useSession();
  const reminderText = useReminderText();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const u = p.unit;
  const lastYear = Number(p.date.slice(0, 4)) - 1;
  const editor = can.editDomain(user, 'certification');
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/certification/register">{t('certification.unit.back')}</AppLink>
      </Paragraph>
      <PageHeading title={u.name}>{u.name}</PageHeading>
      <SubNav />
      <dl className="fields">
        <dt>{t('certification.fields.status')}</dt>
        <dd>
          <StatusTag status={u.status} />
          {u.schemeName && ` ${u.schemeName}`}
          {u.validUntil && ` – ${t('certification.unit.validUntil', { date: f.date(u.validUntil) })}`}
        </dd>
        {u.viaScope && u.holderName && (
          <>
            <dt>{t('certification.unit.coveredBy')}</dt>
            <dd>{u.holderName}</dd>
          </>
        )}
        <dt>{t('certification.fields.sector')}</dt>
        <dd>{u.sectorName}</dd>
        {u.parentName && (
          <>
            <dt>{t('certification.unit.parent')}</dt>
            <dd>{u.parentName}</dd>
          </>
        )}
        <dt>{t('certification.fields.place')}</dt>
        <dd>{[u.address, [u.postalCode, u.place].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd>
        <dt>{t('certification.fields.staff')}</dt>
        <dd>{f.number(u.staff)}</dd>
        <dt>{t('certification.unit.trained')}</dt>
        <dd>{t('certification.unit.trainedValue', { trained: f.number(p.training.trained), staff: f.number(p.training.staff), share: pct(p.training.share) })}</dd>
      </dl>

      {p.reminders.length > 0 && (
        <Alert data-color="warning" className="block">
          <Heading level={2} data-size="xs">
            {t('certification.unit.remindersTitle')}
          </Heading>
          <ul>
            {p.reminders.map((r, i) => (
              <li key={i}>
                <ReminderTag kind={r.kind} /> {reminderText(r)}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <div className="actions">
        {p.canWriteReport && (
          <Button asChild variant="primary">
            <Link to="/certification/units/$id/report" params={{ id: u.unitId }} search={{ year: lastYear }}>
              {p.reports.some((r) => r.year === lastYear && r.status === 'submitted') ? t('certification.unit.editReport', { year: lastYear }) : t('certification.unit.writeReport', { year: lastYear })}
            </Link>
          </Button>
        )}
        {editor && (
          <Button asChild variant="secondary">
            <Link to="/certification/certificates/new" search={{ unitId: u.unitId }}>
              {t('certification.unit.newCertificate')}
            </Link>
          </Button>
        )}
      </div>

      <Heading level={2} data-size="sm" className="block">
        {t('certification.unit.certificatesTitle')}
      </Heading>
      {p.certificates.length ? <CertificateTable certificates={p.certificates} unitId={u.unitId} lang={lang} canEdit={editor} /> : <Paragraph>{t('certification.unit.noCertificates')}</Paragraph>}

      <Heading level={2} data-size="sm" className="block">
        {t('certification.unit.reportsTitle')}
      </Heading>
      {p.reports.length ? (
        <>
          <ReportCharts reports={p.reports} />
          <ReportTable reports={p.reports} unitId={u.unitId} canWrite={p.canWriteReport} />
        </>
      ) : (
        <Paragraph>{t('certification.unit.noReports')}</Paragraph>
      )}

      {p.subunits.length > 0 && (
        <>
          <Heading level={2} data-size="sm" className="block">
            {t('certification.unit.subunitsTitle')}
          </Heading>
          <ul className="cert-legend">
            {p.subunits.map((s) => (
              <li key={s.unitId}>
                <AppLink to="/certification/units/$id" params={{ id: s.unitId }}>
                  {s.name}
                </AppLink>
                <StatusTag status={s.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The certificate history of a unit, newest first, with where each comes from and its evidence. */
export function CertificateTable({ certificates, unitId, lang, canEdit = false }: { certificates: Certificate[]; unitId?: string; lang: 'nb' | 'en'; canEdit?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <Table zebra border data-size="sm">
        <caption className="ds-sr-only">{t('certification.unit.certificatesTitle')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('certification.fields.scheme')}</Table.HeaderCell>
            <Table.HeaderCell>{t('certification.fields.number')}</Table.HeaderCell>
            <Table.HeaderCell>{t('certification.fields.issuedOn')}</Table.HeaderCell>
            <Table.HeaderCell>{t('certification.fields.validUntil')}</Table.HeaderCell>
            <Table.HeaderCell>{t('certification.fields.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('certification.fields.holder')}</Table.HeaderCell>
            <Table.HeaderCell>{t('certification.fields.evidence')}</Table.HeaderCell>
            {canEdit && <Table.HeaderCell>{t('certification.unit.change')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {certificates.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                {c.schemeName[lang]}
                {c.issuer && <div className="cert-figure__detail">{c.issuer}</div>}
              </Table.Cell>
              <Table.Cell className="nowrap">{c.certificateNumber ?? '–'}</Table.Cell>
              <Table.Cell className="nowrap">{c.issuedOn ? f.date(c.issuedOn) : c.startedOn ? t('certification.unit.startedOn', { date: f.date(c.startedOn) }) : '–'}</Table.Cell>
              <Table.Cell className="nowrap">{f.date(c.validUntil)}</Table.Cell>
              <Table.Cell>
                <StatusTag status={c.status} />
                {c.withdrawnOn && <div className="cert-figure__detail">{t('certification.unit.withdrawnOn', { date: f.date(c.withdrawnOn) })}</div>}
                {c.verification !== 'verified' && (
                  <div>
                    <Tag data-color={c.verification === 'rejected' ? 'danger' : 'info'} data-size="sm">
                      {t(`certification.verification.${c.verification}`)}
                    </Tag>
                  </div>
                )}
              </Table.Cell>
              <Table.Cell>
                {unitId && c.holder.id !== unitId ? t('certification.unit.via', { holder: c.holder.name }) : c.holder.name}
                {c.scope.length > 0 && <div className="cert-figure__detail">{t('certification.unit.scopeCount', { count: c.scope.length })}</div>}
              </Table.Cell>
              <Table.Cell>
                {c.evidence.length
                  ? c.evidence.map((e) => (
                      <div key={e.fileId}>
                        <a className="ds-link" href={apiUrl(`/files/${e.fileId}`)}>
                          {e.filename}
                        </a>
                      </div>
                    ))
                  : '–'}
              </Table.Cell>
              {canEdit && (
                <Table.Cell>
                  <AppLink to="/certification/certificates/$id/edit" params={{ id: c.id }}>
                    {t('certification.unit.changeCertificate', { scheme: c.schemeName[lang], number: c.certificateNumber ?? '' }).trim()}
                  </AppLink>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ReportTable({ reports, unitId, canWrite }: { reports: Report[]; unitId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tonnes = (kg: number) => f.number(kg / 1000, 1);
  return (
    <div className="table-wrap">
      <Table zebra border data-size="sm">
        <caption>{t('certification.unit.reportsCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('certification.fields.year')}</Table.HeaderCell>
            <Table.HeaderCell>{t('certification.fields.reportStatus')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('certification.report.kwhPerM2')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('certification.report.sortingRate')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('certification.report.scope1')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('certification.report.scope2')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('certification.report.scope3')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('certification.report.total')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {reports.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>
                {canWrite ? (
                  <AppLink to="/certification/units/$id/report" params={{ id: unitId }} search={{ year: r.year }}>
                    {r.year}
                  </AppLink>
                ) : (
                  r.year
                )}
              </Table.Cell>
              <Table.Cell>{r.status === 'submitted' ? t('certification.report.deliveredOn', { date: f.date(r.submittedAt) }) : t('certification.report.draft')}</Table.Cell>
              <Table.Cell className="num">{f.number(r.derived.kwhPerM2, 0)}</Table.Cell>
              <Table.Cell className="num">{r.derived.sortingRatePct === null ? '–' : `${f.number(r.derived.sortingRatePct, 0)} %`}</Table.Cell>
              <Table.Cell className="num">{tonnes(r.ghg.scope1)}</Table.Cell>
              <Table.Cell className="num">{tonnes(r.ghg.scope2)}</Table.Cell>
              <Table.Cell className="num">{tonnes(r.ghg.scope3)}</Table.Cell>
              <Table.Cell className="num">{tonnes(r.ghg.total)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** Energy intensity and sorting rate by year (lines), emissions by scope (stacked bars). */
function ReportCharts({ reports }: { reports: Report[] }) {
  const { t } = useTranslation();
  const labels = {
    kwh: t('certification.report.kwhPerM2'),
    sort: t('certification.report.sortingRate'),
    s1: t('certification.report.scope1'),
    s2: t('certification.report.scope2'),
    s3: t('certification.report.scope3'),
  };
  const years = reports.map((r) => String(r.year));
  const key = JSON.stringify([years, labels]);
  const [energy, ghg] = useMemo((): [ChartOption, ChartOption] => {
    const subtle = cssVar('--ds-color-neutral-text-subtle', '#51575c');
    const grid = cssVar('--ds-color-neutral-border-subtle', '#c8ccd0');
    const accent = cssVar('--ds-color-accent-base-default', '#0062ba');
    const green = cssVar('--ds-color-success-base-default', '#068718');
    const warn = cssVar('--ds-color-warning-text-default', '#8f4900');
    const base = { grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true }, legend: { top: 0, textStyle: { color: subtle } }, tooltip: { trigger: 'axis' as const }, xAxis: { type: 'category' as const, data: years, axisLabel: { color: subtle } } };
    return [
      {
        ...base,
        yAxis: [
          { type: 'value', name: 'kWh/m²', nameTextStyle: { color: subtle }, axisLabel: { color: subtle }, splitLine: { lineStyle: { color: grid } } },
          { type: 'value', name: '%', min: 0, max: 100, nameTextStyle: { color: subtle }, axisLabel: { color: subtle }, splitLine: { show: false } },
        ],
        series: [
          { name: labels.kwh, type: 'line', symbol: 'circle', symbolSize: 8, lineStyle: { width: 3, color: accent }, itemStyle: { color: accent }, data: reports.map((r) => (r.derived.kwhPerM2 === null ? null : Math.round(r.derived.kwhPerM2))) },
          { name: labels.sort, type: 'line', yAxisIndex: 1, symbol: 'triangle', symbolSize: 10, lineStyle: { width: 2, type: 'dashed', color: green }, itemStyle: { color: green }, data: reports.map((r) => (r.derived.sortingRatePct === null ? null : Math.round(r.derived.sortingRatePct))) },
        ],
      },
      {
        ...base,
        yAxis: { type: 'value', name: 't CO₂e', nameTextStyle: { color: subtle }, axisLabel: { color: subtle }, splitLine: { lineStyle: { color: grid } } },
        series: [
          { name: labels.s1, type: 'bar', stack: 'ghg', itemStyle: { color: warn }, data: reports.map((r) => Math.round(r.ghg.scope1 / 100) / 10) },
          { name: labels.s2, type: 'bar', stack: 'ghg', itemStyle: { color: accent }, data: reports.map((r) => Math.round(r.ghg.scope2 / 100) / 10) },
          { name: labels.s3, type: 'bar', stack: 'ghg', itemStyle: { color: green, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4 } }, data: reports.map((r) => Math.round(r.ghg.scope3 / 100) / 10) },
        ],
      },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key covers years and labels
  }, [key, reports]);
  return (
    <div className="cert-charts">
      <div>
        <Heading level={3} data-size="2xs">
          {t('certification.unit.energyChart')}
        </Heading>
        <Chart option={energy} />
      </div>
      <div>
        <Heading level={3} data-size="2xs">
          {t('certification.unit.ghgChart')}
        </Heading>
        <Chart option={ghg} />
      </div>
    </div>
  );
}
