import { useState, type FormEvent } from 'react';
import { Button, Field, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { FormErrorSummary } from '../app/ui/FormErrors';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useFormErrors } from '../app/ui/useFormErrors';
import { Required } from '../app/ui/Required';
import { formatOrgNumber } from '../app/format';
import { orgKeys, useOrganisation } from './queries';
import { ORGANISATION_KINDS, type Organisation, type OrganisationBody } from './types';

const FIELDS = ['orgNumber', 'name', 'kind', 'industryCode', 'address', 'postalCode', 'place', 'municipalityNumber', 'employees', 'website'] as const;
type FormField = (typeof FIELDS)[number];
type Values = Record<FormField, string>;

const ID: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, `org-${f}`]));

const toValues = (o?: Organisation): Values => ({
  orgNumber: o ? formatOrgNumber(o.orgNumber) : '',
  name: o?.name ?? '',
  kind: o?.kind ?? 'business',
  industryCode: o?.industryCode ?? '',
  address: o?.address ?? '',
  postalCode: o?.postalCode ?? '',
  place: o?.place ?? '',
  municipalityNumber: o?.municipalityNumber ?? '',
  employees: o?.employees === null || o?.employees === undefined ? '' : String(o.employees),
  website: o?.website ?? '',
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function OrganisationNewPage() {
  return <OrganisationForm />;
}

export function OrganisationEditPage() {
  const { id } = useParams({ from: '/signed-in/organisations/$id/edit' });
  const org = useOrganisation(id);
  const { t } = useTranslation();
  if (org.isPending) return <Loading />;
  if (org.isError)
    return (
      <>
        <PageHeading>{t('organisations.editTitle')}</PageHeading>
        <QueryError error={org.error} />
      </>
    );
  return <OrganisationForm existing={org.data} />;
}

/** Create or edit an organisation; the server's field errors show beside each field and in the summary. */
function OrganisationForm({ existing }: { existing?: Organisation }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => toValues(existing));
  const errors = useFormErrors(ID);
  const save = useMutation({
    mutationFn: (body: OrganisationBody) =>
      existing ? api<Organisation>(`/organisations/${encodeURIComponent(existing.id)}`, { method: 'PUT', body }) : api<Organisation>('/organisations', { method: 'POST', body }),
    onSuccess: async (o) => {
      qc.setQueryData(orgKeys.one(o.id), o);
      await qc.invalidateQueries({ queryKey: [...orgKeys.all, 'list'] });
      void navigate({ to: '/organisations/$id', params: { id: o.id } });
    },
    onError: (e) => errors.fromError(e),
  });

  const set = (f: FormField) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const employees = values.employees.trim() === '' ? null : Number(values.employees.replace(/[\s\u00a0]/g, ''));
    if (employees !== null && (!Number.isInteger(employees) || employees < 0)) {
      errors.show({ employees: t('organisations.employeesInvalid') });
      return;
    }
    errors.clear();
    save.mutate({
      orgNumber: values.orgNumber.trim(),
      name: values.name.trim(),
      kind: values.kind,
      industryCode: orNull(values.industryCode),
      address: orNull(values.address),
      postalCode: orNull(values.postalCode),
      place: orNull(values.place),
      municipalityNumber: orNull(values.municipalityNumber),
      employees,
      website: orNull(values.website),
    });
  };

  const text = (f: FormField, extra: { type?: 'text' | 'url'; inputMode?: 'numeric' | 'text'; autoComplete?: string; description?: string; required?: boolean } = {}) => (
    <Textfield
      id={ID[f]}
      label={extra.required ? <Required>{t(`organisations.fields.${f}`)}</Required> : t(`organisations.fields.${f}`)}
      description={extra.description}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[f]}
      onChange={set(f)}
      error={errors.fields[f]}
      required={extra.required}
    />
  );

  const title = existing ? t('organisations.editTitle') : t('organisations.new');
  return (
    <>
      <Paragraph data-size="sm">
        {existing ? (
          <AppLink to="/organisations/$id" params={{ id: existing.id }}>
            {t('organisations.backTo', { name: existing.name })}
          </AppLink>
        ) : (
          <AppLink to="/organisations">{t('organisations.backToList')}</AppLink>
        )}
      </Paragraph>
      <PageHeading title={existing ? `${title}: ${existing.name}` : title}>{existing ? `${title}: ${existing.name}` : title}</PageHeading>
      <Paragraph className="lead">{t('form.requiredNote')}</Paragraph>
      <FormErrorSummary key={errors.attempt} errors={errors.summary} />
      <form className="form" onSubmit={onSubmit} noValidate>
        {text('orgNumber', { inputMode: 'numeric', description: t('organisations.orgNumberHelp'), required: true })}
        {text('name', { autoComplete: 'organization', required: true })}
        <Field>
          <Label htmlFor={ID.kind}>{t('organisations.fields.kind')}</Label>
          <Select id={ID.kind} value={values.kind} onChange={set('kind')} aria-invalid={errors.fields.kind ? true : undefined}>
            {ORGANISATION_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`organisations.kinds.${k}`)}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.kind && <ValidationMessage>{errors.fields.kind}</ValidationMessage>}
        </Field>
        {text('industryCode', { description: t('organisations.industryHelp') })}
        {text('address', { autoComplete: 'street-address' })}
        <div className="form-row">
          {text('postalCode', { inputMode: 'numeric', autoComplete: 'postal-code' })}
          {text('place', { autoComplete: 'address-level2' })}
        </div>
        {text('municipalityNumber', { inputMode: 'numeric', description: t('organisations.municipalityNumberHelp') })}
        {text('employees', { inputMode: 'numeric' })}
        {text('website', { type: 'url', autoComplete: 'url', description: t('organisations.websiteHelp') })}
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {existing ? t('common.save') : t('organisations.create')}
          </Button>
          <Button asChild variant="secondary">
            {existing ? (
              <Link to="/organisations/$id" params={{ id: existing.id }}>
                {t('common.cancel')}
              </Link>
            ) : (
              <Link to="/organisations">{t('common.cancel')}</Link>
            )}
          </Button>
        </div>
      </form>
    </>
  );
}
