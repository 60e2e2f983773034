import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import type { FormError } from './FormErrors';
import { useErrorMessage } from './Status';

/**
 * Field errors and the error summary of one form. Server details name fields by their API
 * name ("orgNumber", "domains.0"); `idOf` maps a known field to its control's id.
 */
export function useFormErrors(idOf: Record<string, string>) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const order = Object.keys(idOf);
  const show = (fieldErrors: Record<string, string>, others: string[] = []) => {
    setFields(fieldErrors);
    // The summary lists fields in the order the form shows them.
    const entries = Object.entries(fieldErrors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
    setSummary([...entries.map(([f, m]) => ({ id: idOf[f], message: m })), ...others.map((m) => ({ message: m }))]);
    setAttempt((a) => a + 1);
  };

  /** Shows what a failed save said: each detail by its field, the rest in the summary. */
  const fromError = (err: unknown) => {
    if (!(err instanceof ApiError)) return show({}, [t('errors.unexpected')]);
    const byField: Record<string, string> = {};
    const others: string[] = [];
    for (const d of err.details) {
      const f = d.field?.split('.')[0];
      if (f && f in idOf && !(f in byField)) byField[f] = d.message;
      else others.push(d.field ? `${d.field}: ${d.message}` : d.message);
    }
    if (!Object.keys(byField).length && !others.length) others.push(message(err));
    show(byField, others);
  };

  const clear = () => {
    setFields({});
    setSummary([]);
  };

  return { fields, summary, attempt, show, fromError, clear };
}
