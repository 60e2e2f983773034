import { useState, type FormEvent } from 'react';
import { Alert, Button, Details, Field, Heading, Label, Paragraph, Select, Tag, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, ApiError } from '../app/api';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { svcKeys, useOptions, useUnitPage } from './queries';
import type { Adoption, AdoptionStatus, Options, UnitPageData } from './types';
import './services.css';

const NEXT: Record<AdoptionStatus, AdoptionStatus[]> = { planned: ['active', 'ended'], active: ['paused', 'ended'], paused: ['active', 'ended'], ended: [] };
const COLOR: Record<AdoptionStatus, 'success' | 'info' | 'warning' | 'neutral'> = { active: 'success', planned: 'info', paused: 'warning', ended: 'neutral' };

/** A unit's own page: its measures with history and reports; its manager (or a services editor) adopts, changes status and reports. */
export function UnitPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useTranslation();
  const page = useUnitPage(id);
  const options = useOptions();
  return (
    <>
      <p>
        <AppLink to="/services">{t('services.unit.back')}</AppLink>
      </p>
      {page.isPending || options.isPending ? <Loading /> : page.isError ? <QueryError error={page.error} /> : options.isError ? <QueryError error={options.error} /> : <UnitView p={page.data} options={options.data} />}
    </>
  );
}

function UnitView({ p, options }: { p: UnitPageData; options: Options }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const f = useFormat();
  const area = options.areas.find((a) => a.key === p.unit.area);
  return (
    <>
      <PageHeading>{p.unit.name}</PageHeading>
      <div className="svc-status">
        <Paragraph data-size="sm">{p.unit.counted && area ? t('services.unit.area', { area: area[lang] }) : t('services.unit.notCounted')}</Paragraph>
        <Tag data-color={p.hasPlan ? 'success' : 'warning'}>{p.hasPlan ? t('services.unit.plan') : t('services.unit.noPlan')}</Tag>
        <Paragraph data-size="sm">{p.lastReport ? t('services.unit.lastReport', { date: f.date(p.lastReport) }) : t('services.unit.noReport')}</Paragraph>
        {p.reportDueBy && <Paragraph data-size="sm">{t('services.unit.dueBy', { date: f.date(p.reportDueBy) })}</Paragraph>}
      </div>
      <Paragraph data-size="sm">{t('services.rule', { rule: options.planRule[lang] })}</Paragraph>
      {!p.canAct && <Alert data-color="info">{t('services.unit.readOnly')}</Alert>}
      {p.canAct && <AdoptForm p={p} />}
      <section aria-labelledby="svc-adoptions" className="block">
        <Heading level={2} data-size="sm" id="svc-adoptions">
          {t('services.unit.adoptions')}
        </Heading>
        {p.adoptions.length === 0 ? <Paragraph>{t('services.unit.none')}</Paragraph> : (
          <ul className="svc-adoptions">
            {p.adoptions.map((a) => (
              <AdoptionCard key={a.id} a={a} p={p} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function AdoptionCard({ a, p }: { a: Adoption; p: UnitPageData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const f = useFormat();
  const title = a.measure ? (lang === 'en' ? a.measure.titleEn : a.measure.titleNb) : '';
  const since = a.history.at(-1);
  return (
    <li className="svc-adoption">
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <div className="svc-status">
        <Tag data-size="sm" data-color={COLOR[a.status]}>
          {t(`services.status.${a.status}`)}
        </Tag>
        {since && <span>{t('services.unit.since', { status: t(`services.status.${since.status}`), date: f.date(since.date) })}</span>}
        {a.unitId !== p.unit.id && <span>({a.unitName})</span>}
      </div>
      <Details>
        <Details.Summary>{t('services.unit.history')}</Details.Summary>
        <Details.Content>
          <ul>
            {a.history.map((h, i) => (
              <li key={i}>
                {f.date(h.date)}: {t(`services.status.${h.status}`)}
                {h.note ? ` – ${h.note}` : ''}
              </li>
            ))}
          </ul>
        </Details.Content>
      </Details>
      <Heading level={4} data-size="2xs">
        {t('services.unit.reports')}
      </Heading>
      {a.reports.length === 0 ? <Paragraph data-size="sm">{t('services.unit.noReports')}</Paragraph> : (
        <ul className="svc-reports">
          {a.reports.map((r) => (
            <li key={r.id}>
              <strong>{f.date(r.date)}</strong> {r.text}
              {(r.participants !== null || r.meals !== null) && (
                <span className="svc-figures">
                  {r.participants !== null && t('services.unit.participants', { count: r.participants, formatted: f.number(r.participants) })}
                  {r.participants !== null && r.meals !== null && ' · '}
                  {r.meals !== null && t('services.unit.meals', { count: r.meals })}
                </span>
              )}
              {r.fileId && (
                <>
                  {' '}
                  <a href={apiUrl(`/files/${r.fileId}`)}>{t('services.unit.attachment')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {p.canAct && NEXT[a.status].length > 0 && <StatusForm a={a} title={title} />}
      {p.canAct && a.status !== 'ended' && <ReportForm a={a} title={title} today={p.today} />}
    </li>
  );
}

function AdoptForm({ p }: { p: UnitPageData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ measureId: '', adoptedOn: p.today, status: 'active', note: '' });
  const [done, setDone] = useState<string | null>(null);
  const adopt = useMutation({
    mutationFn: () => api<Adoption>('/services/adoptions', { method: 'POST', body: { unitId: p.unit.id, measureId: v.measureId, adoptedOn: v.adoptedOn, status: v.status, note: v.note || null } }),
    onSuccess: async (a) => {
      setDone(t('services.adopt.done', { title: a.measure ? (lang === 'en' ? a.measure.titleEn : a.measure.titleNb) : '' }));
      setV({ measureId: '', adoptedOn: p.today, status: 'active', note: '' });
      await qc.invalidateQueries({ queryKey: svcKeys.all });
    },
  });
  const fe = adopt.error instanceof ApiError ? adopt.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    adopt.mutate();
  };
  return (
    <section aria-labelledby="svc-adopt" className="block svc-form-wrap">
      <Heading level={2} data-size="sm" id="svc-adopt">
        {t('services.adopt.title')}
      </Heading>
      {p.available.length === 0 ? <Paragraph>{t('services.adopt.noneLeft')}</Paragraph> : (
        <form className="form svc-form" onSubmit={submit} noValidate>
          <Field>
            <Label htmlFor="svc-adopt-measure">{t('services.adopt.measure')}</Label>
            <Select id="svc-adopt-measure" value={v.measureId} onChange={(e) => setV((x) => ({ ...x, measureId: e.target.value }))} aria-invalid={!!fe.measureId}>
              <Select.Option value="">{t('services.adopt.choose')}</Select.Option>
              {p.available.map((m) => (
                <Select.Option key={m.id} value={m.id}>
                  {lang === 'en' ? m.titleEn : m.titleNb}
                </Select.Option>
              ))}
            </Select>
            {fe.measureId && <ValidationMessage>{fe.measureId}</ValidationMessage>}
          </Field>
          <Textfield id="svc-adopt-date" type="date" label={t('services.adopt.date')} value={v.adoptedOn} onChange={(e) => setV((x) => ({ ...x, adoptedOn: e.target.value }))} error={fe.adoptedOn} />
          <Field>
            <Label htmlFor="svc-adopt-status">{t('services.adopt.status')}</Label>
            <Select id="svc-adopt-status" value={v.status} onChange={(e) => setV((x) => ({ ...x, status: e.target.value }))} aria-invalid={!!fe.status}>
              <Select.Option value="active">{t('services.status.active')}</Select.Option>
              <Select.Option value="planned">{t('services.status.planned')}</Select.Option>
            </Select>
            {fe.status && <ValidationMessage>{fe.status}</ValidationMessage>}
          </Field>
          <Textfield id="svc-adopt-note" label={t('services.adopt.note')} value={v.note} onChange={(e) => setV((x) => ({ ...x, note: e.target.value }))} error={fe.note} />
          {adopt.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(adopt.error)}</Alert>}
          <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
          <Button type="submit" disabled={adopt.isPending}>
            {t('services.adopt.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}

function StatusForm({ a, title }: { a: Adoption; title: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const next = NEXT[a.status];
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ status: next[0]!, date: '', note: '' });
  const save = useMutation({
    mutationFn: () => api<Adoption>(`/services/adoptions/${a.id}`, { method: 'PATCH', body: { status: v.status, date: v.date, note: v.note || null } }),
    onSuccess: async () => {
      setOpen(false);
      await qc.invalidateQueries({ queryKey: svcKeys.all });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  if (!open)
    return (
      <Button data-size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={t('services.statusForm.changeOne', { title })}>
        {t('services.statusForm.change')}
      </Button>
    );
  return (
    <form
      className="svc-inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field>
        <Label htmlFor={`svc-st-${a.id}`}>{t('services.statusForm.newStatus')}</Label>
        <Select id={`svc-st-${a.id}`} value={v.status} onChange={(e) => setV((x) => ({ ...x, status: e.target.value as AdoptionStatus }))} aria-invalid={!!fe.status}>
          {next.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`services.status.${s}`)}
            </Select.Option>
          ))}
        </Select>
        {fe.status && <ValidationMessage>{fe.status}</ValidationMessage>}
      </Field>
      <Textfield id={`svc-st-date-${a.id}`} type="date" label={t('services.statusForm.date')} value={v.date} onChange={(e) => setV((x) => ({ ...x, date: e.target.value }))} error={fe.date} />
      <Textfield id={`svc-st-note-${a.id}`} label={t('services.statusForm.note')} value={v.note} onChange={(e) => setV((x) => ({ ...x, note: e.target.value }))} error={fe.note} />
      {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
      <Button type="submit" data-size="sm" disabled={save.isPending}>
        {t('services.statusForm.save')}
      </Button>
    </form>
  );
}

function ReportForm({ a, title, today }: { a: Adoption; title: string; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const empty = { date: today, text: '', participants: '', meals: '' };
  const [v, setV] = useState(empty);
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Figures are sent as typed ("1 200"); the server reads them and names a bad one.
  const num = (s: string) => (s.trim() === '' ? null : s.trim());
  const send = useMutation({
    mutationFn: async () => {
      let fileId: string | null = null;
      if (file) {
        const fd = new FormData();
        fd.append('domain', 'services');
        fd.append('ownerUnitId', a.unitId);
        fd.append('file', file, file.name);
        fileId = (await api<{ id: string }>('/files', { method: 'POST', body: fd })).id;
      }
      return api(`/services/adoptions/${a.id}/reports`, { method: 'POST', body: { date: v.date, text: v.text, participants: num(v.participants), meals: num(v.meals), fileId } });
    },
    onSuccess: async () => {
      setDone(t('services.report.done'));
      setV(empty);
      setFile(null);
      await qc.invalidateQueries({ queryKey: svcKeys.all });
    },
  });
  const fe = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const id = `svc-rep-${a.id}`;
  return (
    <Details>
      <Details.Summary>{t('services.report.titleOne', { title })}</Details.Summary>
      <Details.Content>
        <form
          className="form svc-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            send.mutate();
          }}
        >
          <Textfield id={`${id}-date`} type="date" label={t('services.report.date')} value={v.date} onChange={(e) => setV((x) => ({ ...x, date: e.target.value }))} error={fe.date} />
          <Field>
            <Label htmlFor={`${id}-text`}>{t('services.report.text')}</Label>
            <Field.Description>{t('services.report.textHelp')}</Field.Description>
            <Textarea id={`${id}-text`} rows={4} value={v.text} onChange={(e) => setV((x) => ({ ...x, text: e.target.value }))} aria-invalid={!!fe.text} maxLength={4000} />
            {fe.text && <ValidationMessage>{fe.text}</ValidationMessage>}
          </Field>
          <Textfield id={`${id}-participants`} inputMode="numeric" label={t('services.report.participants')} value={v.participants} onChange={(e) => setV((x) => ({ ...x, participants: e.target.value }))} error={fe.participants} />
          <Textfield id={`${id}-meals`} inputMode="numeric" label={t('services.report.meals')} value={v.meals} onChange={(e) => setV((x) => ({ ...x, meals: e.target.value }))} error={fe.meals} />
          <Field>
            <Label htmlFor={`${id}-file`}>{t('services.report.file')}</Label>
            <input id={`${id}-file`} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            {fe.fileId && <ValidationMessage>{fe.fileId}</ValidationMessage>}
          </Field>
          {send.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(send.error)}</Alert>}
          <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
          <Button type="submit" disabled={send.isPending}>
            {t('services.report.submit')}
          </Button>
        </form>
      </Details.Content>
    </Details>
  );
}
