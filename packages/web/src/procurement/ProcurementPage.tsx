import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { useTenders } from './queries';
import './procurement.css';

/** Tenders of the municipality with their environment weight and whether the 30 % rule is met. */
export function ProcurementPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const tenders = useTenders();
  return (
    <>
      <PageHeading>{t('procurement.list.title')}</PageHeading>
      <Paragraph className="lead">{t('procurement.list.intro')}</Paragraph>
      <div className="pr-actions">
        <AppLink to="/procurement/tenders/new">{t('procurement.list.new')}</AppLink>
        <AppLink to="/procurement/follow-up">{t('procurement.list.followUp')}</AppLink>
        <AppLink to="/procurement/library">{t('procurement.list.library')}</AppLink>
      </div>
      {tenders.isPending ? (
        <Loading />
      ) : tenders.isError ? (
        <QueryError error={tenders.error} />
      ) : tenders.data.length === 0 ? (
        <Paragraph>{t('procurement.list.empty')}</Paragraph>
      ) : (
        <Table className="pr-table" data-size="sm">
          <caption>{t('procurement.list.caption', { count: tenders.data.length })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('procurement.fields.reference')}</Table.HeaderCell>
              <Table.HeaderCell>{t('procurement.fields.title')}</Table.HeaderCell>
              <Table.HeaderCell className="pr-num">{t('procurement.fields.estimatedValue')}</Table.HeaderCell>
              <Table.HeaderCell className="pr-num">{t('procurement.fields.envWeight')}</Table.HeaderCell>
              <Table.HeaderCell>{t('procurement.fields.rule')}</Table.HeaderCell>
              <Table.HeaderCell>{t('procurement.fields.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {tenders.data.map((x) => (
              <Table.Row key={x.id}>
                <Table.Cell>{x.reference}</Table.Cell>
                <Table.HeaderCell scope="row">
                  <AppLink to="/procurement/tenders/$id" params={{ id: x.id }}>
                    {x.title}
                  </AppLink>
                </Table.HeaderCell>
                <Table.Cell className="pr-num">
                  {f.number(x.estimatedValueNok, 0)} {x.currency === 'NOK' ? 'kr' : x.currency}
                </Table.Cell>
                <Table.Cell className="pr-num">{x.envWeight === null ? '–' : `${f.number(x.envWeight)} %`}</Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={x.rulesOk ? (x.exceptionUsed ? 'warning' : 'success') : 'danger'}>
                    {x.rulesOk ? (x.exceptionUsed ? `⚠ ${t('procurement.rule.exception')}` : `✓ ${t('procurement.rule.ok')}`) : `✗ ${t('procurement.rule.breach')}`}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{t(`procurement.status.${x.status}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
