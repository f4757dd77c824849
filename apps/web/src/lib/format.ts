import type { Locale } from '../i18n';

const numbers = new Map<Locale, Intl.NumberFormat>();

/** A figure as people read it: at most two decimals; a dash for none. */
export function num(x: number | null | undefined, locale: Locale): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f.format(x);
}

/** A ratio as a whole percentage: 0.476 → "48%". */
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)}%`;
}

/** A date (and time) in the reader's language. */
export function when(iso: string | Date | null | undefined, locale: Locale, time = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return time
    ? d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : d.toLocaleDateString(locale, { dateStyle: 'medium' });
}
