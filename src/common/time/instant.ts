/**
 * The one parser of instants the API accepts (cycle dates, extensions, audit filters, …).
 * `Date.parse` takes `2026`, `2026-02-30` and offsets PostgreSQL refuses (`+15:00`), and each of
 * those became a 500 or a silently different time. Accepted: `YYYY-MM-DDTHH:MM[:SS[.fff]]`
 * followed by `Z` or `±HH:MM`, a real calendar date and time, the offset within ±14:00 (the range
 * of real zones, inside PostgreSQL's), years 1900–9999.
 */
import { registerDecorator } from 'class-validator';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
export const MAX_OFFSET_MINUTES = 14 * 60;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant written in `text`, or undefined when it is not one by the rules above. */
export function parseInstant(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (m[8]) {
    const [oh, om] = [Number(m[9]), Number(m[10])];
    if (om > 59) return undefined;
    offset = (m[8] === '-' ? -1 : 1) * (oh * 60 + om);
    if (Math.abs(offset) > MAX_OFFSET_MINUTES) return undefined;
  }
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

/** class-validator: the property is an instant `parseInstant` accepts (issue code `invalid_instant`). */
export const IsInstant = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'invalid_instant',
    target: target.constructor,
    propertyName,
    validator: {
      validate: (v: unknown) => parseInstant(v) !== undefined,
      defaultMessage: () => `${propertyName} must be an ISO-8601 instant with an offset`,
    },
  });
