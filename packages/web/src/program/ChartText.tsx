import { Details, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { expectedAt, type ChartSeries } from './chartData';
import { useProgramFormat } from './present';
import type { Indicator } from './types';

/** One sentence with what the chart shows: the span of measurements, the latest, the path and the targets. */
export function useChartSummary() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  return (i: Indicator, s: ChartSeries): string => {
    const first = s.measured[0];
    const last = s.measured.at(-1);
    const parts: string[] = [];
    if (!first || !last) parts.push(t('program.chart.summaryEmpty'));
    else if (first === last) parts.push(t('program.chart.summaryOne', { value: f.value(last.value, i), period: last.period }));
    else parts.push(t('program.chart.summary', { count: s.measured.length, first: f.value(first.value, i), firstPeriod: first.period, last: f.value(last.value, i), lastPeriod: last.period }));
    if (last && i.assessment.expected !== null) parts.push(t('program.chart.summaryExpected', { value: f.value(i.assessment.expected, i) }));
    if (s.targets.length) parts.push(t('program.chart.summaryTargets', { targets: s.targets.map((x) => t('program.chart.targetBy', { value: f.value(x.value, i), date: f.date(x.date) })).join(', ') }));
    return parts.join(' ');
  };
}

/** The chart's numbers as a table behind a disclosure, for anyone who prefers text to a picture. */
export function ChartTable({ indicator: i, series: s, id }: { indicator: Indicator; series: ChartSeries; id: string }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const name = f.loc(i.name);
  // Without the path (the public summary has none) there is nothing to compare with.
  const withPath = i.pathPoints.length > 0;
  return (
    <Details className="chart-table" data-size="sm">
      <Details.Summary>{t('program.chart.showTable')}</Details.Summary>
      <Details.Content>
        <div className="table-wrap">
          <Table zebra data-size="sm" aria-labelledby={`${id}-caption`}>
            <caption id={`${id}-caption`}>{t('program.chart.tableCaption', { name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('program.values.period')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('program.values.date')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('program.values.value')}
                </Table.HeaderCell>
                {withPath && (
                  <Table.HeaderCell scope="col" className="num">
                    {t('program.chart.expected')}
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {s.baseline && (
                <Table.Row>
                  <Table.Cell>{t('program.indicator.baseline')}</Table.Cell>
                  <Table.Cell>{f.date(s.baseline.date)}</Table.Cell>
                  <Table.Cell className="num">{f.value(s.baseline.value, i)}</Table.Cell>
                  {withPath && <Table.Cell className="num">–</Table.Cell>}
                </Table.Row>
              )}
              {s.measured.map((v) => (
                <Table.Row key={`${v.sourceId}-${v.date}`}>
                  <Table.Cell>{v.period}</Table.Cell>
                  <Table.Cell>{f.date(v.date)}</Table.Cell>
                  <Table.Cell className="num">{f.value(v.value, i)}</Table.Cell>
                  {withPath && <Table.Cell className="num">{f.value(expectedAt(i, v.date), i)}</Table.Cell>}
                </Table.Row>
              ))}
              {s.targets.map((x) => (
                <Table.Row key={`target-${x.date}`}>
                  <Table.Cell>{t('program.chart.target')}</Table.Cell>
                  <Table.Cell>{f.date(x.date)}</Table.Cell>
                  <Table.Cell className="num">{withPath ? '–' : f.value(x.value, i)}</Table.Cell>
                  {withPath && <Table.Cell className="num">{f.value(x.value, i)}</Table.Cell>}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </Details.Content>
    </Details>
  );
}

/** The legend of every indicator chart, in HTML so that it reads and zooms like text. */
export function ChartLegend({ projection, path = true }: { projection: boolean; path?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="chart-legend" aria-hidden="true">
      <li>
        <span className="chart-legend__swatch chart-legend__swatch--measured" />
        {t('program.chart.measured')}
      </li>
      {path && (
        <li>
          <span className="chart-legend__swatch chart-legend__swatch--path" />
          {t('program.chart.path')}
        </li>
      )}
      <li>
        <span className="chart-legend__swatch chart-legend__swatch--target" />
        {t('program.chart.target')}
      </li>
      {projection && (
        <li>
          <span className="chart-legend__swatch chart-legend__swatch--projection" />
          {t('program.chart.projection')}
        </li>
      )}
    </ul>
  );
}
