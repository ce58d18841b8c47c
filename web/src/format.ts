/**
 * Numbers and time zones as a reader expects them: thousands separators per language (8,600,000),
 * a whole number without decimals (240, not 240.00), and a zone by its name (北京时间), not its
 * IANA key.
 */
import { ZONE_NAMES, type Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** For display: separators per locale, at most `decimals` places, none when the value is whole. */
export function formatNumber(n: number, lang: Lang, decimals = 2): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: decimals, useGrouping: true }).format(n);
}

/** An input's text while not typed into: grouped like formatNumber, the raw digits kept otherwise. */
export function groupDigits(text: string | number | undefined): string {
  if (text === undefined || text === '') return '';
  const [whole, fraction] = String(text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** What an input shows back as a number: the separators dropped. */
export const ungroupDigits = (text: string | undefined) => (text ?? '').replace(/[,\s]/g, '');

/**
 * InputNumber's `parser`: its type says number, but it takes the digits as text (as AntD's own
 * example does) so that a half-typed "12." keeps its point while typing.
 */
export const parseGrouped = (text: string | undefined) => ungroupDigits(text) as unknown as number;

/** A zone named for people (北京时间 / China Standard Time); an unlisted one by the browser's long name, else its key. */
export function zoneName(timeZone: string, lang: Lang): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known[lang === 'zh' ? 0 : 1];
  try {
    const part = new Intl.DateTimeFormat(locale(lang), { timeZone, timeZoneName: 'long' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** An instant as the cycle's zone shows it. */
export const formatInstant = (iso: string, timeZone: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
