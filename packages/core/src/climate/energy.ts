// Physical energy use (kWh per ansvar, year and energy carrier) from an import table, checked
// against the carriers that have a kWh factor. Used in place of the spend on energy arts.
import { parseNorwegianNumber } from '../import/table.js';
import type { EnergyFactor, EnergyUse } from './factors.js';

/** Header names recognised for each column of an energy file (lower case). */
export const ENERGY_HEADER_NAMES = {
  ansvar: ['ansvar', 'unit', 'ansvarsnummer', 'ansvarssted'],
  year: ['år', 'aar', 'year', 'arstall', 'årstall'],
  carrier: ['energibærer', 'energibaerer', 'energivare', 'carrier', 'energy_carrier'],
  kwh: ['kwh', 'forbruk_kwh', 'forbruk', 'energy_kwh', 'kwh_per_år'],
} as const;

/** Carrier names in files → carrier keys of the factor file. */
const CARRIER_NAMES: Record<string, string> = {
  elektrisitet: 'electricity',
  strøm: 'electricity',
  strom: 'electricity',
  el: 'electricity',
  electricity: 'electricity',
  fyringsolje: 'fuel_oil',
  olje: 'fuel_oil',
  fuel_oil: 'fuel_oil',
  naturgass: 'natural_gas',
  gass: 'natural_gas',
  natural_gas: 'natural_gas',
  fjernvarme: 'district_heating',
  district_heating: 'district_heating',
};

/** Checks rows of an energy table (cells keyed by lower-case header); one error per bad field, with the file's line. */
export function parseEnergyRows(rows: readonly { line: number; cells: Record<string, string> }[], factors: readonly EnergyFactor[]): { uses: (EnergyUse & { line: number })[]; errors: { line: number; field: string; message: string }[] } {
  const errors: { line: number; field: string; message: string }[] = [];
  const uses: (EnergyUse & { line: number })[] = [];
  const known = new Set(factors.map((f) => f.carrier));
  const pick = (cells: Record<string, string>, names: readonly string[]) => {
    for (const n of names) if (cells[n] !== undefined) return cells[n]!.trim();
    return undefined;
  };
  const seen = new Map<string, number>();
  for (const r of rows) {
    const ansvar = pick(r.cells, ENERGY_HEADER_NAMES.ansvar);
    const yearText = pick(r.cells, ENERGY_HEADER_NAMES.year);
    const carrierText = pick(r.cells, ENERGY_HEADER_NAMES.carrier);
    const kwhText = pick(r.cells, ENERGY_HEADER_NAMES.kwh);
    const before = errors.length;
    if (!ansvar) errors.push({ line: r.line, field: 'ansvar', message: ansvar === undefined ? 'Mangler kolonnen ansvar' : 'Ansvar mangler' });
    const year = Number(yearText);
    if (!yearText || !Number.isInteger(year) || year < 1990 || year > 2100) errors.push({ line: r.line, field: 'year', message: yearText ? `«${yearText}» er ikke et årstall` : 'År mangler (kolonnen år)' });
    const carrier = carrierText ? (CARRIER_NAMES[carrierText.toLowerCase()] ?? carrierText.toLowerCase()) : '';
    if (!carrier) errors.push({ line: r.line, field: 'carrier', message: 'Energibærer mangler (f.eks. elektrisitet, fyringsolje)' });
    else if (!known.has(carrier)) errors.push({ line: r.line, field: 'carrier', message: `Ingen utslippsfaktor per kWh for «${carrierText}»; kjente energibærere: ${[...known].join(', ')}` });
    const kwh = kwhText ? parseNorwegianNumber(kwhText) : null;
    if (kwh === null || !(kwh >= 0)) errors.push({ line: r.line, field: 'kwh', message: kwhText ? `«${kwhText}» er ikke et antall kWh` : 'kWh mangler' });
    if (errors.length > before) continue;
    const key = `${ansvar}|${year}|${carrier}`;
    if (seen.has(key)) {
      errors.push({ line: r.line, field: 'ansvar', message: `Ansvar ${ansvar}, ${year}, ${carrier} står allerede på linje ${seen.get(key)}` });
      continue;
    }
    seen.set(key, r.line);
    uses.push({ line: r.line, ansvar: ansvar!, year, carrier, kwh: kwh! });
  }
  return { uses, errors };
}
