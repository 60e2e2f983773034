import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { prKeys, useFollowUp } from './queries';
import type { FollowUpItem } from './types';
import './procurement.css';

const COLOR: Record<FollowUpItem['status'], 'danger' | 'warning' | 'info' | 'success' | 'neutral'> = { overdue: 'danger', deviation_open: 'warning', upcoming: 'info', deviation_closed: 'neutral', met: 'success' };
const SYMBOL: Record<FollowUpItem['status'], string> = { overdue: '!', deviation_open: '⚠', upcoming: '○', deviation_closed: '✓', met: '✓' };

/** What suppliers still owe after award: overdue evidence and open deviations per responsible unit. */
export function FollowUpPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const d = useFollowUp();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeading>{t('procurement.followUp.title')}</PageHeading>
      <Paragraph className="lead">{t('procurement.followUp.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/procurement">{t('procurement.back')}</AppLink>
      </Paragraph>
      {d.isPending ? (
        <Loading />
      ) : d.isError ? (
        <QueryError error={d.error} />
      ) : (
        <>
          <Paragraph>
            {t('procurement.followUp.totals', { overdue: d.data.totals.overdue, open: d.data.totals.deviationsOpen, onSchedule: d.data.totals.contractsOnSchedule, contracts: d.data.totals.contracts, date: f.date(d.data.asOf) })}
          </Paragraph>
          {d.data.units.length === 0 && <Paragraph>{t('procurement.followUp.empty')}</Paragraph>}
          {d.data.units.map((u) => (
            <section key={u.unitId ?? 'none'} className="pr-card" aria-labelledby={`pr-unit-${u.unitId ?? 'none'}`}>
              <Heading level={2} data-size="sm" id={`pr-unit-${u.unitId ?? 'none'}`}>
                {u.unitName}
              </Heading>
              <Table className="pr-table" data-size="sm">
                <caption>{t('procurement.followUp.caption', { unit: u.unitName, overdue: u.overdue, open: u.deviationsOpen })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('procurement.followUp.requirement')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('procurement.followUp.supplier')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('procurement.followUp.check')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('procurement.followUp.due')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('procurement.followUp.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('procurement.followUp.action')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {u.items.map((i) => (
                    <Table.Row key={i.id}>
                      <Table.HeaderCell scope="row">{i.title}</Table.HeaderCell>
                      <Table.Cell>
                        {i.supplierName} ({i.tenderTitle})
                      </Table.Cell>
                      <Table.Cell>{t(`procurement.checks.${i.checkKind}`)}</Table.Cell>
                      <Table.Cell>{f.date(i.dueDate)}</Table.Cell>
                      <Table.Cell>
                        <Tag data-size="sm" data-color={COLOR[i.status]}>
                          {SYMBOL[i.status]} {t(`procurement.followUp.statuses.${i.status}`)}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell>
                        <Button data-size="sm" variant="secondary" aria-expanded={open === i.id} onClick={() => setOpen(open === i.id ? null : i.id)}>
                          {t('procurement.followUp.record', { title: i.title })}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {u.items.some((i) => i.id === open) && <OutcomeForm item={u.items.find((i) => i.id === open)!} onDone={() => setOpen(null)} />}
            </section>
          ))}
        </>
      )}
    </>
  );
}

function OutcomeForm({ item, onDone }: { item: FollowUpItem; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [v, setV] = useState({ outcome: 'met', checkedOn: '', finding: '', sanction: 'none', sanctionDate: '', deviationClosedOn: '' });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const save = useMutation({
    mutationFn: () =>
      api(`/procurement/follow-ups/${encodeURIComponent(item.id)}/outcome`, {
        method: 'POST',
        body: { outcome: v.outcome, checkedOn: v.checkedOn, finding: v.finding || null, ...(v.outcome === 'deviation' ? { sanction: v.sanction, sanctionDate: v.sanctionDate || null, deviationClosedOn: v.deviationClosedOn || null } : {}) },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: prKeys.all });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="pr-outcome">
      <Heading level={3} data-size="xs" id="pr-outcome">
        {t('procurement.followUp.formTitle', { title: item.title })}
      </Heading>
      <div className="pr-grid">
        <Field>
          <Label>{t('procurement.followUp.outcome')}</Label>
          <Select value={v.outcome} onChange={set('outcome')}>
            <Select.Option value="met">{t('procurement.followUp.outcomes.met')}</Select.Option>
            <Select.Option value="deviation">{t('procurement.followUp.outcomes.deviation')}</Select.Option>
          </Select>
        </Field>
        <Textfield type="date" label={t('procurement.followUp.checkedOn')} value={v.checkedOn} onChange={set('checkedOn')} />
        <Textfield label={t('procurement.followUp.finding')} value={v.finding} onChange={set('finding')} />
        {v.outcome === 'deviation' && (
          <>
            <Field>
              <Label>{t('procurement.followUp.sanction')}</Label>
              <Select value={v.sanction} onChange={set('sanction')}>
                {['none', 'notice', 'fine', 'termination'].map((s) => (
                  <Select.Option key={s} value={s}>
                    {t(`procurement.followUp.sanctions.${s}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield type="date" label={t('procurement.followUp.sanctionDate')} value={v.sanctionDate} onChange={set('sanctionDate')} />
            <Textfield type="date" label={t('procurement.followUp.closedOn')} value={v.deviationClosedOn} onChange={set('deviationClosedOn')} />
          </>
        )}
      </div>
      <div aria-live="polite">
        {save.isError && (
          <Alert data-color="danger">
            <Paragraph>{message(save.error)}</Paragraph>
          </Alert>
        )}
      </div>
      <Button type="submit" disabled={save.isPending}>
        {t('procurement.followUp.save')}
      </Button>
    </form>
  );
}
