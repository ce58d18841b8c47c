/**
 * Small SVG charts drawn on the server (no script, no network): the dossier's pages print them
 * as they are. Labels come from the descriptor; every text is escaped here, because the
 * templates insert the SVG unescaped.
 */
import { fieldAt } from '../../form/expanded-fields';
import type { Label, SectionData, SectionDefinition } from '../../form/field-types';
import { AGE_KEYS, CONTACT_MIX_ROWS, EDUCATION_KEYS, SEAT_TYPES } from '../../form/sections/basics/basics.section';

export interface Chart {
  title: Label;
  svg: string;
}

interface Series {
  label: string;
  values: Array<number | undefined>;
}

const COLORS = ['#1f4e79', '#c9a227', '#5b8db8', '#9e3d3d'];

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const num = (data: SectionData, path: string): number | undefined => {
  const v = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Horizontal bars, one group per category, one bar per series; values are percentages. */
export function barChart(categories: string[], series: Series[]): string {
  const rowH = 14 * series.length + 8;
  const labelW = 150;
  const plotW = 300;
  const legendH = series.length > 1 ? 18 : 0;
  const height = categories.length * rowH + legendH + 6;
  const width = labelW + plotW + 50;
  const parts: string[] = [];
  categories.forEach((cat, ci) => {
    const y0 = legendH + ci * rowH;
    parts.push(`<text x="${labelW - 6}" y="${y0 + rowH / 2 + 3}" text-anchor="end" font-size="9">${escapeXml(cat)}</text>`);
    series.forEach((s, si) => {
      const v = s.values[ci];
      const w = v === undefined ? 0 : Math.max(0, Math.min(100, v)) * (plotW / 100);
      const y = y0 + 4 + si * 14;
      parts.push(`<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="10" fill="${COLORS[si % COLORS.length]}"/>`);
      parts.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 8.5}" font-size="8.5">${v === undefined ? '—' : `${v}%`}</text>`);
    });
  });
  if (series.length > 1) {
    series.forEach((s, si) => {
      const x = labelW + si * 110;
      parts.push(
        `<rect x="${x}" y="3" width="10" height="10" fill="${COLORS[si % COLORS.length]}"/><text x="${x + 14}" y="12" font-size="9">${escapeXml(s.label)}</text>`,
      );
    });
  }
  parts.push(`<line x1="${labelW}" y1="${legendH}" x2="${labelW}" y2="${height - 4}" stroke="#999" stroke-width="0.6"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${parts.join('')}</svg>`;
}

/** Charts of a section's distribution tables (age, contact mix, education); declared by the section (`dossier`). */
export function distributionCharts(def: SectionDefinition, data: SectionData): Chart[] {
  const label = (path: string): Label => fieldAt(def.fields, path)?.label ?? { zh: path, en: path };
  const zh = (path: string) => label(path).zh;
  const charts: Chart[] = [];

  const age = AGE_KEYS.map((k) => num(data, `staffing.ageDistribution.${k}`));
  if (age.some((v) => v !== undefined)) {
    charts.push({
      title: label('staffing.ageDistribution'),
      svg: barChart(
        AGE_KEYS.map((k) => zh(`staffing.ageDistribution.${k}`)),
        [{ label: '', values: age }],
      ),
    });
  }

  const mix = CONTACT_MIX_ROWS.map((r) => [num(data, `contactMix.${r}.inboundPct`), num(data, `contactMix.${r}.outboundPct`)]);
  if (mix.flat().some((v) => v !== undefined)) {
    charts.push({
      title: label('contactMix'),
      svg: barChart(
        CONTACT_MIX_ROWS.map((r) => zh(`contactMix.${r}`)),
        [
          { label: zh('contactMix.voice.inboundPct'), values: mix.map((m) => m[0]) },
          { label: zh('contactMix.voice.outboundPct'), values: mix.map((m) => m[1]) },
        ],
      ),
    });
  }

  const seats = SEAT_TYPES.filter((t) => EDUCATION_KEYS.some((k) => num(data, `staffing.seats.${t}.education.${k}`) !== undefined));
  if (seats.length) {
    charts.push({
      title: label('staffing.seats.fullTime.education'),
      svg: barChart(
        EDUCATION_KEYS.map((k) => zh(`staffing.seats.fullTime.education.${k}`)),
        seats.map((t) => ({
          label: zh(`staffing.seats.${t}`),
          values: EDUCATION_KEYS.map((k) => num(data, `staffing.seats.${t}.education.${k}`)),
        })),
      ),
    });
  }
  return charts;
}
