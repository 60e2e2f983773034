import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../app/auth';
import { useFormat } from '../app/format';
import { apiUrl } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { AppLink } from '../app/ui/AppLink';
import { useKitchens, useOverview } from './queries';
import { StatusTag } from './StatusTag';
import type { Kitchen, Overview } from './types';
import { ImportForm, KitchenForm, ListItemsForm } from './EditorTools';
import './foodwaste.css';

/** The food-waste start page: the municipality's figures for staff, the caller's kitchens with their status, and the ways in. */
export function FoodwastePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = !!user && can.readInternal(user);
  const kitchens = useKitchens();
  const overview = useOverview(staff);
  return (
    <>
      <PageHeading>{t('domains.foodwaste.name')}</PageHeading>
      <Paragraph className="lead">{t('foodwaste.intro')}</Paragraph>
      <div className="fw-actions">
        <Button asChild data-size="lg">
          <Link to="/foodwaste/register">{t('foodwaste.entry.title')}</Link>
        </Button>
        <Button asChild variant="secondary" data-size="lg">
          <Link to="/foodwaste/offers">{t('foodwaste.offers.title')}</Link>
        </Button>
      </div>
      {staff && (overview.isPending ? <Loading /> : overview.isError ? <QueryError error={overview.error} /> : <Figures o={overview.data} />)}
      <Heading level={2} data-size="sm">
        {t('foodwaste.kitchens.title')}
      </Heading>
      {kitchens.isPending ? <Loading /> : kitchens.isError ? <QueryError error={kitchens.error} /> : <KitchenTable kitchens={kitchens.data} />}
      <Paragraph className="fw-downloads">
        <a href={apiUrl('/foodwaste/registrations/export', { format: 'csv' })} download>
          {t('foodwaste.kitchens.exportCsv')}
        </a>{' '}
        <a href={apiUrl('/foodwaste/registrations/export', { format: 'xlsx' })} download>
          {t('foodwaste.kitchens.exportXlsx')}
        </a>
      </Paragraph>
      {can.editDomain(user, 'foodwaste') && (
        <div className="fw-editor">
          <ImportForm />
          <KitchenForm />
          <ListItemsForm />
        </div>
      )}
    </>
  );
}

function Figures({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="fw-figures">
      <Heading level={2} data-size="sm" id="fw-figures">
        {t('foodwaste.overview.title', { from: f.date(o.from), to: f.date(o.asOf) })}
      </Heading>
      <ul className="fw-figures">
        <li>
          <span className="fw-figure__value">{f.number(o.totals.kg, 0)} kg</span>
          <span>{t('foodwaste.overview.kg', { own: f.number(o.ownKitchensKg, 0), external: f.number(o.externalKitchensKg, 0) })}</span>
        </li>
        <li>
          <span className="fw-figure__value">{f.number(o.totals.kgCo2e / 1000, 1)} t</span>
          <span>{t('foodwaste.overview.co2')}</span>
        </li>
        <li>
          <span className="fw-figure__value">{f.number(o.totals.moneyLostOre / 100, 0)} kr</span>
          <span>{t('foodwaste.overview.money')}</span>
        </li>
        <li>
          <span className="fw-figure__value">{o.kgPerResidentPerYear === null ? '–' : `${f.number(o.kgPerResidentPerYear, 2)} kg`}</span>
          <span>{t('foodwaste.overview.perResident', { population: f.number(o.population, 0) })}</span>
        </li>
        <li>
          <span className="fw-figure__value">{f.number(o.redistribution.kg, 0)} kg</span>
          <span>{t('foodwaste.overview.redistributed', { meals: f.number(o.redistribution.meals, 0), offers: o.redistribution.offers })}</span>
        </li>
        <li>
          <span className="fw-figure__value">{f.number(o.externalReporting, 0)}</span>
          <span>{t('foodwaste.overview.external')}</span>
        </li>
      </ul>
      <Paragraph data-size="sm">{t('foodwaste.overview.factors')}</Paragraph>
    </section>
  );
}

function KitchenTable({ kitchens }: { kitchens: Kitchen[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  if (!kitchens.length) return <Paragraph>{t('foodwaste.kitchens.none')}</Paragraph>;
  return (
    <Table data-size="sm" className="fw-table">
      <caption>{t('foodwaste.kitchens.caption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('foodwaste.fields.kitchen')}</Table.HeaderCell>
          <Table.HeaderCell>{t('foodwaste.kitchens.status')}</Table.HeaderCell>
          <Table.HeaderCell>{t('foodwaste.kitchens.baseline')}</Table.HeaderCell>
          <Table.HeaderCell>{t('foodwaste.kitchens.latest')}</Table.HeaderCell>
          <Table.HeaderCell>{t('foodwaste.kitchens.change')}</Table.HeaderCell>
          <Table.HeaderCell>{t('foodwaste.kitchens.kg12')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {kitchens.map((k) => {
          const unit = i18n.language === 'en' ? k.intensityUnit.en : k.intensityUnit.nb;
          return (
            <Table.Row key={k.id}>
              <Table.Cell>
                <AppLink to="/foodwaste/kitchens/$id" params={{ id: k.id }}>
                  {k.name}
                </AppLink>
              </Table.Cell>
              <Table.Cell>
                <StatusTag status={k.status} />
              </Table.Cell>
              <Table.Cell>{k.baseline === null ? '–' : `${f.number(k.baseline, 1)} ${unit}`}</Table.Cell>
              <Table.Cell>{k.latest ? `${f.number(k.latest.value, 1)} ${unit} (${k.latest.period})` : '–'}</Table.Cell>
              <Table.Cell>{k.change === null ? '–' : `${k.change > 0 ? '+' : ''}${f.number(k.change * 100, 0)} %`}</Table.Cell>
              <Table.Cell>{f.number(k.kgLast12Months, 0)}</Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
