import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { PageHeading } from '../app/ui/PageHeading';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { api } from '../app/api';
import { AppLink } from '../app/ui/AppLink';
import { fwKeys, useKitchens, useOptions } from './queries';
import { enqueue, flush, useQueue, type FlushResult } from './queue';
import type { Kitchen, Options } from './types';
import './foodwaste.css';

/** A weight typed the Norwegian way ("2,5"); null when it is not a number. */
function parseKg(text: string): number | null {
  const t = text.replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

const newClientId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);

/** Quick entry for a cook on a phone: big buttons, a keypad with decimal comma, one tap to save, works offline. */
export function QuickEntryPage() {
  const { t } = useTranslation();
  const options = useOptions();
  const kitchens = useKitchens();
  return (
    <>
      <PageHeading>{t('foodwaste.entry.title')}</PageHeading>
      {options.isPending || kitchens.isPending ? <Loading /> : options.isError ? <QueryError error={options.error} /> : kitchens.isError ? <QueryError error={kitchens.error} /> : <EntryForm options={options.data} kitchens={kitchens.data} />}
    </>
  );
}

function Choices({ name, legend, values, value, onChange, prefix }: { name: string; legend: string; values: string[]; value: string; onChange: (v: string) => void; prefix: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="fw-choices">
      <legend className="fw-legend">{legend}</legend>
      <div className="fw-choices__grid">
        {values.map((v) => (
          <label key={v} className="fw-choice" data-checked={value === v}>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{t(`foodwaste.${prefix}.${v}`, { defaultValue: v })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function EntryForm({ options, kitchens }: { options: Options; kitchens: Kitchen[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const mine = kitchens;
  const [kitchenId, setKitchenId] = useState(mine[0]?.id ?? '');
  const [stage, setStage] = useState('serving');
  const [category, setCategory] = useState(options.categories[0] ?? '');
  const [reason, setReason] = useState('overproduction');
  const [destination, setDestination] = useState('biogas');
  const [kg, setKg] = useState('');
  const [date, setDate] = useState(options.today);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [rejected, setRejected] = useState<string[]>([]);
  const onFlushed = useCallback(
    (r: FlushResult) => {
      if (r.sent) void qc.invalidateQueries({ queryKey: fwKeys.all });
      if (r.rejected.length) setRejected((x) => [...x, ...r.rejected.map((j) => j.message)]);
    },
    [qc],
  );
  const queue = useQueue(onFlushed);
  useEffect(() => setKitchenId((k) => k || mine[0]?.id || ''), [mine]);
  if (!mine.length) return <Alert data-color="info">{t('foodwaste.entry.noKitchen')}</Alert>;

  const press = (key: string) => {
    setMessage(null);
    setError(null);
    setKg((v) => {
      if (key === 'back') return v.slice(0, -1);
      if (key === ',') return v.includes(',') ? v : `${v || '0'},`;
      if (v.length >= 7) return v;
      return v === '0' ? key : v + key;
    });
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const value = parseKg(kg);
    if (value === null || value <= 0) return setError(t('foodwaste.entry.kgMissing'));
    if (value > options.maxKg) return setError(t('foodwaste.entry.kgTooMuch', { max: f.number(options.maxKg) }));
    if (date > options.today) return setError(t('foodwaste.entry.future'));
    setError(null);
    enqueue({ kitchenId, date, stage, category, reason, destination, kg: value, clientId: newClientId() });
    setKg('');
    const r = navigator.onLine ? await flush() : { sent: 0, rejected: [], offline: true };
    onFlushed(r);
    if (r.rejected.length) setError(r.rejected.map((j) => j.message).join(' '));
    else setMessage(r.offline ? t('foodwaste.entry.savedOffline', { kg: f.number(value, 2) }) : t('foodwaste.entry.saved', { kg: f.number(value, 2) }));
  };
  const kitchen = mine.find((k) => k.id === kitchenId);

  return (
    <div className="fw-entry">
    <form className="fw-entry" onSubmit={save} noValidate>
      <div className="fw-entry__status" aria-live="polite">
        {queue.items.length > 0 && (
          <Alert data-color="warning" data-size="sm">
            {t('foodwaste.entry.waiting', { count: queue.items.length })} {!queue.online && t('foodwaste.entry.offline')}
            {queue.online && (
              <Button type="button" variant="secondary" data-size="sm" onClick={() => void queue.flush()}>
                {t('foodwaste.entry.sendNow')}
              </Button>
            )}
          </Alert>
        )}
        {message && (
          <Alert data-color="success" data-size="sm">
            {message}
          </Alert>
        )}
        {rejected.length > 0 && <Alert data-color="danger" data-size="sm">{rejected.join(' ')}</Alert>}
      </div>
      {mine.length > 1 ? (
        <Field>
          <Label>{t('foodwaste.fields.kitchen')}</Label>
          <Select value={kitchenId} onChange={(e) => setKitchenId(e.target.value)}>
            {mine.map((k) => (
              <Select.Option key={k.id} value={k.id}>
                {k.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : (
        <Paragraph>
          {t('foodwaste.fields.kitchen')}: <strong>{kitchen?.name}</strong>
        </Paragraph>
      )}
      <Choices name="stage" legend={t('foodwaste.fields.stage')} values={options.stages} value={stage} onChange={setStage} prefix="stages" />
      <Choices name="category" legend={t('foodwaste.fields.category')} values={options.categories} value={category} onChange={setCategory} prefix="categories" />
      <Choices name="reason" legend={t('foodwaste.fields.reason')} values={options.reasons} value={reason} onChange={setReason} prefix="reasons" />
      <Choices name="destination" legend={t('foodwaste.fields.destination')} values={options.destinations} value={destination} onChange={setDestination} prefix="destinations" />
      <div className="fw-kg">
        <Textfield label={t('foodwaste.fields.kg')} inputMode="decimal" autoComplete="off" value={kg} onChange={(e) => setKg(e.target.value)} error={error ?? undefined} className="fw-kg__input" />
        <div className="fw-keypad" role="group" aria-label={t('foodwaste.entry.keypad')}>
          {['1', '2', '3', '4', '5', '6', '7', '8', '9', ',', '0', 'back'].map((k) => (
            <button key={k} type="button" className="fw-key" onClick={() => press(k)} aria-label={k === 'back' ? t('foodwaste.entry.backspace') : k === ',' ? t('foodwaste.entry.comma') : k}>
              {k === 'back' ? '⌫' : k}
            </button>
          ))}
        </div>
      </div>
      <Textfield type="date" label={t('foodwaste.fields.date')} value={date} max={options.today} onChange={(e) => setDate(e.target.value)} />
      <Button type="submit" className="fw-save" data-size="lg">
        {t('foodwaste.entry.save')}
      </Button>
    </form>
      {kitchen && <ActivityForm kitchen={kitchen} date={date} />}
      {kitchen && (
        <Paragraph>
          <AppLink to="/foodwaste/kitchens/$id" params={{ id: kitchen.id }}>
            {t('foodwaste.entry.dashboardLink', { name: kitchen.name })}
          </AppLink>
        </Paragraph>
      )}
    </div>
  );
}

/** The kitchen's activity for the day (portions served, guest nights…), beside the waste; sent at once, not queued. */
function ActivityForm({ kitchen, date }: { kitchen: Kitchen; date: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [amount, setAmount] = useState('');
  const save = useMutation({
    mutationFn: (n: number) => api<{ amount: number }>('/foodwaste/activity', { method: 'POST', body: { kitchenId: kitchen.id, date, amount: n } }),
    onSuccess: () => {
      setAmount('');
      void qc.invalidateQueries({ queryKey: fwKeys.all });
    },
  });
  const value = parseKg(amount);
  return (
    <form
      className="fw-card fw-activity"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value !== null && value > 0) save.mutate(value);
      }}
    >
      <Textfield label={t('foodwaste.entry.activity', { kind: t(`foodwaste.activityKinds.${kitchen.activityKind}`).toLowerCase(), date: f.date(date) })} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={save.isError ? errorMessage(save.error) : amount && (value === null || value <= 0) ? t('foodwaste.entry.activityInvalid') : undefined} />
      <Button type="submit" variant="secondary" data-size="lg" disabled={save.isPending || value === null || value <= 0}>
        {t('foodwaste.entry.activitySave')}
      </Button>
      <div aria-live="polite">{save.isSuccess && <Paragraph data-size="sm">{t('foodwaste.entry.activitySaved', { amount: f.number(save.data.amount, 0) })}</Paragraph>}</div>
    </form>
  );
}
