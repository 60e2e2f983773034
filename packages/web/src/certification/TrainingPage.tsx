import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { certKeys, useTraining } from './queries';
import { SubNav, usePercent } from './SubNav';
import { SESSION_FORMATS, type TrainingOverview } from './types';

/** Staff trained as environmental ambassadors: totals, per unit, the courses and their sessions. */
export function TrainingPage() {
  const { t } = useTranslation();
  const training = useTraining();
  return (
    <>
      <PageHeading>{t('certification.training.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.training.intro')}</Paragraph>
      <SubNav />
      {training.isPending ? <Loading /> : training.isError ? <QueryError error={training.error} /> : <TrainingView data={training.data} />}
    </>
  );
}

function TrainingView({ data }: { data: TrainingOverview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = usePercent();
  const { user } = useSession();
  const editor = can.editDomain(user, 'certification');
  const [showAll, setShowAll] = useState(false);
  const units = useMemo(() => data.units.filter((u) => u.staff > 0).sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || a.name.localeCompare(b.name, 'nb')), [data.units]);
  const shown = showAll ? units : units.slice(0, 20);
  return (
    <>
      <ul className="cert-figures">
        <li>
          <span className="cert-figure__value">{pct(data.total.share)}</span>
          <span className="cert-figure__label">{t('certification.overview.staffTrained')}</span>
          <span className="cert-figure__detail">{t('certification.overview.staffOf', { n: f.number(data.total.trained), of: f.number(data.total.staff) })}</span>
        </li>
      </ul>
      <Heading level={2} data-size="sm">
        {t('certification.training.coursesTitle')}
      </Heading>
      {data.courses.map((c) => (
        <div key={c.id} className="block">
          <Heading level={3} data-size="xs">
            {c.title}
          </Heading>
          <Paragraph data-size="sm">{t('certification.training.courseMeta', { theme: c.theme, hours: f.number(c.hours, 1) })}</Paragraph>
          {c.description && <Paragraph data-size="sm">{c.description}</Paragraph>}
          <div className="table-wrap">
            <Table zebra border data-size="sm">
              <caption className="ds-sr-only">{t('certification.training.sessionsCaption', { course: c.title })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('certification.fields.date')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certification.training.format')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certification.training.place')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('certification.training.units')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('certification.training.participants')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('certification.training.completed')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {c.sessions.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>{f.date(s.date)}</Table.Cell>
                    <Table.Cell>{t(`certification.training.formats.${s.format}`, { defaultValue: s.format })}</Table.Cell>
                    <Table.Cell>{s.place ?? '–'}</Table.Cell>
                    <Table.Cell className="num">{f.number(s.units)}</Table.Cell>
                    <Table.Cell className="num">{f.number(s.participants)}</Table.Cell>
                    <Table.Cell className="num">{f.number(s.completed)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      ))}
      <ParticipationForm data={data} />
      {editor && <SessionForm data={data} />}
      <Heading level={2} data-size="sm" className="block">
        {t('certification.training.unitsTitle')}
      </Heading>
      <div className="table-wrap">
        <Table zebra border data-size="sm">
          <caption>{t('certification.training.unitsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('certification.fields.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('certification.fields.sector')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('certification.fields.staff')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('certification.training.trained')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('certification.training.share')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((u) => (
              <Table.Row key={u.unitId}>
                <Table.Cell>
                  <AppLink to="/certification/units/$id" params={{ id: u.unitId }}>
                    {u.name}
                  </AppLink>
                </Table.Cell>
                <Table.Cell>{u.sectorName}</Table.Cell>
                <Table.Cell className="num">{f.number(u.staff)}</Table.Cell>
                <Table.Cell className="num">{f.number(u.trained)}</Table.Cell>
                <Table.Cell className="num">{pct(u.share)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {units.length > 20 && (
        <Button variant="secondary" data-size="sm" onClick={() => setShowAll((x) => !x)}>
          {showAll ? t('certification.training.showFewer') : t('certification.training.showAll', { count: units.length })}
        </Button>
      )}
    </>
  );
}

/** A unit's participants in a session: counts, or names where the unit wants it (one per line). */
function ParticipationForm({ data }: { data: TrainingOverview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const editor = can.editDomain(user, 'certification');
  const sessions = data.courses.flatMap((c) => c.sessions.map((s) => ({ ...s, course: c.title }))).sort((a, b) => b.date.localeCompare(a.date));
  const units = editor ? data.units.filter((u) => u.staff > 0) : data.units.filter((u) => u.unitId === user?.unitId);
  const [v, setV] = useState({ sessionId: sessions[0]?.id ?? '', unitId: units[0]?.unitId ?? '', participants: '', completed: '', names: '' });
  const [error, setError] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: object) => api<{ completed: number }>('/certification/participations', { method: 'POST', body }),
    onSuccess: async (r) => {
      setOk(t('certification.training.saved', { count: r.completed }));
      setError(null);
      await qc.invalidateQueries({ queryKey: certKeys.all });
    },
    onError: (e) => setError(message(e)),
  });
  if (!units.length || !sessions.length) return null;
  const names = v.names.split('\n').map((s) => s.trim()).filter(Boolean);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setOk(null);
    const participants = Number(v.participants);
    const completed = names.length ? names.length : Number(v.completed);
    if (!Number.isInteger(participants) || participants < 0 || !Number.isInteger(completed) || completed < 0) return setError(t('certification.training.countsInvalid'));
    save.mutate({ sessionId: v.sessionId, unitId: v.unitId, participants, completed, names: names.length ? names : null });
  };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <>
      <Heading level={2} data-size="sm" className="block">
        {t('certification.training.participationTitle')}
      </Heading>
      {ok && (
        <Alert data-color="success" className="block" role="status">
          <Paragraph>{ok}</Paragraph>
        </Alert>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field>
          <Label htmlFor="part-session">{t('certification.training.session')}</Label>
          <Select id="part-session" value={v.sessionId} onChange={set('sessionId')}>
            {sessions.map((s) => (
              <Select.Option key={s.id} value={s.id}>
                {`${s.course}, ${f.date(s.date)}`}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="part-unit">{t('certification.fields.unit')}</Label>
          <Select id="part-unit" value={v.unitId} onChange={set('unitId')}>
            {units.map((u) => (
              <Select.Option key={u.unitId} value={u.unitId}>
                {u.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="form-row">
          <Textfield id="part-participants" label={t('certification.training.participants')} inputMode="numeric" value={v.participants} onChange={set('participants')} />
          <Textfield id="part-completed" label={t('certification.training.completed')} inputMode="numeric" value={v.completed} onChange={set('completed')} disabled={names.length > 0} />
        </div>
        <Field>
          <Label htmlFor="part-names">{t('certification.training.names')}</Label>
          <Field.Description>{t('certification.training.namesHelp')}</Field.Description>
          <textarea id="part-names" className="ds-input" rows={3} value={v.names} onChange={set('names')} />
        </Field>
        {error && <ValidationMessage>{error}</ValidationMessage>}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {t('certification.training.saveParticipation')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Certification editors add a session (a date) to a course. */
function SessionForm({ data }: { data: TrainingOverview }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ courseId: data.courses[0]?.id ?? '', date: '', format: 'e_learning', place: '' });
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: object) => api('/certification/sessions', { method: 'POST', body }),
    onSuccess: async () => {
      setError(null);
      setV((x) => ({ ...x, date: '', place: '' }));
      await qc.invalidateQueries({ queryKey: certKeys.all });
    },
    onError: (e) => setError(message(e)),
  });
  if (!data.courses.length) return null;
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <>
      <Heading level={2} data-size="sm" className="block">
        {t('certification.training.sessionTitle')}
      </Heading>
      <form
        className="cert-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ courseId: v.courseId, date: v.date, format: v.format, place: v.place.trim() || null });
        }}
        noValidate
      >
        <Field>
          <Label htmlFor="session-course">{t('certification.training.course')}</Label>
          <Select id="session-course" value={v.courseId} onChange={set('courseId')}>
            {data.courses.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {c.title}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id="session-date" type="date" label={t('certification.fields.date')} value={v.date} onChange={set('date')} />
        <Field>
          <Label htmlFor="session-format">{t('certification.training.format')}</Label>
          <Select id="session-format" value={v.format} onChange={set('format')}>
            {SESSION_FORMATS.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`certification.training.formats.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id="session-place" label={t('certification.training.place')} value={v.place} onChange={set('place')} />
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t('certification.training.addSession')}
        </Button>
      </form>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </>
  );
}
