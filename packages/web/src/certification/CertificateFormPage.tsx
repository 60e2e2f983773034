import { Paragraph } from '@digdir/designsystemet-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useAllUnits, useCertificate, useUnitPage } from './queries';
import { CertificateForm } from './CertificateForm';

/** A certification editor registers a unit's certificate (verified at once), with its scope and evidence. */
export function CertificateFormPage() {
  const { t } = useTranslation();
  const { unitId } = useSearch({ from: '/signed-in/certification/certificates/new' }) as { unitId?: string };
  const navigate = useNavigate();
  const page = useUnitPage(unitId ?? '');
  const units = useAllUnits();
  if (!unitId)
    return (
      <>
        <PageHeading>{t('certification.form.title')}</PageHeading>
        <Paragraph>{t('certification.form.pickUnit')}</Paragraph>
        <AppLink to="/certification/register">{t('certification.unit.back')}</AppLink>
      </>
    );
  if (page.isPending || units.isPending) return <Loading />;
  if (page.isError) return <QueryError error={page.error} />;
  const title = t('certification.form.titleFor', { name: page.data.unit.name });
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/certification/units/$id" params={{ id: unitId }}>
          {t('certification.report.back', { unit: page.data.unit.name })}
        </AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="lead">{t('certification.form.introUnit')}</Paragraph>
      <CertificateForm
        holder={{ kind: 'unit', id: unitId, name: page.data.unit.name }}
        existing={page.data.certificates.filter((c) => c.holder.id === unitId)}
        units={units.data?.items ?? []}
        onSaved={() => void navigate({ to: '/certification/units/$id', params: { id: unitId } })}
      />
    </>
  );
}

/** A certification editor changes a certificate, or withdraws it with the date it ended. */
export function CertificateEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signed-in/certification/certificates/$id/edit' });
  const navigate = useNavigate();
  const cert = useCertificate(id);
  const unitId = cert.data?.holder.kind === 'unit' ? cert.data.holder.id : '';
  const page = useUnitPage(unitId);
  const units = useAllUnits();
  if (cert.isPending || (unitId && (page.isPending || units.isPending))) return <Loading />;
  if (cert.isError) return <QueryError error={cert.error} />;
  if (unitId && page.isError) return <QueryError error={page.error} />;
  const c = cert.data;
  const title = t('certification.form.editTitle', { name: c.holder.name });
  const back = unitId ? <AppLink to="/certification/units/$id" params={{ id: unitId }}>{t('certification.report.back', { unit: c.holder.name })}</AppLink> : <AppLink to="/certification/register">{t('certification.unit.back')}</AppLink>;
  return (
    <>
      <Paragraph data-size="sm">{back}</Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="lead">{t('certification.form.introEdit')}</Paragraph>
      <CertificateForm
        holder={c.holder}
        certificate={c}
        existing={unitId && page.data ? page.data.certificates.filter((x) => x.holder.id === unitId) : []}
        units={unitId ? (units.data?.items ?? []) : undefined}
        onSaved={() => void (unitId ? navigate({ to: '/certification/units/$id', params: { id: unitId } }) : navigate({ to: '/certification/verification' }))}
      />
    </>
  );
}
