// The public footprint calculator: one area at a time on a phone, evaluated in the browser by the
// same model as the CLI (core), answers kept in localStorage; sharing and pledging are opt-in.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluateFootprint, factor, FOOTPRINT_QUESTIONS, halvingPlan, PLEDGE_ACTIONS, pledgeSavings, validateAnswers, type FootprintAnswers, type FootprintCategory, type FootprintQuestion } from '@omstilling/core/footprint/index';
import { api } from '../app/api';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { useErrorMessage } from '../app/ui/Status';
import { CompareChart } from './CompareChart';
import { clearAnswers, loadAnswers, saveAnswers, type RawAnswers } from './storage';
import { footprintKeys, useDistricts, useFp } from './shared';
import './footprint.css';

const STEPS: FootprintCategory[] = ['housing', 'transport', 'food', 'goods', 'services'];
const ALL: FootprintCategory[] = [...STEPS, 'public'];

/** The typed answers as the model reads them, and a Norwegian message per bad field. */
function read(raw: RawAnswers): { answers: FootprintAnswers; errors: Record<string, string> } {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const { answers, errors } = validateAnswers(given);
  return { answers, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])) };
}

function Question({ q, value, error, onChange }: { q: FootprintQuestion; value: string; error?: string; onChange: (v: string) => void }) {
  const f = useFp();
  const id = `fp-${q.id.replace('.', '-')}`;
  if (q.kind === 'choice') {
    const def = q.options.find((o) => o.value === q.default)!;
    return (
      <Field>
        <Label htmlFor={id}>{f.loc(q.label)}</Label>
        {f.loc(q.help) && <Paragraph data-size="sm">{f.loc(q.help)}</Paragraph>}
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <Select.Option value="">{f.t('footprint.defaultChoice', { value: f.loc(def.label) })}</Select.Option>
          {q.options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {f.loc(o.label)}
            </Select.Option>
          ))}
        </Select>
      </Field>
    );
  }
  const help = [f.loc(q.help), f.t('footprint.defaultIs', { value: f.n(q.default, 1), unit: f.unit(q.unit) })].filter(Boolean).join(' ');
  return <Textfield id={id} label={`${f.loc(q.label)} (${f.unit(q.unit)})`} description={help} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} error={error} />;
}

function Result({ answers, onEdit, onReset }: { answers: FootprintAnswers; onEdit: () => void; onReset: () => void }) {
  const f = useFp();
  const r = useMemo(() => evaluateFootprint(answers), [answers]);
  const plan = useMemo(() => halvingPlan(answers), [answers]);
  const savings = useMemo(() => new Map(pledgeSavings(answers).map((s) => [s.id, s.savingKg])), [answers]);
  return (
    <>
      <section aria-labelledby="fp-result" className="fp-card fp-result">
        <Heading level={2} data-size="md" id="fp-result">
          {f.t('footprint.result.title')}
        </Heading>
        <p className="fp-total" data-testid="fp-total">
          {f.t('footprint.result.total', { t: f.tonnes(r.totalKg) })}
        </p>
        <Paragraph>{f.t('footprint.result.earths', { e: f.n(r.earths, 1) })}</Paragraph>
        <Paragraph data-size="sm">{f.t('footprint.result.earthsNote', { n: f.n(factor('norway_earths'), 1) })}</Paragraph>
        <CompareChart
          rows={[
            { label: f.t('footprint.result.you'), kg: r.totalKg, you: true },
            { label: f.t('footprint.result.average'), kg: r.averageKg },
            { label: f.t('footprint.result.half'), kg: r.halfKg },
            { label: f.t('footprint.result.onePointFive'), kg: r.onePointFiveKg },
          ]}
        />
        <Paragraph data-size="sm">{f.t('footprint.result.onePointFiveNote', { t: f.tonnes(r.lifestyleKg) })}</Paragraph>
      </section>

      <section aria-labelledby="fp-where" className="fp-card">
        <Heading level={2} data-size="sm" id="fp-where">
          {f.t('footprint.result.byCategory')}
        </Heading>
        <table className="fp-table">
          <caption>{f.t('footprint.result.byCategoryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{f.t('footprint.result.category')}</th>
              <th scope="col" className="num">
                {f.t('footprint.result.kg')}
              </th>
              <th scope="col" className="num">
                {f.t('footprint.result.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ALL.map((c) => (
              <tr key={c}>
                <th scope="row">
                  <AppLink to="/public/footprint/docs/$category" params={{ category: c }}>
                    {f.t(`footprint.categories.${c}`)}
                  </AppLink>
                </th>
                <td className="num">{f.n(r.categories[c])}</td>
                <td className="num">{f.n((r.categories[c] / r.totalKg) * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Paragraph data-size="sm">{f.t('footprint.result.publicNote')}</Paragraph>
      </section>

      <section aria-labelledby="fp-halving" className="fp-card">
        <Heading level={2} data-size="sm" id="fp-halving">
          {f.t('footprint.halving.title')}
        </Heading>
        <Paragraph>{plan.gapKg > 0 ? f.t('footprint.halving.gap', { half: f.tonnes(plan.halfKg), gap: f.tonnes(plan.gapKg) }) : f.t('footprint.halving.below')}</Paragraph>
        <ol className="fp-steps">
          {plan.steps.map((s) => (
            <li key={s.id}>
              <strong>{f.loc(PLEDGE_ACTIONS.find((p) => p.id === s.id)!.label)}</strong>: −{f.n(s.savingKg)} kg → {f.tonnes(s.afterKg)} t
            </li>
          ))}
        </ol>
        <Paragraph>{f.t('footprint.halving.after', { t: f.tonnes(plan.afterAllKg) })}</Paragraph>
        {plan.gapKg > 0 && <Paragraph>{plan.reachesHalf ? f.t('footprint.halving.enough') : f.t('footprint.halving.notEnough')}</Paragraph>}
      </section>

      <PledgeForm answers={answers} savings={savings} />

      <div className="fp-buttons">
        <Button variant="secondary" onClick={onEdit}>
          {f.t('footprint.edit')}
        </Button>
        <Button variant="tertiary" onClick={onReset}>
          {f.t('footprint.reset')}
        </Button>
      </div>
    </>
  );
}

function PledgeForm({ answers, savings }: { answers: FootprintAnswers; savings: Map<string, number> }) {
  const f = useFp();
  const errorMessage = useErrorMessage();
  const qc = useQueryClient();
  const districts = useDistricts();
  const [chosen, setChosen] = useState<string[]>([]);
  const [district, setDistrict] = useState('');
  const [share, setShare] = useState(false);
  const [done, setDone] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  const save = useMutation({
    mutationFn: async () => {
      const out: string[] = [];
      const d = district || null;
      if (chosen.length) {
        const p = await api<{ pledged: unknown[] }>('/public/footprint/pledges', { method: 'POST', body: { actions: chosen, answers, district: d } });
        out.push(f.t('footprint.pledge.saved', { n: p.pledged.length }));
      }
      if (share) {
        await api('/public/footprint/results', { method: 'POST', body: { answers, district: d } });
        out.push(f.t('footprint.pledge.shared'));
      }
      return out;
    },
    onSuccess: (out) => {
      setDone(out);
      setChosen([]);
      setShare(false);
      void qc.invalidateQueries({ queryKey: footprintKeys.tally });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone([]);
    if (!chosen.length && !share) return setEmpty(true);
    setEmpty(false);
    save.mutate();
  };
  // Only actions that would change something for this person (no heat pump pledge for one who has one).
  const actions = PLEDGE_ACTIONS.filter((a) => (savings.get(a.id) ?? 0) > 0).sort((a, b) => (savings.get(b.id) ?? 0) - (savings.get(a.id) ?? 0));
  return (
    <section aria-labelledby="fp-pledge" className="fp-card">
      <Heading level={2} data-size="sm" id="fp-pledge">
        {f.t('footprint.pledge.title')}
      </Heading>
      <form onSubmit={submit} noValidate className="fp-form">
        <Fieldset>
          <Fieldset.Legend>{f.t('footprint.pledge.legend')}</Fieldset.Legend>
          {actions.map((a) => (
            <Checkbox
              key={a.id}
              value={a.id}
              label={`${f.loc(a.label)} – ${f.t('footprint.pledge.saving', { kg: f.n(savings.get(a.id) ?? 0) })}`}
              description={f.loc(a.description)}
              checked={chosen.includes(a.id)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, a.id] : c.filter((x) => x !== a.id)))}
            />
          ))}
        </Fieldset>
        <Field>
          <Label htmlFor="fp-district">{f.t('footprint.pledge.district')}</Label>
          <Select id="fp-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
            <Select.Option value="">{f.t('footprint.pledge.noDistrict')}</Select.Option>
            {(districts.data ?? []).map((d) => (
              <Select.Option key={d.key} value={d.key}>
                {d.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Checkbox label={f.t('footprint.pledge.share')} description={f.t('footprint.pledge.shareHelp')} checked={share} onChange={(e) => setShare(e.target.checked)} />
        {empty && <ValidationMessage>{f.t('footprint.pledge.nothing')}</ValidationMessage>}
        {save.isError && <Alert data-color="danger">{errorMessage(save.error)}</Alert>}
        <div aria-live="polite">
          {done.map((d) => (
            <Alert key={d} data-color="success">
              {d}
            </Alert>
          ))}
        </div>
        <Button type="submit" data-size="lg" disabled={save.isPending}>
          {f.t('footprint.pledge.submit')}
        </Button>
      </form>
      <Paragraph>
        <AppLink to="/public/footprint/tally">{f.t('footprint.pledge.tally')}</AppLink>
      </Paragraph>
    </section>
  );
}

export function CalculatorPage() {
  const f = useFp();
  const [raw, setRaw] = useState<RawAnswers>(() => loadAnswers());
  const [step, setStep] = useState(0);
  const [notice, setNotice] = useState('');
  const top = useRef<HTMLDivElement>(null);
  const { answers, errors } = useMemo(() => read(raw), [raw]);
  const live = useMemo(() => evaluateFootprint(answers).totalKg, [answers]);
  useEffect(() => saveAnswers(raw), [raw]);
  const showResult = step === STEPS.length;
  const go = (n: number) => {
    setStep(n);
    setNotice('');
    top.current?.focus();
  };
  const category = STEPS[step];
  const questions = category ? FOOTPRINT_QUESTIONS.filter((q) => q.category === category) : [];
  const stepErrors = questions.some((q) => errors[q.id]);
  return (
    <div className="fp-page">
      <PageHeading>{f.t('footprint.title')}</PageHeading>
      <Paragraph>{f.t('footprint.intro')}</Paragraph>
      <p className="fp-live" aria-live="polite">
        {f.t('footprint.live', { t: f.tonnes(live) })}
      </p>
      <nav aria-label={f.t('footprint.steps')}>
        <ol className="fp-stepnav">
          {[...STEPS, 'result' as const].map((c, i) => (
            <li key={c}>
              <button type="button" className="fp-stepnav__btn" aria-current={i === step ? 'step' : undefined} onClick={() => go(i)}>
                {c === 'result' ? f.t('footprint.result.title') : f.t(`footprint.categories.${c}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div ref={top} tabIndex={-1} className="fp-focus">
        {notice && <Alert data-color="info">{notice}</Alert>}
        {showResult ? (
          <Result
            answers={answers}
            onEdit={() => go(0)}
            onReset={() => {
              clearAnswers();
              setRaw({});
              go(0);
              setNotice(f.t('footprint.resetDone'));
            }}
          />
        ) : (
          <form
            className="fp-card fp-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!stepErrors) go(step + 1);
            }}
          >
            <Fieldset>
              <Fieldset.Legend>
                <Heading level={2} data-size="sm">
                  {f.t(`footprint.categories.${category}`)}
                </Heading>
              </Fieldset.Legend>
              <Fieldset.Description>
                {f.t('footprint.step', { n: step + 1, of: STEPS.length })} ·{' '}
                <AppLink to="/public/footprint/docs/$category" params={{ category: category! }}>
                  {f.t('footprint.result.how')}
                </AppLink>
              </Fieldset.Description>
              {questions.map((q) => (
                <Question key={q.id} q={q} value={raw[q.id] ?? ''} error={errors[q.id]} onChange={(v) => setRaw((r) => ({ ...r, [q.id]: v }))} />
              ))}
            </Fieldset>
            <div className="fp-buttons">
              {step > 0 && (
                <Button type="button" variant="secondary" onClick={() => go(step - 1)}>
                  {f.t('footprint.prev')}
                </Button>
              )}
              <Button type="submit" data-size="lg">
                {step === STEPS.length - 1 ? f.t('footprint.seeResult') : f.t('footprint.next')}
              </Button>
            </div>
          </form>
        )}
      </div>
      <Paragraph data-size="sm">
        <AppLink to="/public/footprint/docs/$category" params={{ category: 'general' }}>
          {f.t('footprint.docs.index')}
        </AppLink>{' '}
        · <AppLink to="/public/footprint/tally">{f.t('footprint.tally.title')}</AppLink>
      </Paragraph>
    </div>
  );
}
