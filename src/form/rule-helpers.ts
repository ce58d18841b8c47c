/** Small pure helpers for writing a section's seal rules against stored JSON. */
import type { FieldIssue, SectionData } from './field-types';

/** Value at a dotted path (`staffing.seats.fullTime.headcount`), or undefined. */
export function getPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** null, undefined, '' (after trim) and [] count as "not answered". */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The number at a path, or undefined when absent or not a number. */
export function num(data: unknown, path: string): number | undefined {
  const v = getPath(data, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Sums are compared with this tolerance (the spec's ±0.1 on percentage groups). */
export const SUM_TOLERANCE = 0.1;

/**
 * "These percentages add up to 100": checked only once every part is answered (a missing part is
 * reported as `required` by completeness already). Reports the group path with the actual sum.
 */
export function sumTo100(data: SectionData, groupPath: string, keys: readonly string[]): FieldIssue[] {
  const values = keys.map((k) => num(data, `${groupPath}.${k}`));
  if (values.some((v) => v === undefined)) return [];
  const sum = round1(values.reduce<number>((a, b) => a + (b as number), 0));
  return Math.abs(sum - 100) <= SUM_TOLERANCE + 1e-9 ? [] : [{ path: groupPath, code: 'sum_100', params: { sum } }];
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
