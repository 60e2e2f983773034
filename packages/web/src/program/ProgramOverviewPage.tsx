import { Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { Downloads } from './Downloads';
import { Sparkline } from './PathChart';
import { useProgramFormat } from './present';
import { goalsOf, keyIndicator, primaryValues, useProgram } from './queries';
import { StatusBadge, StatusCountList } from './StatusBadge';
import { STATUSES, type Goal, type ProgramView, type StatusCounts } from './types';
import './program.css';

/** Counts of points (goals) per status. */
export function goalCounts(p: ProgramView): StatusCounts {
  const c = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const g of goalsOf(p)) c[g.status] += 1;
  return c;
}

function Trend({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const ind = keyIndicator(goal);
  if (!ind) return <span className="trend__text">{t('program.overview.noIndicators')}</span>;
  const values = primaryValues(ind);
  const first = values[0];
  const last = values.at(-1) ?? null;
  return (
    <div className="trend">
      <Sparkline indicator={ind} />
      <span className="trend__text">
        <span className="trend__value">{last ? `${f.value(last.value, ind)} (${last.period})` : t('program.overview.noValues')}</span>
        {f.loc(ind.name)}
        {/* The sparkline in words, for those who do not see it. */}
        {first && last && first !== last && <span className="ds-sr-only">. {t('program.overview.trendFrom', { first: f.value(first.value, ind), firstPeriod: first.period })}</span>}
      </span>
    </div>
  );
}

/** Every point of a program, grouped by area, with status, trend and responsible unit. */
export function ProgramOverviewPage() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const { programId } = useParams({ from: '/signed-in/program/$programId' });
  const q = useProgram(programId);
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <>
        <PageHeading>{t('domains.program.name')}</PageHeading>
        <QueryError error={q.error} />
      </>
    );
  const p = q.data;
  return (
    <>
      <PageHeading>{f.loc(p.name)}</PageHeading>
      <Paragraph className="program-meta" data-size="sm">
        {t('program.overview.meta', { from: f.year(p.startDate), to: f.year(p.endDate), asOf: f.date(p.asOf) })}
      </Paragraph>
      <Paragraph className="lead">{f.loc(p.description)}</Paragraph>

      <div className="program-summary">
        <Card data-color="neutral">
          <Heading level={2} data-size="xs">
            {t('program.overview.programStatus')}
          </Heading>
          <div>
            <StatusBadge status={p.status} size="md" />
          </div>
          <StatusCountList counts={goalCounts(p)} of="goals" />
        </Card>
        <Card data-color="neutral">
          <Heading level={2} data-size="xs">
            {t('program.overview.indicators')}
          </Heading>
          <StatusCountList counts={p.statusCounts} of="indicators" />
          <Paragraph data-size="sm">
            <AppLink to="/reporting">{t('program.reporting.title')}</AppLink>
          </Paragraph>
        </Card>
        <Card data-color="neutral">
          <Heading level={2} data-size="xs">
            {t('program.downloads.title')}
          </Heading>
          <Downloads programId={p.id} scope="internal" />
          <Paragraph data-size="sm">
            <AppLink to="/public/program/$programId" params={{ programId: p.id }}>
              {t('program.overview.publicView')}
            </AppLink>
          </Paragraph>
        </Card>
      </div>

      {p.areas.map((a) => (
        <section key={a.id} className="area" aria-labelledby={`area-${a.code}`}>
          <div className="area__heading">
            <Heading level={2} data-size="sm" id={`area-${a.code}`}>
              {a.code}. {f.loc(a.title)}
            </Heading>
            <StatusBadge status={a.status} />
          </div>
          {f.loc(a.description) && <Paragraph className="lead">{f.loc(a.description)}</Paragraph>}
          <div className="table-wrap">
            <Table className="goal-table" data-size="sm" border>
              <caption className="ds-sr-only">{t('program.overview.areaCaption', { code: a.code, title: f.loc(a.title) })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('program.overview.point')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('program.overview.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('program.overview.trend')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('program.overview.responsible')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {a.goals.map((g) => (
                  <Table.Row key={g.id} data-goal={g.code}>
                    <Table.Cell>
                      <AppLink to="/program/$programId/goals/$code" params={{ programId: p.id, code: g.code }}>
                        <span className="goal-code">{g.code}</span>
                        {f.loc(g.title)}
                      </AppLink>
                    </Table.Cell>
                    <Table.Cell>
                      <StatusBadge status={g.status} />
                    </Table.Cell>
                    <Table.Cell>
                      <Trend goal={g} />
                    </Table.Cell>
                    <Table.Cell>{g.responsibleUnit?.name ?? t('program.noUnit')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </section>
      ))}
    </>
  );
}
