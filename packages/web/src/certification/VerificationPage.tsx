import { useState } from 'react';
import { Alert, Button, Card, Heading, Paragraph, Textarea, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../app/api';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { certKeys, useQueue } from './queries';
import { SubNav } from './SubNav';
import type { Certificate } from './types';

/** The editor's queue: certificates registered by businesses and units, to verify or reject with a reason. */
export function VerificationPage() {
  const { t } = useTranslation();
  const queue = useQueue();
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <PageHeading>{t('certification.verify.title')}</PageHeading>
      <Paragraph className="lead">{t('certification.verify.intro')}</Paragraph>
      <SubNav />
      {done && (
        <Alert data-color="success" className="block" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <QueryError error={queue.error} />
      ) : queue.data.length === 0 ? (
        <Paragraph>{t('certification.verify.empty')}</Paragraph>
      ) : (
        <ul className="cert-queue">
          {queue.data.map((c) => (
            <li key={c.id}>
              <QueueItem c={c} onDone={setDone} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function QueueItem({ c, onDone }: { c: Certificate; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const f = useFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (body: { decision: 'verified' | 'rejected'; reason?: string }) => api<Certificate>(`/certification/certificates/${encodeURIComponent(c.id)}/verify`, { method: 'POST', body }),
    onSuccess: async (r) => {
      onDone(r.verification === 'verified' ? t('certification.verify.verified', { name: r.holder.name }) : t('certification.verify.rejected', { name: r.holder.name }));
      await qc.invalidateQueries({ queryKey: certKeys.all });
    },
    onError: (e) => setError(message(e)),
  });
  const reasonId = `reason-${c.id}`;
  return (
    <Card>
      <Heading level={2} data-size="xs">
        {c.holder.name}
        {c.holder.orgNumber ? ` (${f.orgNumber(c.holder.orgNumber)})` : ''}
      </Heading>
      <dl className="fields fields--compact">
        <dt>{t('certification.fields.scheme')}</dt>
        <dd>{c.schemeName[lang]}</dd>
        <dt>{t('certification.fields.number')}</dt>
        <dd>{c.certificateNumber ?? '–'}</dd>
        <dt>{t('certification.fields.issuer')}</dt>
        <dd>{c.issuer ?? '–'}</dd>
        <dt>{t('certification.verify.period')}</dt>
        <dd>
          {f.date(c.issuedOn)} – {f.date(c.validUntil)}
        </dd>
        <dt>{t('certification.verify.registered')}</dt>
        <dd>
          {f.dateTime(c.createdAt)}, {c.registeredBy}
        </dd>
        <dt>{t('certification.fields.evidence')}</dt>
        <dd>
          {c.evidence.length
            ? c.evidence.map((e) => (
                <div key={e.fileId}>
                  <a className="ds-link" href={apiUrl(`/files/${e.fileId}`)}>
                    {e.filename}
                  </a>
                </div>
              ))
            : t('certification.verify.noEvidence')}
        </dd>
      </dl>
      <Field>
        <Label htmlFor={reasonId}>{t('certification.verify.reason')}</Label>
        <Field.Description>{t('certification.verify.reasonHelp')}</Field.Description>
        <Textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} />
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      <div className="actions">
        <Button variant="primary" disabled={decide.isPending} onClick={() => decide.mutate({ decision: 'verified' })}>
          {t('certification.verify.approve', { name: c.holder.name })}
        </Button>
        <Button variant="secondary" data-color="danger" disabled={decide.isPending} onClick={() => (reason.trim().length < 5 ? setError(t('certification.verify.reasonRequired')) : decide.mutate({ decision: 'rejected', reason: reason.trim() }))}>
          {t('certification.verify.reject', { name: c.holder.name })}
        </Button>
      </div>
    </Card>
  );
}
