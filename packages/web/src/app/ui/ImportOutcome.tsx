import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useFormat } from '../format';
import { useErrorMessage } from './Status';

type Level = 2 | 3;
const SHOWN = 200;

/** What an import did: a heading and its counts (rows, created, updated …), announced to screen readers. */
export function ImportCounts({ title, level = 3, counts }: { title: string; level?: Level; counts: [label: string, n: number][] }) {
  const f = useFormat();
  return (
    <Alert data-color="success" className="block" role="status">
      <Heading level={level} data-size="2xs">
        {title}
      </Heading>
      <dl className="fields fields--compact">
        {counts.map(([label, n]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd className="num">{f.number(n)}</dd>
          </div>
        ))}
      </dl>
    </Alert>
  );
}

/**
 * Why an import failed: the message, and every bad line as a table (line, field, error) — the
 * first 200, with how many more there are. `lineLabel` names what a "line" is (a row, an entry).
 */
export function ImportFailure({ error, title, level = 3, lineLabel }: { error: unknown; title: string; level?: Level; lineLabel?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const lines = error instanceof ApiError ? error.details.filter((d) => d.line !== undefined || d.field) : [];
  return (
    <>
      <Alert data-color="danger" className="block">
        <Heading level={level} data-size="2xs">
          {title}
        </Heading>
        <Paragraph>{message(error)}</Paragraph>
      </Alert>
      {lines.length > 0 && (
        <div className="table-wrap">
          <Table zebra border data-size="sm">
            <caption>{t('import.errorsCaption', { count: lines.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col" className="num">
                  {lineLabel ?? t('import.line')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('import.field')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('import.message')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {lines.slice(0, SHOWN).map((d, k) => (
                <Table.Row key={k}>
                  <Table.Cell className="num">{d.line ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <code>{d.field ?? '–'}</code>
                  </Table.Cell>
                  <Table.Cell>{d.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {lines.length > SHOWN && <Paragraph data-size="sm">{t('import.more', { count: lines.length - SHOWN })}</Paragraph>}
        </div>
      )}
    </>
  );
}
