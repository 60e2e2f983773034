import fs from 'node:fs';
import path from 'node:path';

/*
 * Fonts of the council report. Inter is used when the machine has it (Debian's fonts-inter
 * puts static OpenType files in /usr/share/fonts/opentype/inter; .ci/run installs it); it is
 * embedded as a subset, so the PDF reads the same everywhere. Without it the report falls
 * back to PDF's built-in Helvetica, which needs no file and covers æøå (WinAnsi), but not
 * every character Inter has: clean() maps those (CO₂, the minus sign) to plain ones.
 */

export interface ReportFonts {
  /** "Inter" (embedded) or "Helvetica" (built-in, not embedded). */
  family: 'Inter' | 'Helvetica';
  regular: string;
  medium: string;
  bold: string;
  italic: string;
  /** Text the font can draw. */
  clean(text: string): string;
}

/** Where fonts-inter and common manual installs put Inter's static files. */
export const INTER_DIRS = ['/usr/share/fonts/opentype/inter', '/usr/share/fonts/truetype/inter', '/usr/local/share/fonts/inter', '/usr/local/share/fonts'];

const STYLES = { regular: 'Inter-Regular', medium: 'Inter-SemiBold', bold: 'Inter-Bold', italic: 'Inter-Italic' } as const;

/** The four Inter files in the first directory that has them all, or null. */
export function findInter(dirs: readonly string[] = INTER_DIRS): Record<keyof typeof STYLES, string> | null {
  for (const dir of dirs) {
    const found: Partial<Record<keyof typeof STYLES, string>> = {};
    for (const [style, name] of Object.entries(STYLES) as [keyof typeof STYLES, string][]) {
      const file = ['.otf', '.ttf'].map((ext) => path.join(dir, name + ext)).find((f) => fs.existsSync(f));
      if (file) found[style] = file;
    }
    if (Object.keys(found).length === 4) return found as Record<keyof typeof STYLES, string>;
  }
  return null;
}

// WinAnsi lacks these; Helvetica would draw nothing or a wrong glyph.
function cleanWinAnsi(text: string): string {
  const out = text
    .replace(/[\u2080-\u2089]/g, (c) => String(c.charCodeAt(0) - 0x2080))
    .replace(/[\u2212\u2011]/g, '-')
    .replace(/[\u202f\u2009]/g, '\u00a0')
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .replace(/\u2192/g, '->');
  // Anything else outside Latin-1 and WinAnsi's extra punctuation becomes '?', never a wrong glyph.
  return out.replace(/[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]/g, '?');
}

const HELVETICA: ReportFonts = { family: 'Helvetica', regular: 'Helvetica', medium: 'Helvetica-Bold', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', clean: cleanWinAnsi };

/** Inter when it is installed (or 'helvetica' is not asked for), else Helvetica. */
export function reportFonts(prefer: 'auto' | 'helvetica' = 'auto', dirs: readonly string[] = INTER_DIRS): ReportFonts {
  if (prefer === 'helvetica') return HELVETICA;
  const inter = findInter(dirs);
  if (!inter) return HELVETICA;
  return { family: 'Inter', ...inter, clean: (t) => t };
}
