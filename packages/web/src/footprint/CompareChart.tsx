// You, the average, half of it and the 1.5-degree level as a table whose cells carry a bar:
// one element serves eyes and screen readers alike, and no chart library is loaded.
import { useFp } from './shared';

export function CompareChart({ rows }: { rows: { label: string; kg: number; you?: boolean }[] }) {
  const f = useFp();
  const max = Math.max(...rows.map((r) => r.kg), 1);
  return (
    <table className="fp-table fp-compare">
      <caption>{f.t('footprint.result.compareCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{f.t('footprint.result.level')}</th>
          <th scope="col">{f.t('footprint.result.tonnes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} data-you={r.you ? 'true' : undefined}>
            <th scope="row">{r.label}</th>
            <td>
              <span className="fp-bar" aria-hidden="true" style={{ width: `${Math.max(1, (r.kg / max) * 70)}%` }} />
              <span className="fp-bar__value">{f.tonnes(r.kg)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
