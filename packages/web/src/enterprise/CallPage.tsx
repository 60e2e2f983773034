import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Tag, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { CallState } from './GrantsPage';
import { entKeys, useCall } from './queries';
import type { Application, Call, CallView, Ranked, Review } from './types';
import './enterprise.css';

/** One grant round: its criteria; for a business, the application form and its own applications; for editors, the ranking, reviews and decisions. */
export function CallPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signed-in/enterprise/calls/$id' });
  const view = useCall(id);
  const { user } = useSession();
  if (view.isPending) return <Loading />;
  if (view.isError) return <QueryError error={view.error} />;
  const { call } = view.data;
  const business = user?.role === 'business' && user.organisationId ? user.organisationId : null;
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/enterprise">{t('enterprise.back')}</AppLink>
      </Paragraph>
      <PageHeading>{call.title}</PageHeading>
      <CallState call={call} />
      <CallFacts call={call} />
      {business && call.open && <ApplicationForm call={call} organisationId={business} />}
      {view.data.ranking && can.editDomain(user, 'enterprise') ? <Ranking view={view.data} userId={user?.id ?? ''} /> : <OwnApplications call={call} applications={view.data.applications} />}
    </>
  );
}

function CallFacts({ call }: { call: Call }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="ent-facts" className="block">
      <Heading level={2} data-size="sm" id="ent-facts">
        {t('enterprise.call.facts')}
      </Heading>
      {call.description && <Paragraph>{call.description}</Paragraph>}
      <Paragraph data-size="sm">{t('enterprise.call.factsText', { opens: f.dateTime(call.opensAt), deadline: f.dateTime(call.deadline), budget: f.number(call.budgetNok), reviewers: call.minReviewers })}</Paragraph>
      <Table zebra border data-size="sm">
        <caption>{t('enterprise.call.criteria')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('enterprise.call.criterion')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('enterprise.call.weight')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('enterprise.call.scale')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {call.criteria.map((k) => (
            <Table.Row key={k.key}>
              <Table.HeaderCell scope="row">{k.name}</Table.HeaderCell>
              <Table.Cell className="num">{k.weight} %</Table.Cell>
              <Table.Cell className="num">0–{k.maxScore}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paragraph data-size="sm">{t('enterprise.call.method')}</Paragraph>
    </section>
  );
}

function ApplicationForm({ call, organisationId }: { call: Call; organisationId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ title: '', summary: '', amount: '' });
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: async () => {
      const fileIds: string[] = [];
      if (file) {
        const fd = new FormData();
        fd.append('domain', 'enterprise');
        fd.append('ownerOrganisationId', organisationId);
        fd.append('file', file, file.name);
        fileIds.push((await api<{ id: string }>('/files', { method: 'POST', body: fd })).id);
      }
      return api<Application>(`/enterprise/calls/${call.id}/applications`, { method: 'POST', body: { organisationId, title: v.title, summary: v.summary, amountNok: Number(v.amount.replace(/\s/g, '').replace(',', '.')), fileIds } });
    },
    onSuccess: async (a) => {
      setDone(t('enterprise.apply.sent', { title: a.title }));
      setV({ title: '', summary: '', amount: '' });
      await qc.invalidateQueries({ queryKey: entKeys.all });
    },
  });
  const fe = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    send.mutate();
  };
  return (
    <section aria-labelledby="ent-apply" className="block ent-card">
      <Heading level={2} data-size="sm" id="ent-apply">
        {t('enterprise.apply.title')}
      </Heading>
      <form className="form" onSubmit={submit} noValidate>
        <Textfield label={t('enterprise.apply.projectTitle')} value={v.title} onChange={(e) => setV((x) => ({ ...x, title: e.target.value }))} error={fe.title} />
        <Field>
          <Label htmlFor="ent-summary">{t('enterprise.apply.summary')}</Label>
          <Field.Description>{t('enterprise.apply.summaryHelp')}</Field.Description>
          <Textarea id="ent-summary" rows={5} value={v.summary} onChange={(e) => setV((x) => ({ ...x, summary: e.target.value }))} aria-invalid={!!fe.summary} />
          {fe.summary && <Paragraph data-size="sm" className="ent-error">{fe.summary}</Paragraph>}
        </Field>
        <Textfield label={t('enterprise.apply.amount')} inputMode="numeric" value={v.amount} onChange={(e) => setV((x) => ({ ...x, amount: e.target.value }))} error={fe.amountNok} />
        <Field>
          <Label htmlFor="ent-file">{t('enterprise.apply.attachment')}</Label>
          <Field.Description>{t('enterprise.apply.attachmentHelp')}</Field.Description>
          <input id="ent-file" className="ds-input" type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {fe.fileIds && <Paragraph data-size="sm" className="ent-error">{fe.fileIds}</Paragraph>}
        </Field>
        {(fe.deadline || (send.isError && !Object.keys(fe).length)) && <Alert data-color="danger">{fe.deadline ?? message(send.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={send.isPending}>
          {t('enterprise.apply.submit')}
        </Button>
      </form>
    </section>
  );
}

function OwnApplications({ call, applications }: { call: Call; applications: Application[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="ent-own" className="block">
      <Heading level={2} data-size="sm" id="ent-own">
        {t('enterprise.own.title')}
      </Heading>
      {applications.length === 0 ? (
        <Paragraph>{t('enterprise.own.none')}</Paragraph>
      ) : (
        <ul className="ent-apps">
          {applications.map((a) => (
            <li key={a.id} className="ent-card">
              <Heading level={3} data-size="xs">
                {a.title}
              </Heading>
              <StateTag state={a.state} />
              <Paragraph data-size="sm">{t('enterprise.own.facts', { organisation: a.organisation, amount: f.number(a.amountNok), date: f.date(a.submittedAt) })}</Paragraph>
              {a.grantedNok !== null && <Paragraph data-size="sm">{t('enterprise.own.granted', { amount: f.number(a.grantedNok), caseNumber: a.caseNumber ?? '–' })}</Paragraph>}
              {a.state === 'granted' && <ReportForm application={a} callId={call.id} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StateTag({ state }: { state: Application['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={state === 'granted' || state === 'reported' ? 'success' : state === 'declined' ? 'danger' : 'info'}>
      {t(`enterprise.appState.${state}`)}
    </Tag>
  );
}

function ReportForm({ application }: { application: Application; callId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => api(`/enterprise/applications/${application.id}/reports`, { method: 'POST', body: { text } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: entKeys.all }),
  });
  const fe = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <Field>
        <Label htmlFor={`report-${application.id}`}>{t('enterprise.report.label')}</Label>
        <Textarea id={`report-${application.id}`} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!fe.text} />
        {fe.text && <Paragraph data-size="sm" className="ent-error">{fe.text}</Paragraph>}
      </Field>
      <Button type="submit" variant="secondary" disabled={send.isPending}>
        {t('enterprise.report.submit')}
      </Button>
    </form>
  );
}

function Ranking({ view, userId }: { view: CallView; userId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const apps = new Map(view.applications.map((a) => [a.id, a]));
  return (
    <section aria-labelledby="ent-ranking" className="block">
      <Heading level={2} data-size="sm" id="ent-ranking">
        {t('enterprise.ranking.title')}
      </Heading>
      {view.ranking!.length === 0 ? (
        <Paragraph>{t('enterprise.ranking.none')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('enterprise.ranking.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell className="num">{t('enterprise.ranking.rank')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.ranking.application')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('enterprise.ranking.amount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.ranking.contributions')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('enterprise.ranking.total')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.ranking.notes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.ranking.state')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.ranking!.map((r) => {
                const a = apps.get(r.applicationId)!;
                return (
                  <RankRow key={r.applicationId} r={r} a={a} view={view} userId={userId} open={open === a.id} onToggle={() => setOpen(open === a.id ? null : a.id)} format={f} />
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      <Paragraph data-size="sm">{t('enterprise.ranking.method')}</Paragraph>
    </section>
  );
}

function RankRow({ r, a, view, userId, open, onToggle, format: f }: { r: Ranked; a: Application; view: CallView; userId: string; open: boolean; onToggle: () => void; format: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const mine = view.reviews.find((x) => x.applicationId === a.id && x.reviewerId === userId) ?? null;
  const notes = [...r.warnings.map((w) => t(`enterprise.ranking.warning.${w}`)), r.withinBudget ? t('enterprise.ranking.withinBudget') : t('enterprise.ranking.outsideBudget'), t('enterprise.ranking.reviews', { count: r.reviewers, conflicts: r.conflicts })];
  return (
    <>
      <Table.Row>
        <Table.Cell className="num">{r.rank}</Table.Cell>
        <Table.HeaderCell scope="row">
          {a.title}
          <div className="ent-sub">{a.organisation}</div>
        </Table.HeaderCell>
        <Table.Cell className="num">{f.number(a.amountNok)}</Table.Cell>
        <Table.Cell>
          <ul className="ent-contrib">
            {view.call.criteria.map((k) => (
              <li key={k.key}>
                {k.name}: <span className="num">{f.number(r.perCriterion[k.key]?.contribution ?? 0, 1)}</span>
              </li>
            ))}
          </ul>
        </Table.Cell>
        <Table.Cell className="num">
          <strong>{f.number(r.total, 1)}</strong>
        </Table.Cell>
        <Table.Cell>{notes.join(' · ')}</Table.Cell>
        <Table.Cell>
          <StateTag state={a.state} />{' '}
          <Button data-size="sm" variant="tertiary" onClick={onToggle} aria-expanded={open} aria-label={t('enterprise.ranking.handle', { title: a.title })}>
            {t('enterprise.ranking.handleShort')}
          </Button>
        </Table.Cell>
      </Table.Row>
      {open && (
        <Table.Row>
          <Table.Cell colSpan={7}>
            <div className="ent-handle">
              <Paragraph data-size="sm">{a.summary}</Paragraph>
              {a.state === 'submitted' && <ReviewForm call={view.call} application={a} mine={mine} />}
              {a.state === 'submitted' && !view.call.open && !mine?.conflict && <DecisionForm application={a} />}
            </div>
          </Table.Cell>
        </Table.Row>
      )}
    </>
  );
}

function ReviewForm({ call, application, mine }: { call: Call; application: Application; mine: Review | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [conflict, setConflict] = useState(mine?.conflict ?? false);
  const [reason, setReason] = useState(mine?.conflictReason ?? '');
  const [scores, setScores] = useState<Record<string, string>>(Object.fromEntries(call.criteria.map((k) => [k.key, mine?.scores[k.key] !== undefined ? String(mine.scores[k.key]) : ''])));
  const save = useMutation({
    mutationFn: () => api(`/enterprise/applications/${application.id}/reviews`, { method: 'POST', body: conflict ? { conflict: true, conflictReason: reason } : { conflict: false, scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])) } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: entKeys.all }),
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <form
      className="ent-inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Heading level={3} data-size="2xs">
        {t('enterprise.review.title')}
      </Heading>
      <Checkbox label={t('enterprise.review.conflict')} checked={conflict} disabled={mine?.conflict} onChange={(e) => setConflict(e.target.checked)} />
      {conflict ? (
        <Textfield label={t('enterprise.review.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fe.conflictReason} disabled={mine?.conflict} />
      ) : (
        call.criteria.map((k) => (
          <Field key={k.key}>
            <Label>{t('enterprise.review.score', { name: k.name, max: k.maxScore })}</Label>
            <Select value={scores[k.key] ?? ''} onChange={(e) => setScores((s) => ({ ...s, [k.key]: e.target.value }))} aria-invalid={!!fe[`scores.${k.key}`]}>
              <Select.Option value="">–</Select.Option>
              {Array.from({ length: k.maxScore + 1 }, (_, i) => (
                <Select.Option key={i} value={String(i)}>
                  {i}
                </Select.Option>
              ))}
            </Select>
            {fe[`scores.${k.key}`] && <Paragraph data-size="sm" className="ent-error">{fe[`scores.${k.key}`]}</Paragraph>}
          </Field>
        ))
      )}
      {fe.scores && <Alert data-color="danger">{fe.scores}</Alert>}
      {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
      <div aria-live="polite">{save.isSuccess && <Paragraph data-size="sm">{t('enterprise.review.saved')}</Paragraph>}</div>
      {!mine?.conflict && (
        <Button type="submit" data-size="sm" disabled={save.isPending}>
          {t('enterprise.review.submit')}
        </Button>
      )}
    </form>
  );
}

function DecisionForm({ application }: { application: Application }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ decision: 'granted', amount: String(application.amountNok), caseNumber: '' });
  const save = useMutation({
    mutationFn: () => api(`/enterprise/applications/${application.id}/decision`, { method: 'POST', body: { decision: v.decision, grantedNok: v.decision === 'granted' ? Number(v.amount.replace(/\s/g, '').replace(',', '.')) : null, caseNumber: v.caseNumber || null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: entKeys.all }),
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <form
      className="ent-inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Heading level={3} data-size="2xs">
        {t('enterprise.decision.title')}
      </Heading>
      <Field>
        <Label>{t('enterprise.decision.decision')}</Label>
        <Select value={v.decision} onChange={(e) => setV((x) => ({ ...x, decision: e.target.value }))}>
          <Select.Option value="granted">{t('enterprise.appState.granted')}</Select.Option>
          <Select.Option value="declined">{t('enterprise.appState.declined')}</Select.Option>
        </Select>
      </Field>
      {v.decision === 'granted' && <Textfield label={t('enterprise.decision.amount')} inputMode="numeric" value={v.amount} onChange={(e) => setV((x) => ({ ...x, amount: e.target.value }))} error={fe.grantedNok} />}
      <Textfield label={t('enterprise.decision.caseNumber')} value={v.caseNumber} onChange={(e) => setV((x) => ({ ...x, caseNumber: e.target.value }))} />
      {(fe.decision || (save.isError && !Object.keys(fe).length)) && <Alert data-color="danger">{fe.decision ?? message(save.error)}</Alert>}
      <Button type="submit" data-size="sm" disabled={save.isPending}>
        {t('enterprise.decision.submit')}
      </Button>
    </form>
  );
}
