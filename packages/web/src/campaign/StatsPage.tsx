// Campaign statistics over time: participants (event seats + distinct posters), posts, calculator
// results and pledges per week or month; a chart and the same numbers in a table.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import type { ChartOption } from './charts';
import { campaignKeys, useCmp, type Stats } from './shared';
import './campaign.css';

let loading: Promise<typeof import('./charts')> | null = null;
const loadCharts = () => (loading ??= import('./charts'));
const cssVar = (name: string, fallback: string) => (typeof document === 'undefined' ? fallback : getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback);

/** Hidden from assistive technology: the table below holds the same numbers. */
function StatsChart({ s }: { s: Stats }) {
  const c = useCmp();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(() => {
    const text = cssVar('--ds-color-neutral-text-subtle', '#4f5b6b');
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 56, bottom: 40 },
      legend: { top: 0, textStyle: { color: cssVar('--ds-color-neutral-text-default', '#1e2b3c') } },
      xAxis: { type: 'category', data: s.rows.map((r) => r.period), axisLabel: { color: text } },
      yAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { color: text } },
      series: [
        { name: c.t('campaign.stats.participants'), type: 'bar', stack: 'p', data: s.rows.map((r) => r.participants), itemStyle: { color: cssVar('--ds-color-accent-base-default', '#0062ba') } },
        { name: c.t('campaign.stats.posts'), type: 'line', data: s.rows.map((r) => r.posts), symbolSize: 7, lineStyle: { width: 2, color: '#6b3fa0' }, itemStyle: { color: '#6b3fa0' } },
        { name: c.t('campaign.stats.calculator'), type: 'line', data: s.rows.map((r) => r.calculatorResults), symbol: 'diamond', symbolSize: 8, lineStyle: { width: 2, color: cssVar('--ds-color-success-base-default', '#068718') }, itemStyle: { color: cssVar('--ds-color-success-base-default', '#068718') } },
        { name: c.t('campaign.stats.pledges'), type: 'line', data: s.rows.map((r) => r.pledges), symbol: 'triangle', symbolSize: 8, lineStyle: { width: 2, type: 'dashed', color: '#a14a00' }, itemStyle: { color: '#a14a00' } },
      ],
    };
  }, [s, c.lang]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: ChartOption, replace?: boolean): void; resize(): void; dispose(): void } | null = null;
    let ro: ResizeObserver | null = null;
    void loadCharts().then(({ init }) => {
      if (disposed || !ref.current) return;
      chart = init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption(option, true);
      if (typeof ResizeObserver !== 'undefined') {
        ro = new ResizeObserver(() => chart?.resize());
        ro.observe(ref.current);
      }
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart?.dispose();
    };
  }, [option]);
  return <div ref={ref} className="cmp-chart" aria-hidden="true" data-testid="cmp-chart" />;
}

export function StatsPage() {
  const c = useCmp();
  const [form, setForm] = useState({ interval: 'month', from: '', to: '' });
  const [query, setQuery] = useState(form);
  const q = useQuery({ queryKey: campaignKeys.stats(query.interval, query.from, query.to), queryFn: () => api<Stats>('/campaign/stats', { query: { interval: query.interval, from: query.from || undefined, to: query.to || undefined } }) });
  const s = q.data;
  return (
    <div className="cmp-page cmp-wide">
      <PageHeading>{c.t('campaign.stats.title')}</PageHeading>
      <Paragraph>{c.t('campaign.stats.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/campaign">{c.t('campaign.nav.back')}</AppLink>
      </Paragraph>
      <form
        className="cmp-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(form);
        }}
      >
        <Field>
          <Label htmlFor="cmp-interval">{c.t('campaign.stats.interval')}</Label>
          <Select id="cmp-interval" value={form.interval} onChange={(e) => setForm({ ...form, interval: e.target.value })}>
            <Select.Option value="month">{c.t('campaign.stats.month')}</Select.Option>
            <Select.Option value="week">{c.t('campaign.stats.week')}</Select.Option>
          </Select>
        </Field>
        <Textfield id="cmp-from" type="date" label={c.t('campaign.stats.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        <Textfield id="cmp-to" type="date" label={c.t('campaign.stats.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        <Button type="submit" variant="secondary">
          {c.t('campaign.stats.show')}
        </Button>
      </form>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} />
      ) : (
        <>
          <ul className="cmp-figures">
            <li>
              <span>{c.t('campaign.stats.eventSeats')}</span>
              <strong>{c.n(s!.totals.eventSeats)}</strong>
            </li>
            <li>
              <span>{c.t('campaign.stats.posts')}</span>
              <strong>{c.n(s!.totals.posts)}</strong>
            </li>
            <li>
              <span>{c.t('campaign.stats.calculator')}</span>
              <strong>{c.n(s!.totals.calculatorResults)}</strong>
            </li>
            <li>
              <span>{c.t('campaign.stats.pledges')}</span>
              <strong>{c.n(s!.totals.pledges)}</strong>
            </li>
          </ul>
          <StatsChart s={s!} />
          <Heading level={2} data-size="xs" id="cmp-stats-table">
            {c.t('campaign.stats.tableTitle')}
          </Heading>
          <div className="cmp-scroll" tabIndex={0} role="region" aria-labelledby="cmp-stats-table">
            <table className="cmp-table">
              <caption>{c.t('campaign.stats.caption', { from: c.date(s!.from), to: c.date(s!.to) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.t('campaign.stats.period')}</th>
                  <th scope="col" className="num">{c.t('campaign.stats.eventSeats')}</th>
                  <th scope="col" className="num">{c.t('campaign.stats.posters')}</th>
                  <th scope="col" className="num">{c.t('campaign.stats.participants')}</th>
                  <th scope="col" className="num">{c.t('campaign.stats.posts')}</th>
                  <th scope="col" className="num">{c.t('campaign.stats.calculator')}</th>
                  <th scope="col" className="num">{c.t('campaign.stats.pledges')}</th>
                </tr>
              </thead>
              <tbody>
                {s!.rows.map((r) => (
                  <tr key={r.period}>
                    <th scope="row">{r.period}</th>
                    <td className="num">{c.n(r.eventSeats)}</td>
                    <td className="num">{c.n(r.posters)}</td>
                    <td className="num">{c.n(r.participants)}</td>
                    <td className="num">{c.n(r.posts)}</td>
                    <td className="num">{c.n(r.calculatorResults)}</td>
                    <td className="num">{c.n(r.pledges)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Paragraph data-size="sm">{c.t('campaign.stats.definition')}</Paragraph>
          <Paragraph data-size="sm">{c.t('campaign.stats.sources')}</Paragraph>
        </>
      )}
    </div>
  );
}
