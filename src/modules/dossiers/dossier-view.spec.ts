import { readdirSync, readFileSync } from 'node:fs';
import { computeSection } from '../../form/computed-values';
import { join } from 'node:path';
import { completeApplication } from '../../../test/fixtures/complete-application';
import type { SectionData } from '../../form/field-types';
import { ALL_SECTIONS } from '../../form/sections';
import { SectionRegistry } from '../../form/section-registry';
import { barChart } from './dossier-charts';
import { loadDossierTemplate } from './dossier-template';
import {
  buildDossierView,
  fileNameParts,
  formatValue,
  identifyingNames,
  type DossierInput,
  type DossierView,
  type SnapshotDocument,
} from './dossier-view';

const registry = SectionRegistry.of(ALL_SECTIONS);
const ORG = '示例银行股份有限公司';

function input(variant: DossierInput['variant'], blind = false, edit?: (s: Record<string, SectionData>) => void): DossierInput {
  const sections = completeApplication({ orgChart: ['a1'], layoutPhotos: ['a2'] }) as unknown as Record<string, SectionData>;
  edit?.(sections);
  const ctx = { section: (k: string) => sections[k] ?? {} };
  const document: SnapshotDocument = {
    application: {
      id: 'app',
      entryCode: 'TT-ABC123',
      cycle: { id: 'c', name: '2026 年度评选' },
      category: { id: 'k', code: 'omni' },
      organisation: { id: 'o', name: ORG },
    },
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
      {
        id: 'a1',
        kind: 'org_chart',
        name: `${ORG}-架构.png`,
        sha256: 'f'.repeat(64),
        size: 2048,
        contentType: 'image/png',
        dataUri: 'data:image/png;base64,AAAA',
      },
      {
        id: 'a2',
        kind: 'layout_photo',
        name: '现场.png',
        sha256: 'e'.repeat(64),
        size: 4096,
        contentType: 'image/png',
        dataUri: 'data:image/png;base64,BBBB',
      },
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
    const v = buildDossierView(
      registry,
      input('staff', false, (s) => delete (s.basics.enterprise as Record<string, unknown>).website),
    );
    const row = v.sections[0].rows.find((r) => r.label.en === 'Website');
    expect(row).toMatchObject({ value: '—', empty: true });
  });

  it('shows the KPI table with met and gap for each catalogue KPI', () => {
    const kpis = buildDossierView(registry, input('staff')).sections.find((s) => s.key === 'kpis')!.kpis;
    expect(kpis.length).toBeGreaterThan(10);
    expect(kpis.every((k) => k.met !== null)).toBe(true);
  });

  it("prints the contact mix as the form's table: a row per kind, 呼入/呼出 columns and the 合计 row", () => {
    const rows = buildDossierView(registry, input('staff')).sections[0].rows;
    const mix = rows.find((r) => r.label.en === 'Contact mix (% of contacts)')!;
    expect(mix.table!.columns.map((c) => c.zh)).toEqual(['分类', '呼入 (占%)', '呼出 (占%)']);
    expect(mix.table!.rows.map((r) => r.label.zh)).toEqual(['人工电话', '邮件', 'IVR', '机器人服务', '其他', '合计 (%)']);
    expect(mix.table!.rows[0].cells.map((c) => c.text)).toEqual(['55%', '70%']);
    expect(mix.table!.rows.at(-1)).toMatchObject({ total: true, cells: [{ text: '100%' }, { text: '100%' }] });
    // no longer a list of per-kind fields
    expect(rows.some((r) => r.label.en === 'Inbound (%)')).toBe(false);
  });

  it('the 合计 row adds each column, so a wrong table shows its wrong sums', () => {
    const v = buildDossierView(
      registry,
      input('staff', false, (s) => ((s.basics.contactMix as Record<string, Record<string, number>>).email.inboundPct = 13)),
    );
    const mix = v.sections[0].rows.find((r) => r.label.en === 'Contact mix (% of contacts)')!;
    expect(mix.table!.rows.at(-1)!.cells.map((c) => c.text)).toEqual(['110%', '100%']);
  });

  it("prints agents and their education as the form's table, with the headcount total and the weighted education", () => {
    const seats = buildDossierView(registry, input('staff')).sections[0].rows.find((r) => r.label.zh === '座席员数')!;
    expect(seats.table!.columns.map((c) => c.zh)).toEqual([
      '座席类型',
      '总人数 (人)',
      '本科及以上 (%)',
      '大专 (%)',
      '中专 (%)',
      '高中及以下 (%)',
    ]);
    expect(seats.table!.rows.map((r) => r.label.zh)).toEqual(['全职座席', '兼职座席', '远程客户代表', '合计']);
    expect(seats.table!.rows[2].cells.map((c) => c.text)).toEqual(['0', '—', '—', '—', '—']); // no remote agents: education dashed, as on the form
    // 380 full-time and 20 part-time: (42.5 × 380 + 10 × 20) / 400 = 40.875
    expect(seats.table!.rows[3].cells.map((c) => c.text)).toEqual(['400', '40.9%', '49.1%', '7.7%', '2.4%']);
    const age = buildDossierView(registry, input('staff')).sections[0].rows.find((r) => r.label.en === 'Age distribution (%)')!;
    expect(age.table!.columns.at(-1)!.zh).toBe('合计');
    expect(age.table!.rows[0].cells.at(-1)!.text).toBe('100%');
  });

  it("groups the KPI table by the catalogue's categories", () => {
    const kpis = buildDossierView(registry, input('staff')).sections.find((s) => s.key === 'kpis')!;
    expect(kpis.kpiGroups.map((g) => g.area.zh)).toEqual(['运营关键指标', '运营支撑指标']);
    expect(kpis.kpiGroups[0].rows.map((r) => r.name)).toContain('平均联系处理时间');
    expect(kpis.kpiGroups[1].rows.map((r) => r.name)).toContain('缺勤率');
    expect(kpis.kpiGroups.flatMap((g) => g.rows)).toHaveLength(kpis.kpis.length);
  });

  it('a band KPI shows its band, and where the actual lies instead of a negative gap beside 达标', () => {
    const kpiOf = (edit: (s: Record<string, SectionData>) => void, name: string) =>
      buildDossierView(registry, input('staff', false, edit))
        .sections.find((s) => s.key === 'kpis')!
        .kpis.find((k) => k.name === name)!;
    const setOccupancy = (actual: number) => (s: Record<string, SectionData>) =>
      void ((s.kpis.operations as Record<string, { actual: number }>).occupancy.actual = actual);
    // target 85 ±5 points; 81.8 is met although 3.8 % under target
    const within = kpiOf(setOccupancy(81.8), '工时有效率（占用率）');
    expect(within.criterion.text).toBe('80–90');
    expect(within.criterion.note!.zh).toBe('目标 ±5 个百分点');
    expect(within.met!.zh).toBe('达标');
    expect(within.gap).toEqual({ text: '区间内', note: 'within band' });
    const below = kpiOf(setOccupancy(78), '工时有效率（占用率）');
    expect(below.met!.zh).toBe('未达标');
    expect(below.gap).toEqual({ text: '低于下限 2', note: '2 below band' });
    expect(kpiOf(setOccupancy(91.5), '工时有效率（占用率）').gap.text).toBe('高于上限 1.5');
    // ±10 % of a ratio target of 15
    const ratio = kpiOf(() => undefined, '管理人员对比人员的比例');
    expect(ratio.criterion.text).toBe('13.5–16.5');
    // one-sided KPIs keep the signed gap and say which way is met
    const aht = kpiOf(() => undefined, '平均联系处理时间');
    expect(aht.criterion.text).toBe('≤ 300');
    expect(aht.gap.text).toBe('+5%');
  });

  it("the cover names the entrant as the form does, the registration's organisation only when the form has none, and nothing when blind", () => {
    const named = (name: string) => (s: Record<string, SectionData>) => void ((s.basics.enterprise as Record<string, unknown>).name = name);
    expect(buildDossierView(registry, input('staff', false, named('示例银行（四川）有限公司'))).cover.company).toBe(
      '示例银行（四川）有限公司',
    );
    expect(buildDossierView(registry, input('applicant', false, named('  '))).cover.company).toBe(ORG);
    const blind = buildDossierView(registry, input('judge', true, named('示例银行（四川）有限公司')));
    expect(blind.cover.company).toBeUndefined();
    expect(allText(blind)).not.toContain('四川');
  });

  it('cuts file names after their separators, so lines break there and not mid-word', () => {
    expect(fileNameParts('组织架构图-示例银行.png')).toEqual(['组织架构图-', '示例银行.', 'png']);
    expect(fileNameParts('Annual_Report 2026.pdf')).toEqual(['Annual_', 'Report ', '2026.', 'pdf']);
    const v = buildDossierView(registry, input('staff'));
    expect(v.attachments[0].nameParts.join('')).toBe(v.attachments[0].name);
  });

  it('blind judge copies hide the identifying fields, the receipt, file names and the names in free text', () => {
    const v = buildDossierView(
      registry,
      input('judge', true, (s) => ((s.strategy as Record<string, unknown>).overallStrategy = `${ORG}的战略：示例银行坚持创新。`)),
    );
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
    expect(identifyingNames(registry, input('judge', true).snapshot.document)).toEqual(expect.arrayContaining([ORG, '示例银行']));
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
    const files = [
      'layout.hbs',
      'judge-header.hbs',
      ...readdirSync(join(dir, 'partials')).map((f) => `partials/${f}`),
      ...readdirSync(join(dir, 'sections')).map((f) => `sections/${f}`),
    ];
    const raw = files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\{\{\{\s*([\w.]+)\s*\}\}\}/g)].map((m) => m[1]));
    expect(new Set(raw)).toEqual(new Set(['css', 'svg', 'qrSvg']));
  });

  it('has a partial for every section of the form', () => {
    const partials = readdirSync(join(dir, 'sections')).map((f) => f.replace(/\.hbs$/, ''));
    expect(partials.sort()).toEqual(
      ALL_SECTIONS.filter((d) => d.part !== 3)
        .map((d) => d.key)
        .sort(),
    );
  });

  it('renders the view with user text escaped and the version changing with the templates', () => {
    const tpl = loadDossierTemplate(dir);
    const html = tpl.render(
      buildDossierView(
        registry,
        input(
          'staff',
          false,
          (s) => ((s.strategy as Record<string, unknown>).overallStrategy = '<script>alert(1)</script>{{constructor}}'),
        ),
      ),
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;{{constructor}}');
    expect(html).not.toContain('<script>');
    expect(tpl.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("prints the form's tables and the KPI categories", () => {
    const html = loadDossierTemplate(dir).render(buildDossierView(registry, input('staff')));
    expect(html).toMatch(/<tr class="total"><th scope="row">合计 \(%\)/);
    expect(html).toContain('<tr class="kpi-group"><th colspan="7">运营支撑指标');
    expect(html).toContain('有限公司-<wbr>架构.<wbr>png<wbr>');
  });

  it('charts escape their labels', () => {
    expect(barChart(['<b>&'], [{ label: '"x"', values: [50] }])).toContain('&lt;b&gt;&amp;');
  });
});
