import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { apiUrl } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useKitchen } from './queries';
import { StatusTag } from './StatusTag';
import { TrendChart } from './TrendChart';
import type { Dashboard } from './types';
import './foodwaste.css';

/** One kitchen's dashboard: the trend against the target, with the numbers as a table. */
export function KitchenPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useKitchen(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  return <KitchenView d={q.data} />;
}

function KitchenView({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const unit = i18n.language === 'en' ? d.kitchen.intensityUnit.en : d.kitchen.intensityUnit.nb;
  const latest = d.series.filter((s) => !s.partial).at(-1);
  const sorted = (m: Record<string, number>) => Object.entries(m).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <PageHeading>{d.kitchen.name}</PageHeading>
      <Paragraph>
        <AppLink to="/foodwaste">{t('foodwaste.dashboard.back')}</AppLink>
      </Paragraph>
      <div className="fw-summary">
        <StatusTag status={d.status} />
        <Paragraph>
          {d.baseline === null
            ? t('foodwaste.dashboard.noBaseline')
            : t('foodwaste.dashboard.summary', {
                baseline: f.number(d.baseline, 1),
                latest: latest ? f.number(latest.value, 1) : '–',
                period: latest?.period ?? '–',
                target: f.number(d.target, 1),
                targetDate: f.date(d.kitchen.targetDate),
                reduction: f.number(d.kitchen.targetReduction * 100, 0),
                unit,
              })}
        </Paragraph>
      </div>
      {d.canRegister && (
        <Button asChild data-size="lg">
          <Link to="/foodwaste/register">{t('foodwaste.entry.title')}</Link>
        </Button>
      )}
      <Heading level={2} data-size="sm">
        {t('foodwaste.dashboard.trendTitle', { unit })}
      </Heading>
      <TrendChart d={d} />
      <Table data-size="sm" className="fw-table">
        <caption>{t('foodwaste.dashboard.trendCaption', { unit })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('foodwaste.dashboard.period')}</Table.HeaderCell>
            <Table.HeaderCell>{unit}</Table.HeaderCell>
            <Table.HeaderCell>{t('foodwaste.fields.kg')}</Table.HeaderCell>
            <Table.HeaderCell>{t(`foodwaste.activityKinds.${d.kitchen.activityKind}`)}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {d.series.map((s) => (
            <Table.Row key={s.period}>
              <Table.Cell>
                {s.period}
                {s.partial ? ` (${t('foodwaste.dashboard.partial')})` : ''}
              </Table.Cell>
              <Table.Cell>{f.number(s.value, 1)}</Table.Cell>
              <Table.Cell>{f.number(s.kg, 1)}</Table.Cell>
              <Table.Cell>{f.number(s.activity, 0)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Heading level={2} data-size="sm">
        {t('foodwaste.dashboard.yearTitle')}
      </Heading>
      <Paragraph>{t('foodwaste.dashboard.yearSummary', { kg: f.number(d.last12Months.kg, 1), co2: f.number(d.last12Months.kgCo2e, 0), nok: f.number(d.last12Months.moneyLostOre / 100, 0) })}</Paragraph>
      <div className="fw-breakdowns">
        {(['byStage', 'byReason', 'byCategory', 'byWeekday'] as const).map((by) => (
          <Table key={by} data-size="sm" className="fw-table">
            <caption>{t(`foodwaste.dashboard.${by}`)}</caption>
            <Table.Body>
              {(by === 'byWeekday' ? Object.entries(d.last12Months[by]) : sorted(d.last12Months[by])).map(([k, v]) => (
                <Table.Row key={k}>
                  <Table.HeaderCell scope="row">{t(`foodwaste.${by === 'byStage' ? 'stages' : by === 'byReason' ? 'reasons' : by === 'byWeekday' ? 'weekdays' : 'categories'}.${k}`, { defaultValue: k })}</Table.HeaderCell>
                  <Table.Cell>{f.number(v, 1)} kg</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ))}
      </div>
      {d.recent.length === 0 && <Alert data-color="info">{t('foodwaste.dashboard.noRegistrations')}</Alert>}
      <Paragraph className="fw-downloads">
        <a href={apiUrl('/foodwaste/registrations/export', { kitchenId: d.kitchen.id, format: 'csv' })} download>
          {t('foodwaste.kitchens.exportCsv')}
        </a>{' '}
        <a href={apiUrl('/foodwaste/registrations/export', { kitchenId: d.kitchen.id, format: 'xlsx' })} download>
          {t('foodwaste.kitchens.exportXlsx')}
        </a>
      </Paragraph>
    </>
  );
}
