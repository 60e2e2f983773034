import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/auth';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { ActionLogForm } from './ActionLogForm';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorFigures, SourceLine } from './IndicatorSummary';
import { mayActForUnit } from './permissions';
import { useProgramFormat } from './present';
import { findGoal, useProgram } from './queries';
import { StatusBadge } from './StatusBadge';
import type { Action, Goal, ProgramView } from './types';
import './program.css';

const ACTION_COLOR: Record<string, string> = { planned: 'neutral', in_progress: 'info', done: 'success', cancelled: 'neutral' };

function ActionItem({ action: a, program: p }: { action: Action; program: ProgramView }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const { user } = useSession();
  const linked = a.indicatorKeys.map((k) => findIndicatorByKey(p, k)).filter((x): x is NonNullable<typeof x> => !!x);
  const log = [...a.log].sort((x, y) => y.date.localeCompare(x.date));
  return (
    <article className="action" aria-labelledby={`action-${a.id}`}>
      <div className="indicator-card__head">
        <Heading level={3} data-size="xs" id={`action-${a.id}`}>
          {f.loc(a.title)}
        </Heading>
        <Tag data-color={ACTION_COLOR[a.status] ?? 'neutral'} data-size="sm">
          {t(`program.actionStatus.${a.status}`, { defaultValue: a.status })}
        </Tag>
      </div>
      <div className="action__meta">
        <span>
          {t('program.action.responsible')}: {a.responsibleUnit?.name ?? t('program.noUnit')}
        </span>
        {(a.startDate || a.endDate) && (
          <span>
            {t('program.action.period')}: {f.date(a.startDate)}–{f.date(a.endDate)}
          </span>
        )}
        {a.budgetNok !== null && <span>{t('program.action.budget', { amount: f.number(a.budgetNok, 0) })}</span>}
      </div>
      {f.loc(a.description) && <Paragraph className="reason">{f.loc(a.description)}</Paragraph>}
      {linked.length > 0 && (
        <Paragraph data-size="sm">
          {t('program.action.indicators')}:{' '}
          {linked.map((i, k) => (
            <span key={i.id}>
              {k > 0 && ', '}
              <AppLink to="/program/$programId/indicators/$indicatorId" params={{ programId: p.id, indicatorId: i.id }}>
                {f.loc(i.name)}
              </AppLink>
            </span>
          ))}
        </Paragraph>
      )}
      {a.lacks.length > 0 && (
        <Alert data-color="warning" data-size="sm" className="block">
          <Paragraph data-size="sm">{t('program.lacks.intro')}</Paragraph>
          <ul className="nudges">
            {a.lacks.map((l) => (
              <li key={l}>{t(`program.lacks.${l}`, { defaultValue: l })}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Heading level={4} data-size="2xs">
        {t('program.log.title')}
      </Heading>
      {log.length === 0 ? (
        <Paragraph data-size="sm">{t('program.log.empty')}</Paragraph>
      ) : (
        <ol className="log">
          {log.map((l) => (
            <li key={l.id} data-kind={l.kind}>
              <div className="log__head">
                <time dateTime={l.date}>{f.date(l.date)}</time>
                <Tag data-color={l.kind === 'decision' ? 'accent' : 'neutral'} data-size="sm">
                  {t(`program.log.kinds.${l.kind}`, { defaultValue: l.kind })}
                </Tag>
                {l.caseNumber && <span>{t('program.log.caseNumberShort', { caseNumber: l.caseNumber })}</span>}
              </div>
              <p className="log__text">{f.loc(l.text)}</p>
              <span className="log__author">{l.author}</span>
            </li>
          ))}
        </ol>
      )}
      {mayActForUnit(user, a.responsibleUnit?.id) && <ActionLogForm action={a} />}
    </article>
  );
}

function findIndicatorByKey(p: ProgramView, key: string) {
  for (const a of p.areas) for (const g of a.goals) for (const i of g.indicators) if (i.key === key) return i;
  return p.contextIndicators.find((i) => i.key === key);
}

function GoalBody({ goal: g, program: p }: { goal: Goal; program: ProgramView }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  return (
    <>
      <nav aria-label={t('program.breadcrumbs')}>
        <ol className="breadcrumbs">
          <li>
            <AppLink to="/program/$programId" params={{ programId: p.id }}>
              {f.loc(p.name)}
            </AppLink>
          </li>
          <li aria-current="page">{g.code}</li>
        </ol>
      </nav>
      <div className="heading-row">
        <PageHeading title={`${g.code} ${f.loc(g.title)}`}>
          {g.code} {f.loc(g.title)}
        </PageHeading>
        <StatusBadge status={g.status} size="md" />
      </div>
      <blockquote className="point-text" lang={f.lng === 'en' && g.text.en ? 'en' : 'nb'}>
        <p>{f.loc(g.text)}</p>
      </blockquote>
      <dl className="figures">
        <div>
          <dt>{t('program.goal.responsible')}</dt>
          <dd>{g.responsibleUnit?.name ?? t('program.noUnit')}</dd>
        </div>
        <div>
          <dt>{t('program.goal.servedBy')}</dt>
          <dd>{g.servedBy.map((d) => t(`domains.${d}.name`, { defaultValue: d })).join(', ') || '–'}</dd>
        </div>
      </dl>

      <section aria-labelledby="goal-indicators">
        <Heading level={2} data-size="sm" id="goal-indicators" className="block">
          {t('program.goal.indicators', { count: g.indicators.length })}
        </Heading>
        {g.indicators.length === 0 && <Paragraph>{t('program.overview.noIndicators')}</Paragraph>}
        {g.indicators.map((i) => (
          <article key={i.id} className="indicator-card" aria-labelledby={`ind-${i.id}`} data-indicator={i.key}>
            <div className="indicator-card__head">
              <Heading level={3} data-size="xs" id={`ind-${i.id}`}>
                <AppLink to="/program/$programId/indicators/$indicatorId" params={{ programId: p.id, indicatorId: i.id }}>
                  {f.loc(i.name)}
                </AppLink>
              </Heading>
              <StatusBadge status={i.status} />
            </div>
            <IndicatorFigures indicator={i} />
            <IndicatorChart indicator={i} asOf={p.asOf} height={240} />
            <SourceLine indicator={i} />
          </article>
        ))}
      </section>

      <section aria-labelledby="goal-actions">
        <Heading level={2} data-size="sm" id="goal-actions" className="block">
          {t('program.goal.actions', { count: g.actions.length })}
        </Heading>
        {g.actions.length === 0 && <Paragraph>{t('program.goal.noActions')}</Paragraph>}
        {g.actions.map((a) => (
          <ActionItem key={a.id} action={a} program={p} />
        ))}
      </section>
    </>
  );
}

/** One point of the program: its text, indicators with charts, and actions with their history. */
export function GoalPage() {
  const { t } = useTranslation();
  const { programId, code } = useParams({ from: '/signed-in/program/$programId/goals/$code' });
  const q = useProgram(programId);
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <>
        <PageHeading>{t('domains.program.name')}</PageHeading>
        <QueryError error={q.error} />
      </>
    );
  const g = findGoal(q.data, code);
  if (!g)
    return (
      <>
        <PageHeading>{t('program.goal.notFound', { code })}</PageHeading>
        <AppLink to="/program/$programId" params={{ programId }}>
          {t('program.backToOverview')}
        </AppLink>
      </>
    );
  return <GoalBody goal={g} program={q.data} />;
}
