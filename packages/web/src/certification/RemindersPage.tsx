import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useReminders } from './queries';
import { SubNav } from './SubNav';
import { ReminderTag, useReminderText } from './ReminderText';

/** What must be done per unit: certificates expiring within 90 and 30 days, overdue renewals, lapses and missing reports. */
export function RemindersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useReminders();
  const text = useReminderText();
  return (
    <>
      <PageHeading>{t('certification.reminders.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.reminders.intro')}</Paragraph>
      <SubNav />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t('certification.reminders.none')}</Paragraph>
      ) : (
        <>
          <Paragraph className="result-count" role="status">
            {t('certification.reminders.count', { count: list.data.items.length, date: f.date(list.data.date) })}
          </Paragraph>
          <div className="table-wrap">
            <Table zebra border data-size="sm">
              <caption className="ds-sr-only">{t('certification.reminders.title')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('certification.fields.unit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certification.reminders.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certification.reminders.what')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certification.reminders.deadline')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certification.reminders.recipients')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((r, i) => (
                  <Table.Row key={`${r.unitId}-${r.kind}-${i}`}>
                    <Table.Cell>
                      <AppLink to="/certification/units/$id" params={{ id: r.unitId }}>
                        {r.unitName}
                      </AppLink>
                    </Table.Cell>
                    <Table.Cell>
                      <ReminderTag kind={r.kind} />
                    </Table.Cell>
                    <Table.Cell>{text(r)}</Table.Cell>
                    <Table.Cell className="nowrap">{f.date(r.date)}</Table.Cell>
                    <Table.Cell>{r.recipients.length ? r.recipients.map((x) => `${x.name}${x.via === 'fallback' ? ` (${t('certification.reminders.fallback')})` : ''}`).join(', ') : '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Paragraph data-size="sm">{t('certification.reminders.email')}</Paragraph>
        </>
      )}
    </>
  );
}
