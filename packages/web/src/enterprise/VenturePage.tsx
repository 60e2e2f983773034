import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { EnterpriseNav } from './EnterpriseNav';
import { KindTag, VentureForm } from './RegisterPage';
import { regKeys, useRegisterOptions, useVenture } from './register-queries';
import type { Engagement, RegisterOptions, VentureDetail } from './register-types';
import './enterprise.css';

/** One venture: what it does, and the municipality's ways of working with it; editors add more. */
export function VenturePage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const venture = useVenture(id);
  const options = useRegisterOptions();
  const [editing, setEditing] = useState(false);
  const editor = can.editDomain(user, 'enterprise');
  if (venture.isPending) return <Loading />;
  if (venture.isError) return <QueryError error={venture.error} />;
  const v = venture.data;
  return (
    <>
      <PageHeading>{v.name}</PageHeading>
      <EnterpriseNav />
      <Paragraph>
        <AppLink to="/enterprise/register">{t('enterprise.register.back')}</AppLink>
      </Paragraph>
      <dl className="ent-facts">
        <dt>{t('enterprise.register.kindLabel')}</dt>
        <dd>
          <KindTag kind={v.kind} />
        </dd>
        <dt>{t('enterprise.register.orgNumber')}</dt>
        <dd>
          {v.orgNumber ? f.orgNumber(v.orgNumber) : t('enterprise.register.noOrgNumber')}
          {v.organisationId && (
            <>
              {' · '}
              <AppLink to="/organisations/$id" params={{ id: v.organisationId }}>
                {t('enterprise.register.inOrganisations')}
              </AppLink>
            </>
          )}
        </dd>
        <dt>{t('enterprise.register.activity')}</dt>
        <dd>{v.activity}</dd>
        <dt>{t('enterprise.register.impactArea')}</dt>
        <dd>{v.impactArea}</dd>
        <dt>{t('enterprise.register.sdgs')}</dt>
        <dd>{v.sdgs.map((g) => t('enterprise.register.sdg', { n: g, name: t(`enterprise.sdgName.${g}`) })).join(', ')}</dd>
      </dl>
      {editor && options.data && (
        <details className="ent-form-wrap" open={editing} onToggle={(e) => setEditing((e.target as HTMLDetailsElement).open)}>
          <summary>{t('enterprise.register.form.change')}</summary>
          {editing && <VentureForm options={options.data} venture={{ ...v, engagements: v.engagements.length }} />}
        </details>
      )}
      <Engagements venture={v} />
      {editor && options.data && <EngagementForm venture={v} options={options.data} />}
    </>
  );
}

function Engagements({ venture }: { venture: VentureDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="block" aria-labelledby="ent-eng">
      <Heading level={2} data-size="sm" id="ent-eng">
        {t('enterprise.engagement.title')}
      </Heading>
      {venture.engagements.length === 0 ? (
        <Paragraph>{t('enterprise.engagement.empty')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('enterprise.engagement.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('enterprise.engagement.titleLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.engagement.kindLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.engagement.period')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('enterprise.engagement.value')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enterprise.engagement.link')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {venture.engagements.map((e: Engagement) => (
                <Table.Row key={e.id}>
                  <Table.HeaderCell scope="row">{e.title}</Table.HeaderCell>
                  <Table.Cell>{t(`enterprise.engagementKind.${e.kind}`)}</Table.Cell>
                  <Table.Cell className="nowrap">
                    {f.date(e.startDate)} – {e.endDate ? f.date(e.endDate) : t('enterprise.engagement.open')}
                  </Table.Cell>
                  <Table.Cell className="num">{e.valueNok === null ? '–' : f.number(e.valueNok, 0)}</Table.Cell>
                  <Table.Cell>{e.tender ? t('enterprise.engagement.tender', { tender: e.tender }) : e.application ? t('enterprise.engagement.application', { title: e.application }) : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function EngagementForm({ venture, options }: { venture: VentureDetail; options: RegisterOptions }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const empty = { kind: '', title: '', startDate: options.today, endDate: '', valueNok: '', tenderId: '', applicationId: '', note: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/\s/g, '').replace(',', '.')));
  const save = useMutation({
    mutationFn: () => api<Engagement>(`/enterprise/ventures/${venture.id}/engagements`, { method: 'POST', body: { kind: v.kind, title: v.title, startDate: v.startDate, endDate: v.endDate || null, valueNok: num(v.valueNok), tenderId: v.tenderId || null, applicationId: v.applicationId || null, note: v.note || null } }),
    onSuccess: async (e) => {
      setDone(t('enterprise.engagement.saved', { title: e.title }));
      setV(empty);
      await qc.invalidateQueries({ queryKey: regKeys.all });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const contract = options.contractKinds.includes(v.kind as Engagement['kind']);
  const apps = options.grantedApplications.filter((a) => !venture.organisationId || a.organisationId === venture.organisationId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  return (
    <details className="ent-form-wrap">
      <summary>{t('enterprise.engagement.formTitle')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field>
          <Label>{t('enterprise.engagement.kindLabel')}</Label>
          <Select value={v.kind} onChange={set('kind')} aria-invalid={!!fe.kind}>
            <Select.Option value="">{t('enterprise.engagement.pickKind')}</Select.Option>
            {options.engagementKinds.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`enterprise.engagementKind.${k}`)}
              </Select.Option>
            ))}
          </Select>
          {fe.kind && <ValidationMessage>{fe.kind}</ValidationMessage>}
        </Field>
        {v.kind && <Paragraph data-size="sm">{t(`enterprise.engagementHelp.${v.kind}`)}</Paragraph>}
        <Textfield label={t('enterprise.engagement.titleLabel')} value={v.title} onChange={set('title')} error={fe.title} />
        <Textfield type="date" label={t('enterprise.engagement.start')} value={v.startDate} onChange={set('startDate')} error={fe.startDate} />
        <Textfield type="date" label={t('enterprise.engagement.end')} value={v.endDate} onChange={set('endDate')} error={fe.endDate} />
        <Textfield label={t('enterprise.engagement.valueLabel')} inputMode="numeric" value={v.valueNok} onChange={set('valueNok')} error={fe.valueNok} />
        {contract && (
          <Field>
            <Label>{t('enterprise.engagement.tenderLabel')}</Label>
            <Select value={v.tenderId} onChange={set('tenderId')} aria-invalid={!!fe.tenderId}>
              <Select.Option value="">{t('enterprise.engagement.noTender')}</Select.Option>
              {options.tenders.map((x) => (
                <Select.Option key={x.id} value={x.id}>
                  {x.reference} {x.title}
                </Select.Option>
              ))}
            </Select>
            {fe.tenderId && <ValidationMessage>{fe.tenderId}</ValidationMessage>}
          </Field>
        )}
        {v.kind === 'grant' && (
          <Field>
            <Label>{t('enterprise.engagement.applicationLabel')}</Label>
            <Select value={v.applicationId} onChange={set('applicationId')} aria-invalid={!!fe.applicationId}>
              <Select.Option value="">{t('enterprise.engagement.pickApplication')}</Select.Option>
              {apps.map((a) => (
                <Select.Option key={a.id} value={a.id}>
                  {a.title} ({a.organisation})
                </Select.Option>
              ))}
            </Select>
            {fe.applicationId && <ValidationMessage>{fe.applicationId}</ValidationMessage>}
          </Field>
        )}
        <Textfield label={t('enterprise.engagement.note')} value={v.note} onChange={set('note')} />
        {save.isError && !Object.keys(fe).length && <Alert data-color="danger">{message(save.error)}</Alert>}
        <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
        <Button type="submit" disabled={save.isPending}>
          {t('enterprise.engagement.submit')}
        </Button>
      </form>
    </details>
  );
}
