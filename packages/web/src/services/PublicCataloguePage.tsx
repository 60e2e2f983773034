import { useState } from 'react';
import { Field, Heading, Label, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError } from '../app/ui/Status';
import { usePublicCatalogue } from './queries';
import './services.css';

/** The public catalogue for residents: the measures in use, what they rest on, and in how many units each is active. */
export function PublicCataloguePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const [area, setArea] = useState('');
  const all = usePublicCatalogue();
  const cat = usePublicCatalogue(area || undefined);
  const areas = all.data?.areas ?? [];
  const areaName = (k: string) => areas.find((a) => a.key === k)?.[lang] ?? k;
  return (
    <>
      <PageHeading>{t('services.public.title')}</PageHeading>
      <Paragraph className="lead">{t('services.public.intro')}</Paragraph>
      <Field className="svc-narrow">
        <Label htmlFor="svc-public-area">{t('services.catalogue.area')}</Label>
        <Select id="svc-public-area" value={area} onChange={(e) => setArea(e.target.value)}>
          <Select.Option value="">{t('services.catalogue.allAreas')}</Select.Option>
          {areas.map((a) => (
            <Select.Option key={a.key} value={a.key}>
              {a[lang]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {cat.isPending ? <Loading /> : cat.isError ? <QueryError error={cat.error} /> : cat.data.items.length === 0 ? <Paragraph>{t('services.public.empty')}</Paragraph> : (
        <ul className="svc-public" aria-live="polite">
          {cat.data.items.map((m) => (
            <li key={m.id}>
              <Heading level={2} data-size="xs">
                {lang === 'en' ? m.titleEn : m.titleNb}
              </Heading>
              <Paragraph data-size="sm">{lang === 'en' ? (m.descriptionEn ?? m.descriptionNb) : m.descriptionNb}</Paragraph>
              <div className="svc-status">
                {m.areas.map((a) => (
                  <Tag key={a} data-size="sm" data-color="neutral">
                    {areaName(a)}
                  </Tag>
                ))}
                <span>{t('services.public.inUse', { count: m.activeUnits })}</span>
              </div>
              {m.sourceUrl && (
                <Paragraph data-size="sm">
                  {t('services.catalogue.source')}: <a href={m.sourceUrl} rel="noopener noreferrer">{m.sourceTitle ?? m.sourceUrl}</a>
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
