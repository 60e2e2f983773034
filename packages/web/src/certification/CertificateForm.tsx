import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Details, Field, Fieldset, Label, Paragraph, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { Required } from '../app/ui/Required';
import { useErrorMessage } from '../app/ui/Status';
import { useFormErrors } from '../app/ui/useFormErrors';
import { certKeys, useSchemes } from './queries';
import type { Certificate, CertificateBody, RegisterRow } from './types';

const FIELDS = ['schemeKey', 'certificateNumber', 'issuer', 'startedOn', 'issuedOn', 'validUntil', 'withdrawnOn', 'supersedesId', 'scopeUnitIds', 'note', 'file'] as const;
const ID: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, `cert-${f}`]));
const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
const MAX_EVIDENCE = 10 * 1024 * 1024;

/** Uploads one evidence file to a certificate. */
export async function uploadEvidence(certificateId: string, file: File): Promise<Certificate> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return api<Certificate>(`/certification/certificates/${encodeURIComponent(certificateId)}/evidence`, { method: 'POST', body: fd });
}

/** Checks an evidence file before anything is sent: PDF, PNG or JPEG, at most 10 MB. */
export function useEvidenceCheck() {
  const { t } = useTranslation();
  return (file: File | null): string | null => {
    if (!file) return null;
    if (!EVIDENCE_TYPES.includes(file.type)) return t('certification.form.evidenceType', { name: file.name });
    if (file.size > MAX_EVIDENCE) return t('certification.form.evidenceSize', { name: file.name });
    return null;
  };
}

/**
 * Registers a certificate for a unit (editors, with scope) or for the user's own organisation
 * (business users: pending until verified), or — given `certificate` — changes or withdraws one.
 * Evidence is checked here first, then uploaded after the certificate is saved.
 */
export function CertificateForm({ holder, existing, units, certificate, onSaved }: { holder: { kind: 'unit' | 'organisation'; id: string; name: string }; existing: Certificate[]; units?: RegisterRow[]; certificate?: Certificate; onSaved: (c: Certificate) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const qc = useQueryClient();
  const schemes = useSchemes();
  const errors = useFormErrors(ID);
  const message = useErrorMessage();
  const checkEvidence = useEvidenceCheck();
  const options = useMemo(() => (schemes.data ?? []).filter((s) => s.holders.includes(holder.kind)), [schemes.data, holder.kind]);
  const c0 = certificate;
  const [v, setV] = useState({ schemeKey: c0?.schemeKey ?? '', certificateNumber: c0?.certificateNumber ?? '', issuer: c0?.issuer ?? '', startedOn: c0?.startedOn ?? '', issuedOn: c0?.issuedOn ?? '', validUntil: c0?.validUntil ?? '', withdrawnOn: c0?.withdrawnOn ?? '', supersedesId: c0?.supersedesId ?? '', note: c0?.note ?? '', includeSubunits: c0?.includeSubunits ?? true });
  const [scope, setScope] = useState<string[]>(c0?.scope.map((u) => u.id) ?? []);
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const scheme = v.schemeKey || options[0]?.key || '';
  const renewable = existing.filter((c) => c.id !== c0?.id && c.schemeKey === scheme && c.verification !== 'rejected' && c.issuedOn);

  const save = useMutation({
    mutationFn: async (body: CertificateBody) => {
      const created = c0 ? await api<Certificate>(`/certification/certificates/${encodeURIComponent(c0.id)}`, { method: 'PATCH', body }) : await api<Certificate>('/certification/certificates', { method: 'POST', body });
      if (!file) return created;
      try {
        return await uploadEvidence(created.id, file);
      } catch (e) {
        setUploadError(message(e));
        return created;
      }
    },
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: certKeys.all });
      onSaved(c);
    },
    onError: (e) => errors.fromError(e),
  });

  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    const bad = checkEvidence(file);
    if (bad) return errors.show({ file: bad });
    errors.clear();
    save.mutate({
      schemeKey: scheme,
      ...(holder.kind === 'unit' ? { scopeUnitIds: scope, includeSubunits: v.includeSubunits } : {}),
      ...(c0 ? { withdrawnOn: orNull(v.withdrawnOn) } : holder.kind === 'unit' ? { holderUnitId: holder.id } : { organisationId: holder.id }),
      certificateNumber: orNull(v.certificateNumber),
      issuer: orNull(v.issuer),
      startedOn: orNull(v.startedOn),
      issuedOn: orNull(v.issuedOn),
      validUntil: orNull(v.validUntil),
      supersedesId: orNull(v.supersedesId),
      note: orNull(v.note),
    });
  };
  const date = (k: 'startedOn' | 'issuedOn' | 'validUntil' | 'withdrawnOn', required = false) => (
    <Textfield id={ID[k]} type="date" label={required ? <Required>{t(`certification.fields.${k}`)}</Required> : t(`certification.fields.${k}`)} description={t(`certification.form.help.${k}`)} value={v[k]} onChange={set(k)} error={errors.fields[k]} />
  );

  return (
    <>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      {uploadError && (
        <Alert data-color="danger" className="block">
          <Paragraph>{t('certification.form.uploadFailed', { message: uploadError })}</Paragraph>
        </Alert>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field>
          <Label htmlFor={ID.schemeKey}>
            <Required>{t('certification.fields.scheme')}</Required>
          </Label>
          <Select id={ID.schemeKey} value={scheme} onChange={set('schemeKey')} aria-invalid={errors.fields.schemeKey ? true : undefined}>
            {options.map((s) => (
              <Select.Option key={s.key} value={s.key}>
                {s.name[lang]}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.schemeKey && <ValidationMessage>{errors.fields.schemeKey}</ValidationMessage>}
        </Field>
        <Textfield id={ID.certificateNumber} label={t('certification.fields.number')} value={v.certificateNumber} onChange={set('certificateNumber')} error={errors.fields.certificateNumber} autoComplete="off" />
        <Textfield id={ID.issuer} label={t('certification.fields.issuer')} description={t('certification.form.help.issuer')} value={v.issuer} onChange={set('issuer')} error={errors.fields.issuer} autoComplete="off" />
        {date('issuedOn')}
        {date('validUntil')}
        {date('startedOn')}
        {c0 && date('withdrawnOn')}
        {renewable.length > 0 && (
          <Field>
            <Label htmlFor={ID.supersedesId}>{t('certification.fields.supersedes')}</Label>
            <Field.Description>{t('certification.form.help.supersedes')}</Field.Description>
            <Select id={ID.supersedesId} value={v.supersedesId} onChange={set('supersedesId')} aria-invalid={errors.fields.supersedesId ? true : undefined}>
              <Select.Option value="">{t('certification.form.noRenewal')}</Select.Option>
              {renewable.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {[c.certificateNumber, c.issuedOn && c.validUntil ? `${c.issuedOn} – ${c.validUntil}` : null].filter(Boolean).join(', ')}
                </Select.Option>
              ))}
            </Select>
            {errors.fields.supersedesId && <ValidationMessage>{errors.fields.supersedesId}</ValidationMessage>}
          </Field>
        )}
        {holder.kind === 'unit' && units && (
          <Details>
            <Details.Summary>{t('certification.form.scopeTitle', { count: scope.length })}</Details.Summary>
            <Details.Content>
              <Checkbox label={t('certification.form.includeSubunits')} checked={v.includeSubunits} onChange={(e) => setV((x) => ({ ...x, includeSubunits: e.target.checked }))} />
              <Fieldset id={ID.scopeUnitIds}>
                <Fieldset.Legend>{t('certification.form.scopeLegend')}</Fieldset.Legend>
                {units
                  .filter((u) => u.unitId !== holder.id && u.kind !== 'subunit')
                  .map((u) => (
                    <Checkbox key={u.unitId} label={u.name} value={u.unitId} checked={scope.includes(u.unitId)} onChange={(e) => setScope((s) => (e.target.checked ? [...s, u.unitId] : s.filter((x) => x !== u.unitId)))} />
                  ))}
                {errors.fields.scopeUnitIds && <ValidationMessage>{errors.fields.scopeUnitIds}</ValidationMessage>}
              </Fieldset>
            </Details.Content>
          </Details>
        )}
        <Field>
          <Label htmlFor={ID.file}>{t('certification.fields.evidence')}</Label>
          <Field.Description>{t('certification.form.help.evidence')}</Field.Description>
          <input id={ID.file} className="ds-input" type="file" accept="application/pdf,image/png,image/jpeg" aria-invalid={errors.fields.file ? true : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {errors.fields.file && <ValidationMessage>{errors.fields.file}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={ID.note}>{t('certification.fields.note')}</Label>
          <Textarea id={ID.note} rows={3} value={v.note} onChange={set('note')} aria-invalid={errors.fields.note ? true : undefined} />
        </Field>
        <div className="actions">
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {c0 ? t('certification.form.submitEdit') : holder.kind === 'organisation' ? t('certification.form.submitBusiness') : t('certification.form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
