import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { EnterpriseNav } from './EnterpriseNav';
import { regKeys, useCluster, useFigures, useRegisterOptions } from './register-queries';
import type { ClusterAdmin, Member, RegisterOptions, Theme } from './register-types';
import './enterprise.css';

const useLang = () => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'nb';
};

/** The green cluster (B7) for its administrators: members, the suggestion list, events and projects. */
export function ClusterPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const cluster = useCluster();
  const options = useRegisterOptions();
  const editor = can.editDomain(user, 'enterprise');
  return (
    <>
      <PageHeading>{t('enterprise.cluster.title')}</PageHeading>
      <EnterpriseNav />
      <Paragraph className="lead">
        {t('enterprise.cluster.intro')} <AppLink to="/public/cluster">{t('enterprise.cluster.publicLink')}</AppLink>
      </Paragraph>
      {cluster.isPending ? (
        <Loading />
      ) : cluster.isError ? (
        <QueryError error={cluster.error} />
      ) : (
        <>
          <ClusterFigures />
          <Members cluster={cluster.data} />
          {editor && options.data && <MemberForm options={options.data} cluster={cluster.data} />}
          <Suggestions cluster={cluster.data} />
          <Projects cluster={cluster.data} editor={editor} />
          <Events cluster={cluster.data} editor={editor} />
        </>
      )}
    </>
  );
}

function ClusterFigures() {
  const { t } = useTranslation();
  const f = useFormat();
  const figures = useFigures();
  if (!figures.data || !figures.data.cluster.length) return null;
  const last = figures.data.cluster.slice(-8);
  return (
    <section className="block" aria-labelledby="ent-cl-fig">
      <Heading level={2} data-size="sm" id="ent-cl-fig">
        {t('enterprise.cluster.figuresTitle')}
      </Heading>
      <div className="table-wrap">
        <Table zebra border data-size="sm">
          <caption>{t('enterprise.cluster.figuresCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('enterprise.cluster.quarter')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('enterprise.cluster.memberCount')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {last.map((q) => (
              <Table.Row key={q.period}>
                <Table.HeaderCell scope="row">{q.period}</Table.HeaderCell>
                <Table.Cell className="num">{f.number(q.members)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function ThemeTag({ theme }: { theme: Theme }) {
  const lang = useLang();
  return (
    <Tag data-size="sm" data-color="success">
      {theme[lang]}
    </Tag>
  );
}

function Members({ cluster }: { cluster: ClusterAdmin }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const editor = can.editDomain(user, 'enterprise');
  const [leaving, setLeaving] = useState<string | null>(null);
  return (
    <section className="block" aria-labelledby="ent-cl-members">
      <Heading level={2} data-size="sm" id="ent-cl-members">
        {t('enterprise.cluster.membersTitle', { count: cluster.members.filter((m) => m.current).length })}
      </Heading>
      {cluster.members.length === 0 ? (
        <Paragraph>{t('enterprise.cluster.noMembers')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('enterprise.cluster.membersCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('enterprise.cluster.member')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.theme')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.industry')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.membership')}</Table.HeaderCell>
                {editor && <Table.HeaderCell>{t('enterprise.cluster.change')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cluster.members.map((m) => (
                <Table.Row key={m.id}>
                  <Table.HeaderCell scope="row">
                    {m.name}
                    <span className="ent-sub"> {m.description}</span>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <ThemeTag theme={m.theme} />
                  </Table.Cell>
                  <Table.Cell>{m.industry ? `${m.industry.code} ${m.industry.name ?? ''}` : '–'}</Table.Cell>
                  <Table.Cell className="nowrap">
                    {t('enterprise.cluster.joined', { date: f.date(m.joinedOn) })}
                    {m.leftOn && <span className="ent-sub"> {t('enterprise.cluster.left', { date: f.date(m.leftOn) })}</span>}
                  </Table.Cell>
                  {editor && (
                    <Table.Cell>
                      {m.current && (
                        <Button variant="tertiary" data-size="sm" onClick={() => setLeaving(leaving === m.id ? null : m.id)} aria-expanded={leaving === m.id}>
                          {t('enterprise.cluster.leave', { name: m.name })}
                        </Button>
                      )}
                      {leaving === m.id && <LeaveForm member={m} today={cluster.today} onDone={() => setLeaving(null)} />}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function LeaveForm({ member, today, onDone }: { member: Member; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [date, setDate] = useState(today);
  const save = useMutation({
    mutationFn: () => api(`/enterprise/cluster-members/${member.id}`, { method: 'PUT', body: { theme: member.theme.key, joinedOn: member.joinedOn, leftOn: date, description: member.description } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: regKeys.all });
      onDone();
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <form
      className="ent-inline"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Textfield type="date" label={t('enterprise.cluster.leftOn')} value={date} onChange={(e) => setDate(e.target.value)} error={fe.leftOn} />
      <Button type="submit" data-size="sm" disabled={save.isPending}>
        {t('enterprise.cluster.saveLeave')}
      </Button>
    </form>
  );
}

function MemberForm({ options, cluster }: { options: RegisterOptions; cluster: ClusterAdmin }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const empty = { organisationId: '', theme: '', joinedOn: options.today, description: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const taken = new Set(cluster.members.map((m) => m.organisationId));
  const save = useMutation({
    mutationFn: () => api<{ name: string }>('/enterprise/cluster/members', { method: 'POST', body: v }),
    onSuccess: async (m) => {
      setDone(t('enterprise.cluster.memberSaved', { name: m.name }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: regKeys.all });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  return (
    <details className="ent-form-wrap">
      <summary>{t('enterprise.cluster.memberFormTitle')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field>
          <Label>{t('enterprise.cluster.organisation')}</Label>
          <Select value={v.organisationId} onChange={set('organisationId')} aria-invalid={!!fe.organisationId}>
            <Select.Option value="">{t('enterprise.cluster.pickOrganisation')}</Select.Option>
            {options.organisations
              .filter((o) => !taken.has(o.id))
              .map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.name}
                </Select.Option>
              ))}
          </Select>
          {fe.organisationId && <ValidationMessage>{fe.organisationId}</ValidationMessage>}
        </Field>
        <Field>
          <Label>{t('enterprise.cluster.theme')}</Label>
          <Select value={v.theme} onChange={set('theme')} aria-invalid={!!fe.theme}>
            <Select.Option value="">{t('enterprise.cluster.pickTheme')}</Select.Option>
            {options.themes.map((th) => (
              <Select.Option key={th.key} value={th.key}>
                {th[lang]}
              </Select.Option>
            ))}
          </Select>
          {fe.theme && <ValidationMessage>{fe.theme}</ValidationMessage>}
        </Field>
        <Textfield type="date" label={t('enterprise.cluster.joinedOn')} value={v.joinedOn} onChange={set('joinedOn')} error={fe.joinedOn} />
        <Textfield label={t('enterprise.cluster.description')} description={t('enterprise.cluster.descriptionHelp')} value={v.description} onChange={set('description')} error={fe.description} />
        {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={save.isPending}>
          {t('enterprise.cluster.addMember')}
        </Button>
      </form>
    </details>
  );
}

function Suggestions({ cluster }: { cluster: ClusterAdmin }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="block" aria-labelledby="ent-cl-sugg">
      <Heading level={2} data-size="sm" id="ent-cl-sugg">
        {t('enterprise.cluster.suggestionsTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('enterprise.cluster.suggestionsIntro')}</Paragraph>
      {cluster.suggestions.length === 0 ? (
        <Paragraph>{t('enterprise.cluster.noSuggestions')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('enterprise.cluster.suggestionsTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('enterprise.cluster.company')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('enterprise.cluster.employees')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.industry')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.theme')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.why')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cluster.suggestions.map((s) => (
                <Table.Row key={s.organisationId}>
                  <Table.HeaderCell scope="row">
                    {s.name}
                    <span className="ent-sub"> {f.orgNumber(s.orgNumber)}</span>
                  </Table.HeaderCell>
                  <Table.Cell className="num">{s.employees === null ? '–' : f.number(s.employees)}</Table.Cell>
                  <Table.Cell>{s.industry ? `${s.industry.code} ${s.industry.name ?? ''}` : '–'}</Table.Cell>
                  <Table.Cell>
                    <ThemeTag theme={s.theme} />
                  </Table.Cell>
                  <Table.Cell className="ent-why">{t('enterprise.cluster.rule', { prefix: s.rulePrefix, rationale: s.rationale })}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function MemberPicker({ legend, members, value, onChange, error }: { legend: string; members: Member[]; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  return (
    <Fieldset className="ent-sdgs">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {members.map((m) => (
        <Checkbox key={m.organisationId} label={m.name} checked={value.includes(m.organisationId)} onChange={(e) => onChange(e.target.checked ? [...value, m.organisationId] : value.filter((x) => x !== m.organisationId))} />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

function Projects({ cluster, editor }: { cluster: ClusterAdmin; editor: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = useFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const empty = { title: '', description: '', theme: '', startDate: cluster.today, endDate: '', memberIds: [] as string[] };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<{ title: string }>('/enterprise/cluster/projects', { method: 'POST', body: { ...v, endDate: v.endDate || null } }),
    onSuccess: async (p) => {
      setDone(t('enterprise.cluster.projectSaved', { title: p.title }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: regKeys.all });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (k: 'title' | 'description' | 'theme' | 'startDate' | 'endDate') => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <section className="block" aria-labelledby="ent-cl-proj">
      <Heading level={2} data-size="sm" id="ent-cl-proj">
        {t('enterprise.cluster.projectsTitle')}
      </Heading>
      {cluster.projects.length === 0 ? (
        <Paragraph>{t('enterprise.cluster.noProjects')}</Paragraph>
      ) : (
        <ul className="ent-apps">
          {cluster.projects.map((p) => (
            <li key={p.id} className="ent-card">
              <Heading level={3} data-size="2xs">
                {p.title}
              </Heading>
              <ThemeTag theme={p.theme} />
              <Paragraph data-size="sm">{p.description}</Paragraph>
              <Paragraph data-size="sm">
                {f.date(p.startDate)} – {p.endDate ? f.date(p.endDate) : t('enterprise.engagement.open')} · {p.members.map((m) => m.name).join(', ')}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
      {editor && (
        <details className="ent-form-wrap">
          <summary>{t('enterprise.cluster.projectFormTitle')}</summary>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              setDone(null);
              save.mutate();
            }}
            noValidate
          >
            <Textfield label={t('enterprise.cluster.projectTitle')} value={v.title} onChange={set('title')} error={fe.title} />
            <Textfield label={t('enterprise.cluster.projectDescription')} value={v.description} onChange={set('description')} error={fe.description} />
            <Field>
              <Label>{t('enterprise.cluster.theme')}</Label>
              <Select value={v.theme} onChange={set('theme')} aria-invalid={!!fe.theme}>
                <Select.Option value="">{t('enterprise.cluster.pickTheme')}</Select.Option>
                {cluster.themes.map((th) => (
                  <Select.Option key={th.key} value={th.key}>
                    {th[lang]}
                  </Select.Option>
                ))}
              </Select>
              {fe.theme && <ValidationMessage>{fe.theme}</ValidationMessage>}
            </Field>
            <Textfield type="date" label={t('enterprise.engagement.start')} value={v.startDate} onChange={set('startDate')} error={fe.startDate} />
            <Textfield type="date" label={t('enterprise.engagement.end')} value={v.endDate} onChange={set('endDate')} error={fe.endDate} />
            <MemberPicker legend={t('enterprise.cluster.projectMembers')} members={cluster.members.filter((m) => m.current)} value={v.memberIds} onChange={(memberIds) => setV((x) => ({ ...x, memberIds }))} error={fe.memberIds} />
            {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
            <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
            <Button type="submit" disabled={save.isPending}>
              {t('enterprise.cluster.addProject')}
            </Button>
          </form>
        </details>
      )}
    </section>
  );
}

function Events({ cluster, editor }: { cluster: ClusterAdmin; editor: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const empty = { title: '', date: cluster.today, place: '', description: '', participantIds: [] as string[] };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<{ title: string }>('/enterprise/cluster/events', { method: 'POST', body: { ...v, place: v.place || null } }),
    onSuccess: async (x) => {
      setDone(t('enterprise.cluster.eventSaved', { title: x.title }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: regKeys.all });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (k: 'title' | 'date' | 'place' | 'description') => (e: React.ChangeEvent<HTMLInputElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <section className="block" aria-labelledby="ent-cl-events">
      <Heading level={2} data-size="sm" id="ent-cl-events">
        {t('enterprise.cluster.eventsTitle')}
      </Heading>
      {cluster.events.length === 0 ? (
        <Paragraph>{t('enterprise.cluster.noEvents')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('enterprise.cluster.eventsTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('enterprise.cluster.eventTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.cluster.place')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('enterprise.cluster.participants')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cluster.events.map((e) => (
                <Table.Row key={e.id}>
                  <Table.HeaderCell scope="row">
                    {e.title}
                    <span className="ent-sub"> {e.participants.map((p) => p.name).join(', ')}</span>
                  </Table.HeaderCell>
                  <Table.Cell className="nowrap">{f.date(e.date)}</Table.Cell>
                  <Table.Cell>{e.place ?? '–'}</Table.Cell>
                  <Table.Cell className="num">{f.number(e.participants.length)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {editor && (
        <details className="ent-form-wrap">
          <summary>{t('enterprise.cluster.eventFormTitle')}</summary>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              setDone(null);
              save.mutate();
            }}
            noValidate
          >
            <Textfield label={t('enterprise.cluster.eventTitle')} value={v.title} onChange={set('title')} error={fe.title} />
            <Textfield type="date" label={t('enterprise.cluster.date')} value={v.date} onChange={set('date')} error={fe.date} />
            <Textfield label={t('enterprise.cluster.place')} value={v.place} onChange={set('place')} />
            <Textfield label={t('enterprise.cluster.eventDescription')} value={v.description} onChange={set('description')} />
            <MemberPicker legend={t('enterprise.cluster.participants')} members={cluster.members.filter((m) => m.current)} value={v.participantIds} onChange={(participantIds) => setV((x) => ({ ...x, participantIds }))} error={fe.participantIds} />
            {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
            <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
            <Button type="submit" disabled={save.isPending}>
              {t('enterprise.cluster.addEvent')}
            </Button>
          </form>
        </details>
      )}
    </section>
  );
}
