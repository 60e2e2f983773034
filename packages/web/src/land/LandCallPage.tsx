import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { rankValid, reweightCriteria } from '@omstilling/core/land/ranking';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { useOrganisations } from '../organisations/queries';
import { landKeys, useCall, useOptions, useOwnApplications, useRanking } from './queries';
import type { Call, Ranked, RankingView } from './types';
import './land.css';

type Lang = 'nb' | 'en';

/** One call for a business plot: its criteria and method; for staff the ranking with every step, the sensitivity and the decision; for a business the application form. */
export function LandCallPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nb';
  const { id } = useParams({ from: '/signed-in/land/calls/$id' });
  const call = useCall(id);
  const options = useOptions();
  const { user } = useSession();
  const staff = !!options.data?.canSeeRanking;
  const ranking = useRanking(id, staff);
  const business = user?.role === 'business' && user.organisationId ? user.organisationId : null;
  if (call.isPending || options.isPending) return <Loading />;
  if (call.isError) return <QueryError error={call.error} />;
  if (options.isError) return <QueryError error={options.error} />;
  const c = call.data;
  const editor = can.editDomain(user, 'land');
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/land">{t('land.back')}</AppLink>
      </Paragraph>
      <PageHeading>{c.title}</PageHeading>
      <CallFacts call={c} lang={lang} />
      {staff && (ranking.isPending ? <Loading /> : ranking.isError ? <QueryError error={ranking.error} /> : <RankingSection view={ranking.data} lang={lang} />)}
      {staff && ranking.data && <Sensitivity view={ranking.data} lang={lang} />}
      {c.decision && <DecisionBox call={c} />}
      {editor && !c.decision && ranking.data && <DecisionForm view={ranking.data} today={options.data.today} />}
      {(business || editor) && c.status !== 'decided' && (c.acceptsApplications || editor) && <ApplicationForm call={c} organisationId={business} />}
      {business && <OwnApplications callId={c.id} />}
    </>
  );
}

function CallFacts({ call, lang }: { call: Call; lang: Lang }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="land-facts" className="block">
      <Heading level={2} data-size="sm" id="land-facts">
        {t('land.call.facts')}
      </Heading>
      {call.description && <Paragraph>{call.description}</Paragraph>}
      <Paragraph data-size="sm">
        {t('land.call.factsText', { plot: call.plot?.name ?? '', area: f.number(call.plot?.areaM2 ?? null, 0), opens: f.date(call.opensOn), deadline: f.date(call.deadline), status: t(`land.callStatus.${call.status}`) })}
      </Paragraph>
      <Table zebra border data-size="sm">
        <caption>{t('land.call.criteria', { method: call.normalisation })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('land.call.criterion')}</Table.HeaderCell>
            <Table.HeaderCell>{t('land.call.direction')}</Table.HeaderCell>
            <Table.HeaderCell>{t('land.call.unit')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('land.call.weight')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {call.criteria.map((k) => (
            <Table.Row key={k.id}>
              <Table.HeaderCell scope="row">{k.name[lang]}</Table.HeaderCell>
              <Table.Cell>{t(`land.direction.${k.direction}`)}</Table.Cell>
              <Table.Cell>{k.unit}</Table.Cell>
              <Table.Cell className="num">{f.number(k.weight, 2)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

/** Raw values are shown with enough digits to recompute: jobs per m² needs five. */
const digitsOf = (criterion: string) => (criterion === 'jobsPerM2' ? 5 : criterion === 'buildingShare' ? 3 : 1);

function RankingSection({ view, lang }: { view: RankingView; lang: Lang }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = (id: string) => view.call.criteria.find((k) => k.id === id)?.name[lang] ?? id;
  if (!view.ranking.length)
    return (
      <section aria-labelledby="land-ranking" className="block">
        <Heading level={2} data-size="sm" id="land-ranking">
          {t('land.ranking.title')}
        </Heading>
        <Paragraph>{t('land.ranking.empty')}</Paragraph>
      </section>
    );
  return (
    <section aria-labelledby="land-ranking" className="block">
      <Heading level={2} data-size="sm" id="land-ranking">
        {t('land.ranking.title')}
      </Heading>
      <Paragraph data-size="sm">
        {t('land.ranking.method', { method: view.normalisation, higher: view.formulas.higher, lower: view.formulas.lower })} {view.formulas.note[lang]} {view.formulas.score[lang]}.
      </Paragraph>
      {view.ties.length > 0 && <Alert data-color="info">{t('land.ranking.ties', { groups: view.ties.map((g) => g.join(' = ')).join('; ') })}</Alert>}
      <div className="land-table-scroll" tabIndex={0} role="region" aria-label={t('land.ranking.caption')}>
        <Table zebra border data-size="sm" className="land-ranking">
          <caption>{t('land.ranking.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell className="num">{t('land.ranking.rank')}</Table.HeaderCell>
              <Table.HeaderCell>{t('land.ranking.applicant')}</Table.HeaderCell>
              <Table.HeaderCell>{t('land.ranking.activity')}</Table.HeaderCell>
              {view.call.criteria.map((k) => (
                <Table.HeaderCell key={k.id} className="num">
                  {t('land.ranking.pointsFor', { criterion: k.name[lang] })}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell className="num">{t('land.ranking.score')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.ranking.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell className="num">{r.rank}</Table.Cell>
                <Table.HeaderCell scope="row">{r.organisation}</Table.HeaderCell>
                <Table.Cell>
                  {r.activity} ({r.sn2007Code}){r.green ? ` · ${t('land.ranking.green')}` : ''}
                </Table.Cell>
                {view.call.criteria.map((k) => (
                  <Table.Cell key={k.id} className="num">
                    {f.number(r.contributions[k.id] ?? 0, 2)}
                  </Table.Cell>
                ))}
                <Table.Cell className="num">
                  <strong>{f.number(r.score, 2)}</strong>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Heading level={3} data-size="xs" className="block">
        {t('land.steps.title')}
      </Heading>
      <Paragraph data-size="sm">{t('land.steps.intro')}</Paragraph>
      <div className="land-table-scroll" tabIndex={0} role="region" aria-label={t('land.steps.caption')}>
        <Table border data-size="sm" className="land-steps">
          <caption>{t('land.steps.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('land.ranking.applicant')}</Table.HeaderCell>
              <Table.HeaderCell>{t('land.call.criterion')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.steps.raw')}</Table.HeaderCell>
              <Table.HeaderCell>{t('land.steps.formula')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.steps.normalised')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.call.weight')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.steps.points')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.ranking.flatMap((r: Ranked) =>
              r.steps.map((s, i) => {
                const b = view.bounds.find((x) => x.criterion === s.criterion)!;
                const d = digitsOf(s.criterion);
                const v = f.number(s.raw, d);
                const formula =
                  view.normalisation === 'max'
                    ? s.direction === 'higher'
                      ? `${v} / ${f.number(b.max, d)}`
                      : `${f.number(b.min, d)} / ${v}`
                    : s.direction === 'higher'
                      ? `(${v} − ${f.number(b.min, d)}) / (${f.number(b.max, d)} − ${f.number(b.min, d)})`
                      : `(${f.number(b.max, d)} − ${v}) / (${f.number(b.max, d)} − ${f.number(b.min, d)})`;
                return (
                  <Table.Row key={`${r.id}-${s.criterion}`} className={i === 0 ? 'land-steps__first' : undefined}>
                    <Table.HeaderCell scope="row">{r.organisation}</Table.HeaderCell>
                    <Table.Cell>{name(s.criterion)}</Table.Cell>
                    <Table.Cell className="num">{v}</Table.Cell>
                    <Table.Cell>{formula}</Table.Cell>
                    <Table.Cell className="num">{f.number(s.normalised, 3)}</Table.Cell>
                    <Table.Cell className="num">{f.number(s.weight, 2)}</Table.Cell>
                    <Table.Cell className="num">{f.number(s.points, 2)}</Table.Cell>
                  </Table.Row>
                );
              }),
            )}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-size="sm">{t('land.steps.jobsPerM2', { area: f.number(view.plot.areaM2, 0) })}</Paragraph>
    </section>
  );
}

/** How far each weight can move before another applicant leads; a slider recomputes the scores at any weight. */
function Sensitivity({ view, lang }: { view: RankingView; lang: Lang }) {
  const { t } = useTranslation();
  const f = useFormat();
  const criteria = view.call.criteria.map((k) => ({ id: k.id, weight: k.weight, direction: k.direction }));
  const [criterion, setCriterion] = useState(criteria[0]?.id ?? '');
  const current = criteria.find((k) => k.id === criterion)?.weight ?? 0;
  const [weight, setWeight] = useState<number | null>(null);
  const w = weight ?? current;
  const name = (id: string) => view.call.criteria.find((k) => k.id === id)?.name[lang] ?? id;
  const rescored = useMemo(() => {
    const applicants = view.ranking.map((r) => ({ id: r.organisation, values: Object.fromEntries(r.steps.map((s) => [s.criterion, s.raw])) }));
    return rankValid({ normalisation: view.normalisation, criteria: reweightCriteria(criteria, criterion, w), applicants }).ranking;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, criterion, w]);
  if (view.ranking.length < 2) return null;
  return (
    <section aria-labelledby="land-sensitivity" className="block">
      <Heading level={2} data-size="sm" id="land-sensitivity">
        {t('land.sensitivity.title')}
      </Heading>
      <Paragraph data-size="sm">{view.sensitivity.leaderTied ? t('land.sensitivity.tied') : t('land.sensitivity.intro', { leader: view.sensitivity.leader })}</Paragraph>
      {!view.sensitivity.leaderTied && (
        <Table zebra border data-size="sm">
          <caption>{t('land.sensitivity.caption', { leader: view.sensitivity.leader })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('land.call.criterion')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.sensitivity.now')}</Table.HeaderCell>
              <Table.HeaderCell>{t('land.sensitivity.range', { leader: view.sensitivity.leader })}</Table.HeaderCell>
              <Table.HeaderCell>{t('land.sensitivity.below')}</Table.HeaderCell>
              <Table.HeaderCell>{t('land.sensitivity.above')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.sensitivity.criteria.map((c) => (
              <Table.Row key={c.criterion}>
                <Table.HeaderCell scope="row">{name(c.criterion)}</Table.HeaderCell>
                <Table.Cell className="num">{f.number(c.weight, 2)}</Table.Cell>
                <Table.Cell>{t('land.sensitivity.fromTo', { from: f.number(c.stableFrom, 1), to: f.number(c.stableTo, 1) })}</Table.Cell>
                <Table.Cell>{c.below ? t('land.sensitivity.changeBelow', { at: f.number(c.below.at, 1), leader: c.below.newLeader }) : t('land.sensitivity.never')}</Table.Cell>
                <Table.Cell>{c.above ? t('land.sensitivity.changeAbove', { at: f.number(c.above.at, 1), leader: c.above.newLeader }) : t('land.sensitivity.never')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Heading level={3} data-size="xs" className="block">
        {t('land.sensitivity.tryTitle')}
      </Heading>
      <div className="land-slider">
        <Field>
          <Label>{t('land.sensitivity.criterion')}</Label>
          <Select
            value={criterion}
            onChange={(e) => {
              setCriterion(e.target.value);
              setWeight(null);
            }}
          >
            {criteria.map((k) => (
              <Select.Option key={k.id} value={k.id}>
                {name(k.id)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="land-weight">{t('land.sensitivity.weight', { weight: f.number(w, 0) })}</Label>
          <input id="land-weight" type="range" min={0} max={100} step={1} value={Math.round(w)} onChange={(e) => setWeight(Number(e.target.value))} aria-valuetext={`${f.number(w, 0)}`} />
        </Field>
      </div>
      <Table zebra border data-size="sm">
        <caption>{t('land.sensitivity.tryCaption', { criterion: name(criterion), weight: f.number(w, 0) })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell className="num">{t('land.ranking.rank')}</Table.HeaderCell>
            <Table.HeaderCell>{t('land.ranking.applicant')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('land.ranking.score')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rescored.map((r) => (
            <Table.Row key={r.applicant}>
              <Table.Cell className="num">{r.rank}</Table.Cell>
              <Table.HeaderCell scope="row">{r.applicant}</Table.HeaderCell>
              <Table.Cell className="num">{f.number(r.score, 2)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

function DecisionBox({ call }: { call: Call }) {
  const { t } = useTranslation();
  const f = useFormat();
  const d = call.decision!;
  return (
    <section aria-labelledby="land-decision" className="block">
      <Heading level={2} data-size="sm" id="land-decision">
        {t('land.decision.title')}
      </Heading>
      <Paragraph>{t(`land.decision.text.${d.outcome}`, { date: f.date(d.decidedOn), case: d.caseNumber ?? '–' })}</Paragraph>
      <Paragraph>
        <strong>{t('land.decision.reason')}:</strong> {d.reason}
      </Paragraph>
      <Paragraph data-size="sm">
        <AppLink to="/land/decisions">{t('land.decisions.link')}</AppLink>
      </Paragraph>
    </section>
  );
}

function DecisionForm({ view, today }: { view: RankingView; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ applicationId: view.ranking[0]?.id ?? '', outcome: 'leased', decidedOn: today, reason: '', caseNumber: '' });
  const save = useMutation({
    mutationFn: () => api(`/land/land-calls/${view.call.id}/decision`, { method: 'POST', body: { applicationId: v.outcome === 'none' ? null : v.applicationId || null, outcome: v.outcome, decidedOn: v.decidedOn, reason: v.reason, caseNumber: v.caseNumber || null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: landKeys.all }),
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const deviates = v.outcome !== 'none' && v.applicationId && v.applicationId !== view.ranking[0]?.id;
  return (
    <details className="land-form-wrap">
      <summary>{t('land.decision.formTitle')}</summary>
      <form className="form land-form" onSubmit={submit} noValidate>
        <Field>
          <Label>{t('land.decision.outcome')}</Label>
          <Select value={v.outcome} onChange={set('outcome')} aria-invalid={!!fe.outcome}>
            {['leased', 'sold', 'allocated', 'none'].map((o) => (
              <Select.Option key={o} value={o}>
                {t(`land.outcome.${o}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {v.outcome !== 'none' && (
          <Field>
            <Label>{t('land.decision.application')}</Label>
            <Select value={v.applicationId} onChange={set('applicationId')} aria-invalid={!!fe.applicationId}>
              {view.ranking.map((r) => (
                <Select.Option key={r.id} value={r.id}>
                  {`${r.rank}. ${r.organisation}`}
                </Select.Option>
              ))}
            </Select>
            {fe.applicationId && <Paragraph data-size="sm" className="land-error">{fe.applicationId}</Paragraph>}
          </Field>
        )}
        {deviates && <Alert data-color="warning">{t('land.decision.deviates')}</Alert>}
        <Textfield type="date" label={t('land.decision.date')} value={v.decidedOn} onChange={set('decidedOn')} error={fe.decidedOn} />
        <Field>
          <Label>{t('land.decision.reason')}</Label>
          <Paragraph data-size="sm">{t('land.decision.reasonHelp')}</Paragraph>
          <Textarea value={v.reason} onChange={set('reason')} aria-invalid={!!fe.reason} rows={3} />
          {fe.reason && <Paragraph data-size="sm" className="land-error">{fe.reason}</Paragraph>}
        </Field>
        <Textfield label={t('land.decision.case')} value={v.caseNumber} onChange={set('caseNumber')} error={fe.caseNumber} />
        {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
        {fe.callId && <Alert data-color="danger">{fe.callId}</Alert>}
        <Button type="submit" disabled={save.isPending}>
          {t('land.decision.submit')}
        </Button>
      </form>
    </details>
  );
}

function ApplicationForm({ call, organisationId }: { call: Call; organisationId: string | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const orgs = useOrganisations({ limit: 200 }, !organisationId);
  const empty = { organisationId: organisationId ?? '', expectedJobs: '', buildingM2: '', activity: '', sn2007Code: '', certification: '', greenScore: '', trafficPerDay: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));
  const create = useMutation({
    mutationFn: () => api<{ organisation: string }>(`/land/land-calls/${call.id}/applications`, { method: 'POST', body: { organisationId: v.organisationId, expectedJobs: num(v.expectedJobs), buildingM2: num(v.buildingM2), activity: v.activity, sn2007Code: v.sn2007Code, certification: v.certification || null, greenScore: num(v.greenScore), trafficPerDay: num(v.trafficPerDay) } }),
    onSuccess: async (a) => {
      setDone(t('land.apply.saved', { organisation: a.organisation }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: landKeys.all });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate();
  };
  return (
    <details className="land-form-wrap" open={!!organisationId}>
      <summary>{organisationId ? t('land.apply.title') : t('land.apply.titleEditor')}</summary>
      <form className="form land-form" onSubmit={submit} noValidate>
        {!organisationId && (
          <Field>
            <Label>{t('land.apply.organisation')}</Label>
            <Select value={v.organisationId} onChange={set('organisationId')} aria-invalid={!!fe.organisationId}>
              <Select.Option value="">{t('land.apply.pickOrganisation')}</Select.Option>
              {(orgs.data?.items ?? []).map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.name}
                </Select.Option>
              ))}
            </Select>
            {fe.organisationId && <Paragraph data-size="sm" className="land-error">{fe.organisationId}</Paragraph>}
          </Field>
        )}
        {organisationId && fe.organisationId && <Alert data-color="danger">{fe.organisationId}</Alert>}
        <Textfield label={t('land.apply.jobs')} inputMode="numeric" value={v.expectedJobs} onChange={set('expectedJobs')} error={fe.expectedJobs} />
        <Textfield label={t('land.apply.building', { area: call.plot?.areaM2 ?? '' })} inputMode="decimal" value={v.buildingM2} onChange={set('buildingM2')} error={fe.buildingM2} />
        <Textfield label={t('land.apply.activity')} value={v.activity} onChange={set('activity')} error={fe.activity} />
        <Textfield label={t('land.apply.sn2007')} description={t('land.apply.sn2007Help')} value={v.sn2007Code} onChange={set('sn2007Code')} error={fe.sn2007Code} />
        <Textfield label={t('land.apply.certification')} description={t('land.apply.certificationHelp')} value={v.certification} onChange={set('certification')} error={fe.certification} />
        <Textfield label={t('land.apply.green')} description={t('land.apply.greenHelp')} inputMode="numeric" value={v.greenScore} onChange={set('greenScore')} error={fe.greenScore} />
        <Textfield label={t('land.apply.traffic')} inputMode="numeric" value={v.trafficPerDay} onChange={set('trafficPerDay')} error={fe.trafficPerDay} />
        {fe.callId && <Alert data-color="danger">{fe.callId}</Alert>}
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(create.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={create.isPending}>
          {t('land.apply.submit')}
        </Button>
      </form>
    </details>
  );
}

function OwnApplications({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const apps = useOwnApplications(callId, true);
  if (apps.isPending) return <Loading />;
  if (apps.isError) return <QueryError error={apps.error} />;
  return (
    <section aria-labelledby="land-own" className="block">
      <Heading level={2} data-size="sm" id="land-own">
        {t('land.own.title')}
      </Heading>
      {apps.data.items.length === 0 ? (
        <Paragraph>{t('land.own.empty')}</Paragraph>
      ) : (
        <Table zebra border data-size="sm">
          <caption>{t('land.own.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('land.apply.activity')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.apply.jobs')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.own.building')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('land.own.jobsPer1000')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {apps.data.items.map((a) => (
              <Table.Row key={a.id}>
                <Table.HeaderCell scope="row">{a.activity}</Table.HeaderCell>
                <Table.Cell className="num">{f.number(a.expectedJobs, 0)}</Table.Cell>
                <Table.Cell className="num">{f.number(a.buildingM2, 0)}</Table.Cell>
                <Table.Cell className="num">{f.number(a.jobsPerM2 * 1000, 2)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
