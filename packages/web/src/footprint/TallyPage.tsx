// The public tally: how many shared and pledged, by action and by district. Averages of small
// groups are hidden by the server (core MIN_GROUP).
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { MIN_GROUP, PLEDGE_ACTIONS } from '@omstilling/core/footprint/index';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError } from '../app/ui/Status';
import { useFp, useTally } from './shared';
import './footprint.css';

export function TallyPage() {
  const f = useFp();
  const tally = useTally();
  const v = tally.data;
  const name = (key: string | null) => (key === null ? f.t('footprint.tally.none') : (v?.districts.find((d) => d.key === key)?.name ?? key));
  return (
    <div className="fp-page">
      <PageHeading>{f.t('footprint.tally.title')}</PageHeading>
      {tally.isPending ? (
        <Loading />
      ) : tally.isError ? (
        <QueryError error={tally.error} />
      ) : v!.results === 0 && v!.pledges === 0 ? (
        <Paragraph>{f.t('footprint.tally.empty')}</Paragraph>
      ) : (
        <>
          <ul className="fp-figures">
            <li>
              <span>{f.t('footprint.tally.results')}</span>
              <strong className="fp-figure">{f.n(v!.results)}</strong>
            </li>
            <li>
              <span>{f.t('footprint.tally.average')}</span>
              <strong className="fp-figure">{v!.averageKg === null ? f.t('footprint.tally.hidden', { n: MIN_GROUP }) : f.t('footprint.tally.tonnes', { t: f.tonnes(v!.averageKg) })}</strong>
            </li>
            <li>
              <span>{f.t('footprint.tally.pledges')}</span>
              <strong className="fp-figure">{f.n(v!.pledges)}</strong>
            </li>
            <li>
              <span>{f.t('footprint.tally.saving')}</span>
              <strong className="fp-figure">{f.t('footprint.tally.tonnes', { t: f.tonnes(v!.savingKg) })}</strong>
            </li>
          </ul>
          <Paragraph data-size="sm">{f.t('footprint.tally.note')}</Paragraph>
          <section aria-labelledby="fp-by-action">
            <Heading level={2} data-size="sm" id="fp-by-action">
              {f.t('footprint.tally.byAction')}
            </Heading>
            <div className="fp-scroll" tabIndex={0} role="region" aria-labelledby="fp-by-action">
              <table className="fp-table">
                <caption>{f.t('footprint.tally.byActionCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{f.t('footprint.tally.action')}</th>
                    <th scope="col" className="num">
                      {f.t('footprint.tally.count')}
                    </th>
                    <th scope="col" className="num">
                      {f.t('footprint.tally.saving')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v!.byAction.map((a) => (
                    <tr key={a.action}>
                      <th scope="row">{f.loc(PLEDGE_ACTIONS.find((p) => p.id === a.action)?.label ?? { nb: a.action, en: a.action })}</th>
                      <td className="num">{f.n(a.pledges)}</td>
                      <td className="num">{f.t('footprint.tally.tonnes', { t: f.tonnes(a.savingKg) })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="fp-by-district">
            <Heading level={2} data-size="sm" id="fp-by-district">
              {f.t('footprint.tally.byDistrict')}
            </Heading>
            <div className="fp-scroll" tabIndex={0} role="region" aria-labelledby="fp-by-district">
              <table className="fp-table">
                <caption>{f.t('footprint.tally.byDistrictCaption', { n: MIN_GROUP })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{f.t('footprint.tally.district')}</th>
                    <th scope="col" className="num">
                      {f.t('footprint.tally.results')}
                    </th>
                    <th scope="col" className="num">
                      {f.t('footprint.tally.average')}
                    </th>
                    <th scope="col" className="num">
                      {f.t('footprint.tally.pledges')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v!.byDistrict.map((d) => (
                    <tr key={d.district ?? '-'}>
                      <th scope="row">{name(d.district)}</th>
                      <td className="num">{f.n(d.results)}</td>
                      <td className="num">{d.averageKg === null ? '–' : f.tonnes(d.averageKg)}</td>
                      <td className="num">{f.n(d.pledges)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      <Paragraph>
        <AppLink to="/public/footprint">{f.t('footprint.docs.back')}</AppLink>
      </Paragraph>
    </div>
  );
}
