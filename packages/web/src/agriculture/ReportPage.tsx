import { useState } from 'react';
import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../app/auth';
import { AppLink } from '../app/ui/AppLink';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { DeliveriesTable, DeliveryForm, DeliveryImport } from './DeliveryForms';
import { useFarms, useOptions } from './queries';
import './agriculture.css';

/** A farm user's own reporting page: deliveries to the local market, one at a time or from a file. Editors pick the farm. */
export function ReportPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const farms = useFarms();
  const options = useOptions();
  const [chosen, setChosen] = useState<string>('');
  if (farms.isPending || options.isPending) return <Loading />;
  if (farms.isError) return <QueryError error={farms.error} />;
  if (options.isError) return <QueryError error={options.error} />;
  const editor = can.editDomain(user, 'agriculture');
  const own = user?.role === 'business' ? farms.data.filter((f) => f.organisationId === user.organisationId) : farms.data;
  const farm = own.find((f) => f.id === chosen) ?? (own.length === 1 || !editor ? own[0] : undefined);
  return (
    <>
      <PageHeading>{farm && !editor ? `${t('agriculture.report.title')} – ${farm.name}` : t('agriculture.report.title')}</PageHeading>
      {own.length === 0 ? (
        <Paragraph>{t('agriculture.report.noFarm')}</Paragraph>
      ) : (
        <>
          {editor && (
            <Field className="ag-year">
              <Label htmlFor="ag-report-farm">{t('agriculture.report.farm')}</Label>
              <Select id="ag-report-farm" value={farm?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
                <Select.Option value="">–</Select.Option>
                {own.map((f) => (
                  <Select.Option key={f.id} value={f.id}>
                    {f.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {farm && (
            <>
              <Paragraph>
                <AppLink to="/agriculture/farms/$id" params={{ id: farm.id }}>
                  {t('agriculture.report.openFarm')}
                </AppLink>
              </Paragraph>
              <div className="ag-grid">
                <DeliveryForm farmId={farm.id} options={options.data} />
                <DeliveryImport />
              </div>
              <DeliveriesTable farmId={farm.id} options={options.data} canEdit />
            </>
          )}
        </>
      )}
    </>
  );
}
