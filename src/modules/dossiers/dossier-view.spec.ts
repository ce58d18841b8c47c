import { readdirSync, readFileSync } from 'node:fs';
import { computeSection } from '../../form/computed-values';
import { join } from 'node:path';
import { completeApplication } from '../../../test/fixtures/complete-application';
import type { SectionData } from '../../form/field-types';
import { ALL_SECTIONS } from '../../form/sections';
import { SectionRegistry } from '../../form/section-registry';
import { barChart } from './dossier-charts';
import { loadDossierTemplate } from './dossier-template';
import { buildDossierView, formatValue, identifyingNames, type DossierInput, type DossierView, type SnapshotDocument } from './dossier-view';

const registry = SectionRegistry.of(ALL_SECTIONS);
const ORG = '示例银行股份有限公司';

function input(variant: DossierInput['variant'], blind = false, edit?: (s: Record<string, SectionData>) => void): DossierInput {
  const sections = completeApplication({ orgChart: ['a1'], layoutPhotos: ['a2'] }) as unknown as Record<string, SectionData>;
  edit?.(sections);
  const ctx = { section: (k: string) => sections[k] ?? {} };
  const document: SnapshotDocument = {
    application: { id: 'app', entryCode: 'TT-ABC123', cycle: { id: 'c', name: '2026 年度评选' }, category: { id: 'k', code: 'omni' }, organisation: { id: 'o', name: ORG } },
    sections,
    computed: Object.fromEntries(ALL_SECTIONS.filter((d) => d.compute).map((d) => [d.key, computeSection(d, sections[d.key] ?? {}, ctx)])),
    attachments: [
      { id: 'a1', kind: 'org_chart', sha256: 'f'.repeat(64) },
      { id: 'a2', kind: 'layout_photo', sha256: 'e'.repeat(64) },
    ],
  };
  return {
    variant,
    blind,
    viewerName: '李评委',
    snapshot: { id: 's', sha256: 'a'.repeat(64), sealedAt: '2026-11-23 10:00 (UTC+08:00)', document },
    categoryLabel: { zh: '卓越全渠道客服', en: 'Omnichannel excellence' },
    attachments: [
      { id: 'a1', kind: 'org_chart', name: `${ORG}-架构.png`, sha256: 'f'.repeat(64), size: 2048, contentType: 'image/png', dataUri: 'data:image/png;base64,AAAA' },
      { id: 'a2', kind: 'layout_photo', name: '现场.png', sha256: 'e'.repeat(64), size: 4096, contentType: 'image/png', dataUri: 'data:image/png;base64,BBBB' },
    ],
    qrSvg: '<svg></svg>',
    generatedAt: '2026-11-23T02:00:00Z',
  };
}

const allText = (v: DossierView) => JSON.stringify(v);

describe('dossier view', () => {
  it('lists every non-optional section with its Chinese number, in form order, and the receipt separately', () => {
    const v = buildDossierView(registry, input('applicant'));
    expect(v.sections.map((s) => s.key)).toEqual(ALL_SECTIONS.filter((d) => d.part !== 3 && !d.optional).map((d) => d.key));
    expect(v.sections[0].number).toBe('一');
    expect(v.receipt?.consent).toContain('2026 年度评选');
    expect(v.toc.map((e) => e.anchor)).toContain('sec-receipt');
  });

  it('prints an unanswered optional field as "—"', () => {
    const v = buildDossierView(registry, input('staff', false, (s) => delete (s.basics.enterprise as Record<string, unknown>).website));
    const row = v.sections[0].rows.find((r) => r.label.en === 'Website');
    expect(row).toMatchObject({ value: '—', empty: true });
  });

  it('shows the KPI table with met and gap for each catalogue KPI', () => {
    const kpis = buildDossierView(registry, input('staff')).sections.find((s) => s.key === 'kpis')!.kpis;
    expect(kpis.length).toBeGreaterThan(10);
    expect(kpis.every((k) => k.met !== null)).toBe(true);
  });

  it('blind judge copies hide the identifying fields, the receipt, file names and the names in free text', () => {
    const v = buildDossierView(registry, input('judge', true, (s) => ((s.strategy as Record<string, unknown>).overallStrategy = `${ORG}的战略：示例银行坚持创新。`)));
    const text = allText(v);
    expect(text).not.toContain('示例银行');
    expect(text).not.toContain('wang.xiaomei');
    expect(v.receipt).toBeUndefined();
    expect(v.cover.company).toBeUndefined();
    expect(text).toContain('■■■的战略');
    expect(v.watermark).toContain('李评委');
  });

  it('open judge copies keep everything and carry the watermark; other copies have none', () => {
    expect(allText(buildDossierView(registry, input('judge', false)))).toContain(ORG);
    expect(buildDossierView(registry, input('staff')).watermark).toBeUndefined();
  });

  it('derives the short name of the entrant for redaction', () => {
    expect(identifyingNames(input('judge', true).snapshot.document)).toEqual(expect.arrayContaining([ORG, '示例银行']));
  });

  it('formats choices with their "other" text and yes/no with detail', () => {
    const field = ALL_SECTIONS[0].fields.flatMap((f) => (f.type === 'group' ? f.fields : [f])).find((f) => f.key === 'industry')!;
    expect(formatValue(field, 'other', '保险')).toMatch(/其他.*：保险$/);
    expect(formatValue({ type: 'yesno', key: 'x', label: { zh: 'x', en: 'x' } }, { answer: true, detail: '有' })).toBe('是 Yes。有');
    expect(formatValue({ type: 'text', key: 'x', label: { zh: 'x', en: 'x' } }, undefined)).toBeUndefined();
  });
});

describe('dossier templates', () => {
  const dir = join(__dirname, '..', '..', '..', 'templates', 'dossier');

  it('never print user data unescaped: the triple-stash is kept for the stylesheet and server-made SVG', () => {
    const files = ['layout.hbs', 'judge-header.hbs', ...readdirSync(join(dir, 'partials')).map((f) => `partials/${f}`), ...readdirSync(join(dir, 'sections')).map((f) => `sections/${f}`)];
    const raw = files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\{\{\{\s*([\w.]+)\s*\}\}\}/g)].map((m) => m[1]));
    expect(new Set(raw)).toEqual(new Set(['css', 'svg', 'qrSvg']));
  });

  it('has a partial for every section of the form', () => {
    const partials = readdirSync(join(dir, 'sections')).map((f) => f.replace(/\.hbs$/, ''));
    expect(partials.sort()).toEqual(ALL_SECTIONS.filter((d) => d.part !== 3).map((d) => d.key).sort());
  });

  it('renders the view with user text escaped and the version changing with the templates', () => {
    const tpl = loadDossierTemplate(dir);
    const html = tpl.render(buildDossierView(registry, input('staff', false, (s) => ((s.strategy as Record<string, unknown>).overallStrategy = '<script>alert(1)</script>{{constructor}}'))));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;{{constructor}}');
    expect(html).not.toContain('<script>');
    expect(tpl.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('charts escape their labels', () => {
    expect(barChart(['<b>&'], [{ label: '"x"', values: [50] }])).toContain('&lt;b&gt;&amp;');
  });
});
