import { useRef, type ReactNode } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { orgKeys, useOrganisation } from './queries';

/** One organisation: its fields, and edit/delete for those allowed. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id } = useParams({ from: '/signed-in/organisations/$id' });
  const org = useOrganisation(id);
  const { user } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const message = useErrorMessage();
  const del = useMutation({
    mutationFn: () => api<void>(`/organisations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      dialog.current?.close();
      // Forget the deleted record before leaving, so that nothing asks for it again.
      await navigate({ to: '/organisations' });
      qc.removeQueries({ queryKey: orgKeys.one(id) });
      await qc.invalidateQueries({ queryKey: [...orgKeys.all, 'list'] });
    },
  });

  if (org.isPending) return <Loading />;
  if (org.isError)
    return (
      <>
        <PageHeading>{t('domains.organisations.name')}</PageHeading>
        <QueryError error={org.error} />
        <AppLink to="/organisations">{t('organisations.backToList')}</AppLink>
      </>
    );
  const o = org.data;
  const editor = can.editDomain(user, 'organisations');
  const mayEdit = editor || (user?.role === 'business' && user.organisationId === o.id);
  const rows: [string, ReactNode][] = [
    [t('organisations.fields.orgNumber'), f.orgNumber(o.orgNumber)],
    [t('organisations.fields.kind'), t(`organisations.kinds.${o.kind}`, { defaultValue: o.kind })],
    [t('organisations.fields.industryCode'), o.industryCode ?? '–'],
    [t('organisations.fields.address'), [o.address, [o.postalCode, o.place].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'],
    [t('organisations.fields.municipalityNumber'), o.municipalityNumber ?? '–'],
    [t('organisations.fields.employees'), f.number(o.employees)],
    [
      t('organisations.fields.website'),
      o.website ? (
        <a href={o.website} rel="noopener noreferrer" target="_blank">
          {o.website}
          <span className="ds-sr-only"> {t('common.opensInNewWindow')}</span>
        </a>
      ) : (
        '–'
      ),
    ],
    [t('organisations.fields.parentOrgNumber'), o.parentOrgNumber ? f.orgNumber(o.parentOrgNumber) : '–'],
    [t('organisations.fields.source'), t(`organisations.sources.${o.source}`, { defaultValue: o.source })],
    [t('organisations.fields.updatedAt'), f.dateTime(o.updatedAt)],
  ];
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/organisations">{t('organisations.backToList')}</AppLink>
      </Paragraph>
      <PageHeading>{o.name}</PageHeading>
      <Tag data-color="neutral">{t(`organisations.kinds.${o.kind}`, { defaultValue: o.kind })}</Tag>
      <dl className="fields">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        {mayEdit && (
          <Button asChild variant="primary">
            <Link to="/organisations/$id/edit" params={{ id: o.id }}>
              {t('common.edit')}
            </Link>
          </Button>
        )}
        {editor && (
          <Button variant="secondary" data-color="danger" onClick={() => dialog.current?.showModal()}>
            {t('common.delete')}
          </Button>
        )}
      </div>
      <Dialog ref={dialog} closeButton={t('common.close')} aria-labelledby="delete-title" onClose={() => del.reset()}>
        <Heading level={2} data-size="sm" id="delete-title">
          {t('organisations.deleteTitle', { name: o.name })}
        </Heading>
        <Paragraph>{t('organisations.deleteText')}</Paragraph>
        {del.isError && (
          <Alert data-color="danger" className="block">
            <Paragraph>{message(del.error)}</Paragraph>
          </Alert>
        )}
        <div className="actions">
          <Button data-color="danger" loading={del.isPending} onClick={() => del.mutate()}>
            {t('organisations.deleteConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
