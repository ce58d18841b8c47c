/**
 * A section's server-computed values, as every caller must get them (section reads, the sealed
 * snapshot, the dossier): never NaN or ±Infinity. The inputs are bounded (field-types.ts,
 * numberLimits), so a non-finite result would be a bug in a compute(); it becomes null ("not
 * computable") instead of a canonical-JSON failure that blocks every seal with a 500.
 */
import type { SectionContext, SectionData, SectionDefinition } from './field-types';

export function computeSection(def: SectionDefinition, data: SectionData, ctx: SectionContext): SectionData {
  return def.compute ? (finiteOnly(def.compute(data, ctx)) as SectionData) : {};
}

/** Non-finite numbers → null, everywhere in a computed value. */
export function finiteOnly(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(finiteOnly);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, finiteOnly(v)]));
  }
  return value;
}
