import { useState } from 'react';
import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Pager } from '../app/ui/Pager';
import { Loading, QueryError } from '../app/ui/Status';
import { PAGE_SIZE, useDecisions } from './queries';
import './land.css';

/** The decision log: every allocation (or none) with its reason, newest first. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const log = useDecisions({ page });
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/land">{t('land.back')}</AppLink>
      </Paragraph>
      <PageHeading>{t('land.decisions.title')}</PageHeading>
      <Paragraph className="lead">{t('land.decisions.intro')}</Paragraph>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <QueryError error={log.error} />
      ) : log.data.items.length === 0 ? (
        <Paragraph>{t('land.decisions.empty')}</Paragraph>
      ) : (
        <>
          <Table zebra border data-size="sm">
            <caption>{t('land.decisions.caption', { count: log.data.total })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('land.decision.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.calls.plot')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.decision.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.decisions.to')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.decision.reason')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.decision.case')}</Table.HeaderCell>
                <Table.HeaderCell>{t('land.decisions.call')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {log.data.items.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{f.date(d.decidedOn)}</Table.Cell>
                  <Table.HeaderCell scope="row">{d.plot ?? '–'}</Table.HeaderCell>
                  <Table.Cell>{t(`land.outcome.${d.outcome}`)}</Table.Cell>
                  <Table.Cell>
                    {d.applicant ?? '–'} {d.deviatesFromRanking && <Tag data-color="warning">{t('land.decisions.deviates')}</Tag>}
                  </Table.Cell>
                  <Table.Cell>{d.reason}</Table.Cell>
                  <Table.Cell>{d.caseNumber ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <AppLink to="/land/calls/$id" params={{ id: d.callId }}>
                      {t('land.decisions.open')}
                    </AppLink>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager page={page} total={log.data.total} pageSize={PAGE_SIZE} onChange={setPage} />
        </>
      )}
    </>
  );
}
