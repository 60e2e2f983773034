import { Navigate } from '@tanstack/react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { useProgramFormat } from './present';
import { usePrograms } from './queries';

/** /program: the municipality's program, or a choice when it runs several. */
export function ProgramIndexPage() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const list = usePrograms();
  if (list.isPending) return <Loading />;
  if (list.isError)
    return (
      <>
        <PageHeading>{t('domains.program.name')}</PageHeading>
        <QueryError error={list.error} />
      </>
    );
  if (list.data.length === 1) return <Navigate to="/program/$programId" params={{ programId: list.data[0]!.id }} replace />;
  return (
    <>
      <PageHeading>{t('program.list.title')}</PageHeading>
      {list.data.length === 0 ? (
        <Paragraph>{t('program.list.none')}</Paragraph>
      ) : (
        <ul className="point-list">
          {list.data.map((p) => (
            <li key={p.id}>
              <AppLink to="/program/$programId" params={{ programId: p.id }}>
                {f.loc(p.name)}
              </AppLink>{' '}
              ({f.year(p.startDate)}–{f.year(p.endDate)})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
