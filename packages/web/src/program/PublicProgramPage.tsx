import './translations';
// The public view: no login, only /api/public/…, light enough for a phone (no chart library).
// The overview reads the compact program summary; a point's own page reads that point in full.
import { useEffect, useMemo } from 'react';
import { Card, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useParams, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../app/auth';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { Downloads } from './Downloads';
import { IndicatorFigures, SourceLine } from './IndicatorSummary';
import { PathChart } from './PathChart';
import { useProgramFormat } from './present';
import { usePublicGoal, usePublicProgram, usePublicPrograms } from './queries';
import { StatusBadge, StatusCountList, useReasonText } from './StatusBadge';
import { indicatorFromSummary } from './summary';
import { ACTION_STATUSES, STATUSES, type Action, type GoalSummary, type Indicator, type IndicatorSummary, type ProgramSummaryView, type ProgramView, type StatusCounts } from './types';
import './program.css';

const ACTION_COLOR: Record<string, string> = { planned: 'neutral', in_progress: 'info', done: 'success', cancelled: 'neutral' };

function goalCounts(p: ProgramSummaryView): StatusCounts {
  const c = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const a of p.areas) for (const g of a.goals) c[g.status] += 1;
  return c;
}

function RulesText({ rules }: { rules: ProgramView['rules'] }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  return (
    <Details data-size="sm" className="rules">
      <Details.Summary>{t('program.public.rulesTitle')}</Details.Summary>
      <Details.Content>
        {f
          .loc(rules.text)
          .split(/(?<=\.)\s+(?=[A-ZÆØÅ])/)
          .map((s, k) => (
            <Paragraph key={k} data-size="sm">
              {s}
            </Paragraph>
          ))}
      </Details.Content>
    </Details>
  );
}

/** Where an indicator's figures come from, as far as the summary says: entered, computed by a module, a formula or open data. */
function SourceKind({ indicator: i }: { indicator: Pick<IndicatorSummary, 'source' | 'domain'> }) {
  const { t } = useTranslation();
  const domain = i.domain ? t(`domains.${i.domain}.name`, { defaultValue: i.domain }) : '';
  return (
    <Paragraph className="source-line">
      <strong>{t('program.source.label')}:</strong> {t(`program.source.kinds.${i.source}`, { domain, defaultValue: i.source })}
    </Paragraph>
  );
}

/** An indicator of the overview: status and why, latest value, final target, its measured history. */
function SummaryIndicator({ summary: s }: { summary: IndicatorSummary }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const reason = useReasonText();
  const ind = useMemo(() => indicatorFromSummary(s), [s]);
  return (
    <article className="indicator-card" aria-labelledby={`pi-${s.id}`} data-indicator={s.key}>
      <div className="indicator-card__head">
        <Heading level={4} data-size="2xs" id={`pi-${s.id}`}>
          {f.loc(s.name)}
        </Heading>
        <StatusBadge status={s.status} />
      </div>
      <Paragraph className="reason">{reason(s.reason, s)}</Paragraph>
      <dl className="figures">
        <div>
          <dt>{t('program.indicator.latest')}</dt>
          <dd>{s.latestValue === null ? '–' : `${f.value(s.latestValue, s)}${s.latestPeriod ? ` (${s.latestPeriod})` : ''}`}</dd>
        </div>
        <div>
          <dt>{t('program.public.finalTarget')}</dt>
          <dd>{s.finalTarget ? t('program.chart.targetBy', { value: f.value(s.finalTarget.value, s), date: f.date(s.finalTarget.date) }) : '–'}</dd>
        </div>
      </dl>
      {s.series.length > 0 && <PathChart indicator={ind} height={180} />}
      <SourceKind indicator={s} />
    </article>
  );
}

function actionSummary(counts: Record<string, number>, t: (k: string, o?: Record<string, unknown>) => string): string {
  return ACTION_STATUSES.filter((s) => counts[s])
    .map((s) => `${counts[s]} ${t(`program.actionStatus.${s}`).toLowerCase()}`)
    .join(', ');
}

function SummaryGoal({ goal: g, programId }: { goal: GoalSummary; programId: string }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const actions = actionSummary(g.actionCounts, t);
  return (
    <section id={g.code} className="public-goal" tabIndex={-1} aria-labelledby={`pg-${g.code}`}>
      <div className="public-goal__head">
        <Heading level={3} data-size="xs" id={`pg-${g.code}`}>
          {g.code} {f.loc(g.title)}
        </Heading>
        <StatusBadge status={g.status} />
      </div>
      <Paragraph data-size="sm" className="source-line">
        {t('program.goal.responsible')}: {g.responsibleUnit ?? t('program.noUnit')}
        {actions && ` · ${t('program.public.actions', { list: actions })}`}
      </Paragraph>
      <Paragraph data-size="sm">
        <AppLink to="/public/program/$programId/$code" params={{ programId, code: g.code }}>
          {t('program.public.goalPage', { code: g.code })}
        </AppLink>
      </Paragraph>
      {g.indicators.length === 0 && <Paragraph data-size="sm">{t('program.public.noIndicators')}</Paragraph>}
      {g.indicators.map((i) => (
        <SummaryIndicator key={i.id} summary={i} />
      ))}
    </section>
  );
}

/** Scrolls to and focuses the point named in the URL's #anchor once the program is on the page. */
function useAnchor() {
  const hash = useRouterState({ select: (s) => s.location.hash });
  useEffect(() => {
    if (!hash) return;
    const el = document.getElementById(decodeURIComponent(hash.replace(/^#/, '')));
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [hash]);
}

function PublicProgram({ program: p }: { program: ProgramSummaryView }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const { user } = useSession();
  useAnchor();
  const goals = p.areas.flatMap((a) => a.goals);
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
            {t('program.downloads.title')}
          </Heading>
          <Paragraph data-size="sm">{t('program.public.downloadsIntro')}</Paragraph>
          <Downloads programId={p.id} scope="public" />
          {can.readInternal(user) && (
            <Paragraph data-size="sm">
              <AppLink to="/program/$programId" params={{ programId: p.id }}>
                {t('program.public.internalView')}
              </AppLink>
            </Paragraph>
          )}
        </Card>
      </div>

      <RulesText rules={p.rules} />

      <nav aria-labelledby="public-toc" className="block">
        <Heading level={2} data-size="xs" id="public-toc">
          {t('program.public.tocTitle')}
        </Heading>
        <ul className="toc">
          {goals.map((g) => (
            <li key={g.code}>
              <a href={`#${g.code}`}>
                <span className="point-code">{g.code}</span>
                {f.loc(g.title)}
              </a>
              <StatusBadge status={g.status} />
            </li>
          ))}
        </ul>
      </nav>

      {p.areas.map((a) => (
        <section key={a.code} className="area" aria-labelledby={`parea-${a.code}`}>
          <div className="area__heading">
            <Heading level={2} data-size="sm" id={`parea-${a.code}`}>
              {a.code}. {f.loc(a.title)}
            </Heading>
            <StatusBadge status={a.status} />
          </div>
          {a.goals.map((g) => (
            <SummaryGoal key={g.code} goal={g} programId={p.id} />
          ))}
        </section>
      ))}
    </>
  );
}

function ProgramById({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const q = usePublicProgram(programId);
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <>
        <PageHeading>{t('program.public.title')}</PageHeading>
        <QueryError error={q.error} />
      </>
    );
  return <PublicProgram program={q.data} />;
}

/** /public/program: the municipality's program (or a choice of them); /public/program/$programId: that one. */
export function PublicProgramPage() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const params = useParams({ strict: false }) as { programId?: string };
  const list = usePublicPrograms();
  if (params.programId) return <ProgramById programId={params.programId} />;
  if (list.isPending) return <Loading />;
  if (list.isError)
    return (
      <>
        <PageHeading>{t('program.public.title')}</PageHeading>
        <QueryError error={list.error} />
      </>
    );
  if (list.data.length === 1) return <ProgramById programId={list.data[0]!.id} />;
  return (
    <>
      <PageHeading>{t('program.public.title')}</PageHeading>
      {list.data.length === 0 ? (
        <Paragraph>{t('program.list.none')}</Paragraph>
      ) : (
        <ul className="point-list">
          {list.data.map((p) => (
            <li key={p.id}>
              <AppLink to="/public/program/$programId" params={{ programId: p.id }}>
                {f.loc(p.name)}
              </AppLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PublicIndicator({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  return (
    <article className="indicator-card" aria-labelledby={`pi-${i.id}`} data-indicator={i.key}>
      <div className="indicator-card__head">
        <Heading level={3} data-size="xs" id={`pi-${i.id}`}>
          {f.loc(i.name)}
        </Heading>
        <StatusBadge status={i.status} />
      </div>
      {f.loc(i.description) && <Paragraph data-size="sm">{f.loc(i.description)}</Paragraph>}
      <IndicatorFigures indicator={i} />
      <PathChart indicator={i} />
      <SourceLine indicator={i} />
      <Paragraph className="source-line">
        <strong>{t('program.indicator.responsible')}:</strong> {i.responsibleUnit?.name ?? t('program.noUnit')}
      </Paragraph>
    </article>
  );
}

function PublicAction({ action: a }: { action: Action }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const log = [...a.log].sort((x, y) => y.date.localeCompare(x.date));
  return (
    <article className="action" aria-labelledby={`pa-${a.id}`}>
      <div className="indicator-card__head">
        <Heading level={3} data-size="xs" id={`pa-${a.id}`}>
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
      </div>
      {f.loc(a.description) && <Paragraph className="reason">{f.loc(a.description)}</Paragraph>}
      {log.length > 0 && (
        <ol className="log" aria-label={t('program.log.title')}>
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
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

/** /public/program/$programId/$code: one point in full, shareable on its own. */
export function PublicGoalPage() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const { programId, code } = useParams({ from: '/public/program/$programId/$code' });
  const q = usePublicGoal(programId, code);
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <>
        <PageHeading>{t('program.goal.notFound', { code })}</PageHeading>
        <QueryError error={q.error} />
        <AppLink to="/public/program/$programId" params={{ programId }}>
          {t('program.public.backToProgram')}
        </AppLink>
      </>
    );
  const { program: p, goal: g, rules } = q.data;
  return (
    <>
      <nav aria-label={t('program.breadcrumbs')}>
        <ol className="breadcrumbs">
          <li>
            <AppLink to="/public/program/$programId" params={{ programId: p.id }} hash={g.code}>
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
      <Paragraph data-size="sm">
        {t('program.goal.responsible')}: {g.responsibleUnit?.name ?? t('program.noUnit')} · {t('program.public.asOf', { asOf: f.date(p.asOf) })}
      </Paragraph>
      <RulesText rules={rules} />
      <Heading level={2} data-size="sm" className="block">
        {t('program.goal.indicators', { count: g.indicators.length })}
      </Heading>
      {g.indicators.length === 0 && <Paragraph>{t('program.public.noIndicators')}</Paragraph>}
      {g.indicators.map((i) => (
        <PublicIndicator key={i.id} indicator={i} />
      ))}
      {g.actions.length > 0 && (
        <section aria-labelledby="public-actions">
          <Heading level={2} data-size="sm" className="block" id="public-actions">
            {t('program.goal.actions', { count: g.actions.length })}
          </Heading>
          {g.actions.map((a) => (
            <PublicAction key={a.id} action={a} />
          ))}
        </section>
      )}
      <Heading level={2} data-size="sm" className="block">
        {t('program.downloads.title')}
      </Heading>
      <Downloads programId={p.id} scope="public" />
    </>
  );
}
