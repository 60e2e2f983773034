import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { certKeys, REGISTER_PAGE_SIZE, useOutreach, type OutreachParams } from './queries';
import { SubNav } from './SubNav';
import { StatusTag } from './StatusTag';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, SIZE_CLASSES, type OutreachRow } from './types';

/** The campaign list for B1: local businesses without a valid certificate, by industry and size, and the contacts made. */
export function OutreachPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/signed-in/certification/outreach' }) as OutreachParams;
  const navigate = useNavigate({ from: '/certification/outreach' });
  const [industry, setIndustry] = useState(search.industry ?? '');
  useEffect(() => setIndustry(search.industry ?? ''), [search.industry]);
  const list = useOutreach(search);
  const set = (patch: Partial<OutreachParams>) => void navigate({ search: (s: OutreachParams) => ({ ...s, ...patch, page: undefined }) as never });
  const [contactFor, setContactFor] = useState<OutreachRow | null>(null);
  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    set({ industry: industry.trim() || undefined });
  };
  return (
    <>
      <PageHeading>{t('certification.outreach.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.outreach.intro')}</Paragraph>
      <SubNav />
      <form className="toolbar" onSubmit={onFilter} aria-label={t('certification.outreach.filterLabel')}>
        <Textfield id="outreach-industry" label={t('certification.outreach.industry')} description={t('certification.outreach.industryHelp')} value={industry} onChange={(e) => setIndustry(e.target.value)} />
        <Field className="narrow">
          <Label htmlFor="outreach-size">{t('certification.outreach.size')}</Label>
          <Select id="outreach-size" value={search.size ?? ''} onChange={(e) => set({ size: e.target.value || undefined })}>
            <Select.Option value="">{t('certification.outreach.allSizes')}</Select.Option>
            {SIZE_CLASSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`certification.outreach.sizes.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field className="narrow">
          <Label htmlFor="outreach-contacted">{t('certification.outreach.contacted')}</Label>
          <Select id="outreach-contacted" value={search.contacted ?? ''} onChange={(e) => set({ contacted: e.target.value || undefined })}>
            <Select.Option value="">{t('certification.outreach.any')}</Select.Option>
            <Select.Option value="yes">{t('certification.outreach.contactedYes')}</Select.Option>
            <Select.Option value="no">{t('certification.outreach.contactedNo')}</Select.Option>
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t('certification.outreach.filter')}
        </Button>
      </form>
      {contactFor && <ContactForm org={contactFor} onClose={() => setContactFor(null)} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <>
          <Paragraph className="result-count" role="status">
            {t('certification.outreach.count', { count: list.data.total })}
          </Paragraph>
          {list.data.items.length > 0 && (
            <div className="table-wrap">
              <Table zebra border data-size="sm">
                <caption className="ds-sr-only">{t('certification.outreach.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('certification.outreach.business')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('certification.outreach.industry')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('certification.outreach.employees')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('certification.fields.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('certification.outreach.lastContact')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('certification.outreach.action')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.items.map((o) => (
                    <Table.Row key={o.organisationId}>
                      <Table.Cell>
                        <AppLink to="/organisations/$id" params={{ id: o.organisationId }}>
                          {o.name}
                        </AppLink>
                        <div className="cert-figure__detail">{[f.orgNumber(o.orgNumber), o.place].filter(Boolean).join(', ')}</div>
                      </Table.Cell>
                      <Table.Cell>
                        {o.industryCode ?? '–'}
                        {o.industryName && <div className="cert-figure__detail">{o.industryName}</div>}
                      </Table.Cell>
                      <Table.Cell className="num">{f.number(o.employees)}</Table.Cell>
                      <Table.Cell>
                        <StatusTag status={o.status} />
                      </Table.Cell>
                      <Table.Cell>
                        {o.lastContact ? (
                          <>
                            {f.date(o.lastContact.date)}: {t(`certification.outreach.channels.${o.lastContact.channel}`)}, {t(`certification.outreach.outcomes.${o.lastContact.outcome}`).toLocaleLowerCase()}
                            {o.lastContact.note && <div className="cert-figure__detail">{o.lastContact.note}</div>}
                            {o.contacts > 1 && <div className="cert-figure__detail">{t('certification.outreach.contactsCount', { count: o.contacts })}</div>}
                          </>
                        ) : (
                          t('certification.outreach.never')
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <Button variant="tertiary" data-size="sm" onClick={() => setContactFor(o)}>
                          {t('certification.outreach.log')}
                          <span className="ds-sr-only">{t('certification.outreach.logFor', { name: o.name })}</span>
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager page={search.page ?? 1} total={list.data.total} pageSize={REGISTER_PAGE_SIZE} onChange={(p) => void navigate({ search: (s: OutreachParams) => ({ ...s, page: p > 1 ? p : undefined }) as never })} />
        </>
      )}
    </>
  );
}

function ContactForm({ org, onClose }: { org: OutreachRow; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const today = new Date().toISOString().slice(0, 10);
  const [v, setV] = useState({ date: today, channel: 'phone', outcome: 'interested', note: '' });
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: object) => api('/certification/outreach', { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: certKeys.all });
      onClose();
    },
    onError: (e) => setError(message(e)),
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <Alert data-color="info" className="block">
      <Heading level={2} data-size="xs">
        {t('certification.outreach.logTitle', { name: org.name })}
      </Heading>
      <form
        className="cert-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ organisationId: org.organisationId, date: v.date, channel: v.channel, outcome: v.outcome, note: v.note.trim() || null });
        }}
        noValidate
      >
        <Textfield id="contact-date" type="date" label={t('certification.fields.date')} value={v.date} onChange={set('date')} />
        <Field>
          <Label htmlFor="contact-channel">{t('certification.outreach.channel')}</Label>
          <Select id="contact-channel" value={v.channel} onChange={set('channel')}>
            {CONTACT_CHANNELS.map((c) => (
              <Select.Option key={c} value={c}>
                {t(`certification.outreach.channels.${c}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="contact-outcome">{t('certification.outreach.outcome')}</Label>
          <Select id="contact-outcome" value={v.outcome} onChange={set('outcome')}>
            {CONTACT_OUTCOMES.map((c) => (
              <Select.Option key={c} value={c}>
                {t(`certification.outreach.outcomes.${c}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id="contact-note" label={t('certification.fields.note')} value={v.note} onChange={set('note')} />
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t('common.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </form>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Alert>
  );
}
