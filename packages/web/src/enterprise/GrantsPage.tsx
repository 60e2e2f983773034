import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { EnterpriseNav } from './EnterpriseNav';
import { entKeys, useCalls } from './queries';
import type { Call, Criterion } from './types';
import './enterprise.css';

/** Grant rounds for green and social start-ups: the calls, and for enterprise editors a form to open one. */
export function GrantsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const calls = useCalls();
  return (
    <>
      <PageHeading>{t('enterprise.title')}</PageHeading>
      <EnterpriseNav />
      <Paragraph className="lead">{t('enterprise.intro')}</Paragraph>
      {calls.isPending ? <Loading /> : calls.isError ? <QueryError error={calls.error} /> : <CallList calls={calls.data} />}
      {can.editDomain(user, 'enterprise') && <CallForm />}
    </>
  );
}

export function CallState({ call }: { call: Call }) {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={call.state === 'open' ? 'success' : call.state === 'upcoming' ? 'info' : 'neutral'}>
      {t(`enterprise.state.${call.state}`)}
    </Tag>
  );
}

function CallList({ calls }: { calls: Call[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!calls.length) return <Paragraph>{t('enterprise.noCalls')}</Paragraph>;
  return (
    <ul className="ent-calls">
      {calls.map((c) => (
        <li key={c.id}>
          <Card data-color="neutral">
            <Heading level={2} data-size="xs">
              <AppLink to="/enterprise/calls/$id" params={{ id: c.id }}>
                {c.title}
              </AppLink>
            </Heading>
            <CallState call={c} />
            <Paragraph data-size="sm">{t('enterprise.callFacts', { deadline: f.dateTime(c.deadline), budget: f.number(c.budgetNok) })}</Paragraph>
            {c.description && <Paragraph data-size="sm">{c.description}</Paragraph>}
          </Card>
        </li>
      ))}
    </ul>
  );
}

const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function CallForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const now = new Date();
  const [v, setV] = useState({ title: '', description: '', opensAt: local(now), deadline: local(new Date(now.getTime() + 60 * 86_400_000)), budget: '', minReviewers: '2' });
  const [criteria, setCriteria] = useState<(Omit<Criterion, 'weight' | 'maxScore'> & { weight: string; maxScore: string })[]>([
    { key: 'climate', name: t('enterprise.form.defaultClimate'), weight: '40', maxScore: '6' },
    { key: 'jobs', name: t('enterprise.form.defaultJobs'), weight: '30', maxScore: '6' },
    { key: 'feasibility', name: t('enterprise.form.defaultFeasibility'), weight: '30', maxScore: '6' },
  ]);
  const [done, setDone] = useState<string | null>(null);
  const num = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.'));
  const sum = criteria.reduce((s, k) => s + (Number.isFinite(num(k.weight)) ? num(k.weight) : 0), 0);
  const create = useMutation({
    mutationFn: () => api<Call>('/enterprise/calls', { method: 'POST', body: { title: v.title, description: v.description, opensAt: new Date(v.opensAt).toISOString(), deadline: new Date(v.deadline).toISOString(), budgetNok: num(v.budget), minReviewers: num(v.minReviewers), criteria: criteria.map((k) => ({ key: k.key, name: k.name, weight: num(k.weight), maxScore: num(k.maxScore) })) } }),
    onSuccess: async (c) => {
      setDone(t('enterprise.form.saved', { title: c.title }));
      await qc.invalidateQueries({ queryKey: entKeys.all });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate();
  };
  return (
    <details className="ent-form-wrap">
      <summary>{t('enterprise.form.title')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Textfield label={t('enterprise.form.callTitle')} value={v.title} onChange={(e) => setV((x) => ({ ...x, title: e.target.value }))} error={fe.title} />
        <Textfield label={t('enterprise.form.description')} value={v.description} onChange={(e) => setV((x) => ({ ...x, description: e.target.value }))} />
        <Textfield type="datetime-local" label={t('enterprise.form.opensAt')} value={v.opensAt} onChange={(e) => setV((x) => ({ ...x, opensAt: e.target.value }))} error={fe.opensAt} />
        <Textfield type="datetime-local" label={t('enterprise.form.deadline')} value={v.deadline} onChange={(e) => setV((x) => ({ ...x, deadline: e.target.value }))} error={fe.deadline} />
        <Textfield label={t('enterprise.form.budget')} inputMode="numeric" value={v.budget} onChange={(e) => setV((x) => ({ ...x, budget: e.target.value }))} error={fe.budgetNok} />
        <Textfield label={t('enterprise.form.minReviewers')} inputMode="numeric" value={v.minReviewers} onChange={(e) => setV((x) => ({ ...x, minReviewers: e.target.value }))} error={fe.minReviewers} />
        <fieldset className="ent-criteria">
          <legend>{t('enterprise.form.criteria')}</legend>
          {criteria.map((k, i) => (
            <div key={i} className="ent-criteria__row">
              <Textfield label={t('enterprise.form.criterionName', { n: i + 1 })} value={k.name} onChange={(e) => setCriteria((cs) => cs.map((c, j) => (j === i ? { ...c, name: e.target.value, key: c.key || `k${i + 1}` } : c)))} error={fe[`criteria.${i}.name`]} />
              <Textfield label={t('enterprise.form.weight', { n: i + 1 })} inputMode="numeric" value={k.weight} onChange={(e) => setCriteria((cs) => cs.map((c, j) => (j === i ? { ...c, weight: e.target.value } : c)))} error={fe[`criteria.${i}.weight`]} />
              <Textfield label={t('enterprise.form.maxScore', { n: i + 1 })} inputMode="numeric" value={k.maxScore} onChange={(e) => setCriteria((cs) => cs.map((c, j) => (j === i ? { ...c, maxScore: e.target.value } : c)))} error={fe[`criteria.${i}.maxScore`]} />
            </div>
          ))}
          <Paragraph data-size="sm" role="status" className={sum === 100 ? undefined : 'ent-warning'}>
            {t('enterprise.form.sum', { sum })}
          </Paragraph>
          <Button type="button" variant="tertiary" onClick={() => setCriteria((cs) => [...cs, { key: `k${cs.length + 1}`, name: '', weight: '0', maxScore: '6' }])}>
            {t('enterprise.form.addCriterion')}
          </Button>
          {fe.criteria && <Alert data-color="danger">{fe.criteria}</Alert>}
        </fieldset>
        {create.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(create.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={create.isPending}>
          {t('enterprise.form.submit')}
        </Button>
      </form>
    </details>
  );
}
