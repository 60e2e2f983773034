import { FOOTPRINT_FACTORS, FOOTPRINT_SOURCES } from '@omstilling/core';

// data/reference/footprint/factors.csv is the model's factor table for readers outside the code;
// it is written from core (`footprintFactorsCsv`) and a test keeps the two the same.

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The factor table as CSV: id, category, value, unit, labels, source (with title, year, licence), note. */
export function footprintFactorsCsv(): string {
  const src = new Map(FOOTPRINT_SOURCES.map((s) => [s.id, s]));
  const head = ['id', 'category', 'value', 'unit', 'label_nb', 'label_en', 'source', 'source_title', 'year', 'licence', 'note', 'coicop'];
  const rows = FOOTPRINT_FACTORS.map((f) => [f.id, f.category, f.value, f.unit, f.label.nb, f.label.en, f.source, src.get(f.source)!.title, f.year, src.get(f.source)!.licence, f.note ?? '', (f.coicop ?? []).join(' | ')]);
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
