import { useState } from 'react';
import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../app/api';
import { useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { useOrganisation } from '../organisations/queries';
import { useCertificates } from './queries';
import { SubNav } from './SubNav';
import { StatusTag } from './StatusTag';
import { CertificateForm } from './CertificateForm';
import type { Certificate } from './types';

/** A business user's own certificates: what the municipality has verified, what waits, what was rejected and why. */
export function BusinessPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const { user } = useSession();
  const org = useOrganisation(user?.organisationId);
  const certs = useCertificates();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<Certificate | null>(null);
  if (!user?.organisationId)
    return (
      <>
        <PageHeading>{t('certification.business.title')}</PageHeading>
        <Paragraph>{t('certification.business.noOrganisation')}</Paragraph>
      </>
    );
  return (
    <>
      <PageHeading>{t('certification.business.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.business.intro', { name: org.data?.name ?? '' })}</Paragraph>
      <SubNav />
      {saved && (
        <Alert data-color="success" className="block" role="status">
          <Paragraph>{t('certification.business.saved')}</Paragraph>
        </Alert>
      )}
      {certs.isPending ? (
        <Loading />
      ) : certs.isError ? (
        <QueryError error={certs.error} />
      ) : certs.data.length === 0 ? (
        <Paragraph>{t('certification.business.none')}</Paragraph>
      ) : (
        <ul className="cards">
          {certs.data.map((c) => (
            <li key={c.id}>
              <BusinessCertificate c={c} lang={lang} />
            </li>
          ))}
        </ul>
      )}
      <Heading level={2} data-size="sm" className="block">
        {t('certification.business.newTitle')}
      </Heading>
      {adding && org.data ? (
        <CertificateForm
          holder={{ kind: 'organisation', id: org.data.id, name: org.data.name }}
          existing={certs.data ?? []}
          onSaved={(c) => {
            setSaved(c);
            setAdding(false);
          }}
        />
      ) : (
        <Button variant="primary" onClick={() => setAdding(true)}>
          {t('certification.business.add')}
        </Button>
      )}
    </>
  );
}

function BusinessCertificate({ c, lang }: { c: Certificate; lang: 'nb' | 'en' }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card>
      <Heading level={3} data-size="xs">
        {c.schemeName[lang]}
        {c.certificateNumber ? ` – ${c.certificateNumber}` : ''}
      </Heading>
      <Paragraph>
        <Tag data-color={c.verification === 'verified' ? 'success' : c.verification === 'rejected' ? 'danger' : 'info'} data-size="sm">
          {t(`certification.verification.${c.verification}`)}
        </Tag>{' '}
        <StatusTag status={c.status} />
      </Paragraph>
      <Paragraph data-size="sm">{t('certification.business.period', { from: f.date(c.issuedOn), to: f.date(c.validUntil), issuer: c.issuer ?? '–' })}</Paragraph>
      {c.verification === 'rejected' && c.rejectionReason && (
        <Paragraph data-size="sm">
          <strong>{t('certification.business.reason')}</strong> {c.rejectionReason}
        </Paragraph>
      )}
      {c.evidence.map((e) => (
        <Paragraph data-size="sm" key={e.fileId}>
          <a className="ds-link" href={apiUrl(`/files/${e.fileId}`)}>
            {e.filename}
          </a>
        </Paragraph>
      ))}
    </Card>
  );
}
