import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { useProgramFormat } from './present';
import { usePrograms, useReporting } from './queries';
import { StatusIcon } from './StatusBadge';
import type { DueItem, Nudge } from './types';
import './program.css';

const STATE_ORDER: Record<DueItem['state'], number> = { overdue: 0, stale: 1, due: 2 };
const STATE_COLOR: Record<DueItem['state'], string> = { overdue: 'danger', stale: 'warning', due: 'info' };

interface Group<T> {
  key: string;
  name: string | null;
  items: T[];
}

function groupByUnit<T extends { unit: { id: string; name: string } | null }>(items: T[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const it of items) {
    const key = it.unit?.id ?? '';
    const g = groups.get(key) ?? { key, name: it.unit?.name ?? null, items: [] };
    g.items.push(it);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** What the user's units owe: values due, overdue or too old, grouped by unit; and actions that need attention. */
export function ReportingPage() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const q = useReporting();
  // Nudges name their program by key; the goal pages want its id.
  const programs = usePrograms();
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <>
        <PageHeading>{t('program.reporting.title')}</PageHeading>
        <QueryError error={q.error} />
      </>
    );
  const { items, nudges, asOf } = q.data;
  const programId = (key: string) => programs.data?.find((p) => p.key === key)?.id;
  const sorted = [...items].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.dueDate.localeCompare(b.dueDate));
  const groups = groupByUnit(sorted).sort((a, b) => {
    const worst = (g: Group<DueItem>) => Math.min(...g.items.map((i) => STATE_ORDER[i.state]));
    return worst(a) - worst(b) || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'nb');
  });
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const nudgeGroups = groupByUnit<Nudge>(nudges).sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'nb'));
  return (
    <>
      <PageHeading>{t('program.reporting.title')}</PageHeading>
      <Paragraph className="lead">{t('program.reporting.intro', { asOf: f.date(asOf) })}</Paragraph>
      <Paragraph>{t('program.reporting.summary', { count: items.length, overdue })}</Paragraph>

      <section aria-labelledby="reporting-values">
        <Heading level={2} data-size="sm" id="reporting-values" className="block">
          {t('program.reporting.valuesTitle')}
        </Heading>
        {items.length === 0 && (
          <Alert data-color="success" className="block">
            <Paragraph>{t('program.reporting.nothingDue')}</Paragraph>
          </Alert>
        )}
        {groups.map((g) => (
          <div key={g.key} className="table-wrap">
            <Table border data-size="sm">
              <caption>{g.name ?? t('program.noUnit')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('program.reporting.indicator')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('program.reporting.state')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('program.reporting.dueDate')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('program.reporting.latest')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('program.reporting.interval')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {g.items.map((i) => (
                  <Table.Row key={i.indicatorId} data-state={i.state}>
                    <Table.Cell>
                      {i.goalCode && <span className="goal-code">{i.goalCode} </span>}
                      <AppLink to="/program/$programId/indicators/$indicatorId" params={{ programId: i.programId, indicatorId: i.indicatorId }}>
                        {f.loc(i.name)}
                      </AppLink>
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={STATE_COLOR[i.state]} data-size="sm" className="status-badge">
                        <StatusIcon status={i.state} />
                        <span>{t(`program.reporting.states.${i.state}`)}</span>
                      </Tag>
                    </Table.Cell>
                    <Table.Cell className="nowrap">{f.date(i.dueDate)}</Table.Cell>
                    <Table.Cell>{i.latestPeriod ? `${i.latestPeriod} (${f.date(i.latestDate)})` : t('program.reporting.never')}</Table.Cell>
                    <Table.Cell>{t(`program.interval.${i.reportingInterval}`, { defaultValue: i.reportingInterval })}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ))}
      </section>

      <section aria-labelledby="reporting-nudges">
        <Heading level={2} data-size="sm" id="reporting-nudges" className="block">
          {t('program.reporting.nudgesTitle', { count: nudges.length })}
        </Heading>
        <Paragraph className="lead">{t('program.reporting.nudgesIntro')}</Paragraph>
        {nudges.length === 0 && <Paragraph>{t('program.reporting.noNudges')}</Paragraph>}
        {nudgeGroups.map((g) => (
          <div key={g.key}>
            <Heading level={3} data-size="2xs" className="block">
              {g.name ?? t('program.noUnit')}
            </Heading>
            <ul className="point-list">
              {g.items.map((n) => {
                const pid = programId(n.programKey);
                return (
                  <li key={n.actionId}>
                    <span className="point-code">{n.goalCode}</span>
                    {pid ? (
                      <AppLink to="/program/$programId/goals/$code" params={{ programId: pid, code: n.goalCode }}>
                        {f.loc(n.title)}
                      </AppLink>
                    ) : (
                      f.loc(n.title)
                    )}
                    {': '}
                    {n.lacks.map((l) => t(`program.lacks.${l}`, { defaultValue: l })).join('; ')}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
