// The model's documentation, one page per area: every question with its default and range, every
// factor with value, unit, source and year (as Nos Gestes Climat documents its rules).
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from '@tanstack/react-router';
import { FOOTPRINT_FACTORS, FOOTPRINT_QUESTIONS, FOOTPRINT_SOURCES } from '@omstilling/core/footprint/index';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { useFp } from './shared';
import './footprint.css';

const CATEGORIES = ['housing', 'transport', 'food', 'goods', 'services', 'public', 'general'] as const;

export function DocsPage() {
  const f = useFp();
  const { category: raw } = useParams({ strict: false }) as { category?: string };
  const category = (CATEGORIES as readonly string[]).includes(raw ?? '') ? raw! : 'general';
  const name = f.t(`footprint.categories.${category}`);
  const questions = FOOTPRINT_QUESTIONS.filter((q) => q.category === category);
  const factors = FOOTPRINT_FACTORS.filter((x) => x.category === category);
  const used = new Set([...factors.map((x) => x.source), ...questions.map((q) => q.defaultSource.source)]);
  const sources = FOOTPRINT_SOURCES.filter((s) => used.has(s.id));
  const src = (id: string) => FOOTPRINT_SOURCES.find((s) => s.id === id)!;
  return (
    <div className="fp-page">
      <PageHeading>{f.t('footprint.docs.title', { category: name })}</PageHeading>
      <Paragraph>{f.t('footprint.docs.intro')}</Paragraph>
      <nav aria-label={f.t('footprint.docs.index')}>
        <ul className="fp-docnav">
          {CATEGORIES.map((c) => (
            <li key={c}>
              <AppLink to="/public/footprint/docs/$category" params={{ category: c }} aria-current={c === category ? 'page' : undefined}>
                {f.t(`footprint.categories.${c}`)}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      {(category === 'goods' || category === 'services' || category === 'public') && <Paragraph>{f.t('footprint.docs.spending')}</Paragraph>}
      {category === 'general' && <Paragraph>{f.t('footprint.docs.general')}</Paragraph>}
      {questions.length > 0 && (
        <section aria-labelledby="fp-docs-q">
          <Heading level={2} data-size="sm" id="fp-docs-q">
            {f.t('footprint.docs.questions')}
          </Heading>
          <div className="fp-scroll" tabIndex={0} role="region" aria-labelledby="fp-docs-q">
            <table className="fp-table">
              <caption>{f.t('footprint.docs.questionsCaption', { category: name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.t('footprint.docs.question')}</th>
                  <th scope="col">{f.t('footprint.docs.default')}</th>
                  <th scope="col">{f.t('footprint.docs.range')}</th>
                  <th scope="col">{f.t('footprint.docs.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => (
                  <tr key={q.id}>
                    <th scope="row">
                      {f.loc(q.label)}
                      <br />
                      <code>{q.id}</code>
                    </th>
                    <td>{q.kind === 'number' ? `${f.n(q.default, 1)} ${f.unit(q.unit)}` : f.loc(q.options.find((o) => o.value === q.default)!.label)}</td>
                    <td>{q.kind === 'number' ? `${f.n(q.min)}–${f.n(q.max)}` : q.options.map((o) => o.value).join(', ')}</td>
                    <td>
                      {src(q.defaultSource.source).publisher} {q.defaultSource.year}: {q.defaultSource.note}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="fp-docs-f">
        <Heading level={2} data-size="sm" id="fp-docs-f">
          {f.t('footprint.docs.factors')}
        </Heading>
        <div className="fp-scroll" tabIndex={0} role="region" aria-labelledby="fp-docs-f">
          <table className="fp-table">
            <caption>{f.t('footprint.docs.factorsCaption', { category: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{f.t('footprint.docs.factor')}</th>
                <th scope="col" className="num">
                  {f.t('footprint.docs.value')}
                </th>
                <th scope="col">{f.t('footprint.docs.unit')}</th>
                <th scope="col">{f.t('footprint.docs.source')}</th>
                <th scope="col">{f.t('footprint.docs.note')}</th>
              </tr>
            </thead>
            <tbody>
              {factors.map((x) => (
                <tr key={x.id} id={`factor-${x.id}`}>
                  <th scope="row">{f.loc(x.label)}</th>
                  <td className="num">{f.n(x.value, 4)}</td>
                  <td>{x.unit}</td>
                  <td>
                    {src(x.source).publisher}, {x.year}
                  </td>
                  <td>{[x.note, x.coicop?.length ? `COICOP: ${x.coicop.join('; ')}` : ''].filter(Boolean).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="fp-docs-s">
        <Heading level={2} data-size="sm" id="fp-docs-s">
          {f.t('footprint.docs.sources')}
        </Heading>
        <ul>
          {sources.map((s) => (
            <li key={s.id}>
              {s.publisher} ({s.year}): {s.url.startsWith('http') ? <a href={s.url}>{s.title}</a> : s.title}. {s.licence}.
            </li>
          ))}
        </ul>
      </section>
      <Paragraph>
        <AppLink to="/public/footprint">{f.t('footprint.docs.back')}</AppLink>
      </Paragraph>
    </div>
  );
}
