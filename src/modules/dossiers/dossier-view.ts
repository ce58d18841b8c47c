/**
 * The dossier as data: what the Handlebars templates print, built from a sealed snapshot and the
 * form descriptors (the only source of labels). Pure: no I/O, so the variants (applicant, staff,
 * judge, blind) are unit-tested here and the templates stay free of logic.
 */
import { expandFields } from '../../form/expanded-fields';
import type { FieldNode, GroupField, Label, SectionData, SectionDefinition } from '../../form/field-types';
import { REQUIRED_KPIS, type KpiDefinition } from '../../form/kpi-catalogue';
import type { SectionRegistry } from '../../form/section-registry';
import { distributionCharts, type Chart } from './dossier-charts';

export type DossierVariant = 'applicant' | 'staff' | 'judge';

export interface SnapshotDocument {
  application: {
    id: string;
    entryCode: string;
    cycle: { id: string; name: string };
    category: { id: string; code: string };
    organisation: { id: string; name: string };
    nomination?: unknown;
  };
  sections: Record<string, SectionData>;
  computed: Record<string, SectionData>;
  attachments: Array<{ id: string; kind: string; sha256: string }>;
}

/** An attachment cited by the snapshot, as the renderer has it (images already inlined). */
export interface DossierAttachment {
  id: string;
  kind: string;
  name: string;
  sha256: string;
  size: number;
  contentType: string;
  /** `data:` URI for images embedded in the page. */
  dataUri?: string;
  /** Pages appended after the dossier (PDF attachments that could be read). */
  appendedPages?: number;
}

export interface DossierInput {
  variant: DossierVariant;
  /** Judge copies: hide everything identifying (round setting). */
  blind: boolean;
  /** Judge copies: the name printed in the watermark. */
  viewerName?: string;
  snapshot: { id: string; sha256: string; sealedAt: string; document: SnapshotDocument };
  categoryLabel: Label;
  attachments: DossierAttachment[];
  /** SVG of the receipt QR code (made by the caller, so this module stays synchronous). */
  qrSvg: string;
  generatedAt: string;
}

export interface FieldRow {
  depth: number;
  heading: boolean;
  label: Label;
  value?: string;
  /** Long text: printed as a paragraph under its label. */
  long?: boolean;
  empty?: boolean;
  images?: Array<{ src: string; caption: string; captionParts: string[] }>;
  /** Attachment fields: each file name cut after its separators (line breaks go there, not mid-word). */
  files?: string[][];
  /** A group the paper form prints as a table (contact mix, agents and education, age). */
  table?: TableView;
}

/** A grid as on the paper form: a header row, one row per line, and its 合计 (total) row or column. */
export interface TableView {
  columns: Label[];
  rows: Array<{ label: Label; cells: Array<{ text: string; empty?: boolean }>; total?: boolean }>;
  note?: Label;
}

export interface KpiRow {
  area: Label;
  name: string;
  nameEn?: string;
  unit: string;
  target: string;
  /** What "met" means for this KPI: "≤ 180", "≥ 90", or the band "80–90" with its tolerance. */
  criterion: { text: string; note?: Label };
  actual: string;
  met: Label | null;
  metClass: string;
  /** Signed relative gap (positive = better); for a band KPI, where the actual lies against the band. */
  gap: { text: string; note?: string };
}

/** The KPI table's groups: the catalogue's categories (运营关键指标, 运营支撑指标), in form order. */
export interface KpiGroup {
  area: Label;
  rows: KpiRow[];
}

export interface SectionView {
  key: string;
  anchor: string;
  number: string;
  title: Label;
  partial: string;
  rows: FieldRow[];
  charts: Chart[];
  kpis: KpiRow[];
  kpiGroups: KpiGroup[];
}

export interface DossierView {
  variant: DossierVariant;
  blind: boolean;
  watermark?: string;
  cover: { cycleName: string; category: Label; entryCode: string; company?: string; sealedAt: string; sha256: string; variantLabel: Label };
  toc: Array<{ anchor: string; title: string }>;
  sections: SectionView[];
  receipt?: { consent: string; rows: FieldRow[]; entryCode: string; sha256: string; qrSvg: string; sealedAt: string };
  attachments: Array<{
    anchor: string;
    index: number;
    kind: Label;
    name: string;
    nameParts: string[];
    sha256: string;
    size: string;
    appended: boolean;
    note?: Label;
  }>;
  footer: { entryCode: string; shortSha: string; sealedAt: string };
  generatedAt: string;
}

const EMPTY = '—';
const REDACTED = '〔已隐去 redacted〕';
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const YES: Label = { zh: '是', en: 'Yes' };
const NO: Label = { zh: '否', en: 'No' };

export const ATTACHMENT_KIND_LABELS: Record<string, Label> = {
  org_chart: { zh: '组织架构图', en: 'Organisation chart' },
  layout_photo: { zh: '布局图片', en: 'Layout photo' },
  supporting_doc: { zh: '支持材料', en: 'Supporting document' },
  stamped_receipt: { zh: '盖章回执', en: 'Stamped receipt' },
};

const VARIANT_LABELS: Record<DossierVariant, Label> = {
  applicant: { zh: '申报单位存档本', en: "Applicant's copy" },
  staff: { zh: '组委会存档本', en: 'Secretariat copy' },
  judge: { zh: '评审专用本', en: "Judge's copy" },
};

/** Text printed on the receipt page and encoded in its QR code; the receipt check compares it. */
export function receiptQrPayload(entryCode: string, sha256: string): string {
  return `TOPTEN1|${entryCode}|${sha256}`;
}

export function buildDossierView(registry: SectionRegistry, input: DossierInput): DossierView {
  const doc = input.snapshot.document;
  const blind = input.variant === 'judge' && input.blind;
  const redact = blind ? redactor(identifyingNames(registry, doc)) : (s: string) => s;
  const attachmentsById = new Map(input.attachments.map((a) => [a.id, a]));
  const fileName = (a: DossierAttachment, i: number) => (blind ? `${ATTACHMENT_KIND_LABELS[a.kind]?.zh ?? a.kind} ${i + 1}` : a.name);

  const sections: SectionView[] = [];
  let receiptDef: SectionDefinition | undefined;
  for (const def of registry.all()) {
    const data = doc.sections[def.key] ?? {};
    if (def.part === 3) {
      receiptDef = def;
      continue;
    }
    if (def.optional && !Object.keys(data).length) continue;
    const hidden = blind ? (def.identifying ?? []) : [];
    const ctx: RowContext = { section: def.key, data, computed: doc.computed[def.key] ?? {}, hidden, redact, attachmentsById, fileName };
    const contributes = new Set(def.dossier ?? []);
    const kpis = contributes.has('kpi-table') ? kpiRows(def, data, doc.computed[def.key] ?? {}, redact) : [];
    sections.push({
      key: def.key,
      anchor: `sec-${def.key}`,
      number: CHINESE_NUMBERS[sections.length] ?? String(sections.length + 1),
      title: def.title,
      partial: `section-${def.key}`,
      rows: fieldRows(expandFields(def.fields), ctx, '', 0),
      charts: contributes.has('distribution-charts') ? distributionCharts(def, data) : [],
      kpis,
      kpiGroups: [...new Set(kpis.map((k) => k.area))].map((area) => ({ area, rows: kpis.filter((k) => k.area === area) })),
    });
  }

  const sealedAt = input.snapshot.sealedAt;
  const receipt =
    receiptDef && !blind
      ? {
          consent: `${receiptConsent(receiptDef)}（${doc.application.cycle.name}）`,
          rows: fieldRows(
            expandFields(receiptDef.fields).filter((f) => f.type !== 'attachment' && f.key !== 'consent'),
            {
              section: receiptDef.key,
              data: doc.sections[receiptDef.key] ?? {},
              computed: {},
              hidden: [],
              redact,
              attachmentsById,
              fileName,
            },
            '',
            0,
          ),
          entryCode: doc.application.entryCode,
          sha256: input.snapshot.sha256,
          qrSvg: input.qrSvg,
          sealedAt,
        }
      : undefined;

  const cited = doc.attachments
    .filter((a) => a.kind !== 'stamped_receipt')
    .map((a) => attachmentsById.get(a.id))
    .filter((a): a is DossierAttachment => !!a);
  const attachments = cited.map((a, i) => ({
    anchor: `att-${i + 1}`,
    index: i + 1,
    kind: ATTACHMENT_KIND_LABELS[a.kind] ?? { zh: a.kind, en: a.kind },
    name: fileName(a, i),
    nameParts: fileNameParts(fileName(a, i)),
    sha256: a.sha256,
    size: formatBytes(a.size),
    appended: !!a.appendedPages,
    note: a.appendedPages
      ? undefined
      : a.dataUri
        ? { zh: '图片已嵌入正文', en: 'image shown in the dossier' }
        : a.contentType === 'application/pdf'
          ? blind
            ? { zh: '匿名评审本不附原件', en: 'not included in blind copies' }
            : { zh: 'PDF 无法合并，请单独下载', en: 'PDF could not be merged; download it separately' }
          : { zh: '请单独下载', en: 'download separately' },
  }));

  const toc = [
    ...sections.map((s) => ({ anchor: s.anchor, title: `${s.number}、${s.title.zh}  ${s.title.en}` })),
    ...(receipt ? [{ anchor: 'sec-receipt', title: `${receiptDef!.title.zh}  ${receiptDef!.title.en}` }] : []),
    ...(attachments.length ? [{ anchor: 'sec-attachments', title: '附件清单  Attachments' }] : []),
  ];

  return {
    variant: input.variant,
    blind,
    watermark: input.variant === 'judge' ? `${input.viewerName ?? ''} · 保密 CONFIDENTIAL` : undefined,
    cover: {
      cycleName: doc.application.cycle.name,
      category: input.categoryLabel,
      entryCode: doc.application.entryCode,
      // The entrant as the form names it; the registration's organisation only when that is empty.
      company: blind ? undefined : (entrantName(registry, doc) ?? doc.application.organisation.name),
      sealedAt,
      sha256: input.snapshot.sha256,
      variantLabel: VARIANT_LABELS[input.variant],
    },
    toc,
    sections,
    receipt,
    attachments,
    footer: { entryCode: doc.application.entryCode, shortSha: input.snapshot.sha256.slice(0, 12), sealedAt },
    generatedAt: input.generatedAt,
  };
}

interface RowContext {
  section: string;
  data: SectionData;
  computed: SectionData;
  hidden: string[];
  redact: (s: string) => string;
  attachmentsById: Map<string, DossierAttachment>;
  fileName: (a: DossierAttachment, i: number) => string;
}

function fieldRows(fields: FieldNode[], ctx: RowContext, prefix: string, depth: number): FieldRow[] {
  const rows: FieldRow[] = [];
  const value = (path: string) =>
    path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), ctx.data);
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.key}` : f.key;
    if (isHidden(ctx.hidden, path)) {
      if (!prefix || !isHidden(ctx.hidden, prefix)) rows.push({ depth, heading: false, label: f.label, value: REDACTED });
      continue;
    }
    if (f.type === 'text' && f.otherOf) continue; // printed with its choice ("其他：…")
    const table = f.type === 'group' ? TABLES[`${ctx.section}.${path}`] : undefined;
    if (table && f.type === 'group') {
      rows.push({ depth, heading: false, label: f.label, table: table(f, (p) => value(`${path}.${p}`)) });
      continue;
    }
    if (f.type === 'group') {
      rows.push({ depth, heading: true, label: f.label });
      rows.push(...fieldRows(expandFields(f.fields), ctx, path, depth + 1));
      continue;
    }
    if (f.type === 'list') {
      const items = Array.isArray(value(path)) ? (value(path) as unknown[]) : [];
      rows.push({ depth, heading: true, label: f.label, ...(items.length ? {} : { value: EMPTY, empty: true, heading: false }) });
      items.forEach((_, i) => {
        rows.push({ depth: depth + 1, heading: true, label: { zh: `第 ${i + 1} 项`, en: `Item ${i + 1}` } });
        rows.push(...fieldRows(expandFields(f.fields), ctx, `${path}.${i}`, depth + 2));
      });
      continue;
    }
    if (f.type === 'attachment') {
      const ids = Array.isArray(value(path)) ? (value(path) as string[]) : [];
      const files = ids.map((id) => ctx.attachmentsById.get(id)).filter((a): a is DossierAttachment => !!a);
      rows.push({
        depth,
        heading: false,
        label: f.label,
        value: files.length ? files.map((a, i) => ctx.fileName(a, i)).join('；') : EMPTY,
        empty: !files.length,
        files: files.map((a, i) => fileNameParts(ctx.fileName(a, i))),
        images: files
          .filter((a) => a.dataUri)
          .map((a, i) => ({ src: a.dataUri!, caption: ctx.fileName(a, i), captionParts: fileNameParts(ctx.fileName(a, i)) })),
      });
      continue;
    }
    const raw = f.type === 'computed' ? (getIn(ctx.computed, path) ?? value(path)) : value(path);
    const other = value(`${path}Other`);
    const text = formatValue(f, raw, typeof other === 'string' ? other : undefined);
    rows.push({
      depth,
      heading: false,
      label: f.label,
      value: text === undefined ? EMPTY : ctx.redact(text),
      empty: text === undefined,
      long: f.type === 'essay' || (f.type === 'yesno' && !!text && text.length > 40),
    });
  }
  return rows;
}

const getIn = (obj: SectionData, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), obj);

function isHidden(hidden: string[], path: string): boolean {
  return hidden.some((h) => h === '*' || path === h || path.startsWith(`${h}.`));
}

const bilingual = (l: Label) => (l.zh === l.en ? l.zh : `${l.zh} ${l.en}`);

/** A field's value as printed; undefined when unanswered (printed as "—"). */
export function formatValue(f: FieldNode, raw: unknown, other?: string): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const optionLabel = (code: unknown) => {
    if (f.type !== 'choice' && f.type !== 'multi' && f.type !== 'pick3') return String(code);
    const o = f.options.find((x) => x.code === code);
    const label = o ? bilingual(o.label) : String(code);
    return code === 'other' && other ? `${label}：${other}` : label;
  };
  switch (f.type) {
    case 'choice':
      return optionLabel(raw);
    case 'multi':
    case 'pick3':
      return Array.isArray(raw) && raw.length ? raw.map(optionLabel).join('；') : undefined;
    case 'yesno': {
      const v = raw as { answer?: boolean; detail?: string };
      if (typeof v.answer !== 'boolean') return undefined;
      return `${bilingual(v.answer ? YES : NO)}${v.detail ? `。${v.detail}` : ''}`;
    }
    case 'boolean':
      return bilingual(raw === true ? YES : NO);
    case 'percent':
      return `${raw}%`;
    case 'decimal':
      return f.unit ? `${raw} ${f.unit.zh}` : String(raw);
    case 'computed':
      return f.valueType === 'boolean' ? bilingual(raw === true ? YES : NO) : f.valueType === 'percent' ? `${raw}%` : String(raw);
    default:
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  }
}

const MET: Label = { zh: '达标', en: 'met' };
const MISSED: Label = { zh: '未达标', en: 'not met' };
/** Numbers in the KPI table: at most two decimals, no trailing zeros. */
const num2 = (n: number) => String(Math.round(n * 100) / 100);

type KpiResult = { met?: boolean; gapPct?: number | null } | null | undefined;
type KpiRule = Pick<KpiDefinition, 'direction' | 'tolerance'>;

/** The rule a KPI is judged by, printed beside the result so 达标 never stands unexplained. */
function kpiCriterion(rule: KpiRule | undefined, target: unknown): KpiRow['criterion'] {
  if (!rule || typeof target !== 'number') return { text: EMPTY };
  if (rule.direction === 'lower') return { text: `≤ ${num2(target)}` };
  if (rule.direction === 'higher') return { text: `≥ ${num2(target)}` };
  const [lo, hi] = kpiBand(rule, target);
  const tol = rule.tolerance;
  const note: Label = !tol
    ? { zh: '等于目标', en: 'equal to target' }
    : tol.kind === 'points'
      ? { zh: `目标 ±${tol.value} 个百分点`, en: `band: target ±${tol.value} points` }
      : { zh: `目标 ±${tol.value}%`, en: `band: target ±${tol.value} %` };
  return { text: `${num2(lo)}–${num2(hi)}`, note };
}

function kpiBand(rule: KpiRule, target: number): [number, number] {
  const tol = rule.tolerance;
  const allowed = !tol ? 0 : tol.kind === 'points' ? tol.value : (Math.abs(target) * tol.value) / 100;
  return [target - allowed, target + allowed];
}

/**
 * The gap column. Above/below-target KPIs: the signed relative gap (positive = better). A band
 * KPI's relative gap is always ≤ 0 (any deviation counts against it), which beside 达标 reads as a
 * contradiction — so a band KPI states where the actual lies: inside the band, or how far outside.
 */
function kpiGap(rule: KpiRule | undefined, target: unknown, actual: unknown, r: KpiResult): KpiRow['gap'] {
  if (rule?.direction === 'band' && typeof target === 'number' && typeof actual === 'number' && r && typeof r.met === 'boolean') {
    if (r.met) return { text: '区间内', note: 'within band' };
    const [lo, hi] = kpiBand(rule, target);
    return actual < lo
      ? { text: `低于下限 ${num2(lo - actual)}`, note: `${num2(lo - actual)} below band` }
      : { text: `高于上限 ${num2(actual - hi)}`, note: `${num2(actual - hi)} above band` };
  }
  return r && typeof r.gapPct === 'number' ? { text: `${r.gapPct > 0 ? '+' : ''}${r.gapPct}%` } : { text: EMPTY };
}

function kpiRows(def: SectionDefinition, data: SectionData, computed: SectionData, redact: (s: string) => string): KpiRow[] {
  const fmt = (v: unknown) => (typeof v === 'number' ? num2(v) : EMPTY);
  const result = (area: string, key: string) => getIn(computed, `${area}.${key}`) as KpiResult;
  const row = (
    area: Label,
    name: string,
    nameEn: string | undefined,
    unit: string,
    rule: KpiRule | undefined,
    target: unknown,
    actual: unknown,
    r: KpiResult,
  ): KpiRow => ({
    area,
    name,
    nameEn,
    unit,
    target: fmt(target),
    criterion: kpiCriterion(rule, target),
    actual: fmt(actual),
    met: r && typeof r.met === 'boolean' ? (r.met ? MET : MISSED) : null,
    metClass: r && typeof r.met === 'boolean' ? (r.met ? 'met' : 'missed') : '',
    gap: kpiGap(rule, target, actual, r),
  });
  const rows: KpiRow[] = [];
  for (const areaField of def.fields) {
    if (areaField.type !== 'group') continue;
    for (const k of REQUIRED_KPIS.filter((x) => x.key.startsWith(`${areaField.key}.`))) {
      const [, key] = k.key.split('.');
      rows.push(
        row(
          areaField.label,
          k.label.zh,
          k.label.en,
          k.unit.zh,
          k,
          getIn(data, `${k.key}.target`),
          getIn(data, `${k.key}.actual`),
          result(areaField.key, key),
        ),
      );
    }
    const others = getIn(data, `${areaField.key}.others`);
    if (Array.isArray(others)) {
      const results = getIn(computed, `${areaField.key}.others`);
      others.forEach((o: Record<string, unknown>, i) => {
        const rule: KpiRule | undefined = o?.direction === 'higher' || o?.direction === 'lower' ? { direction: o.direction } : undefined;
        rows.push(
          row(
            areaField.label,
            redact(String(o?.name ?? EMPTY)),
            undefined,
            redact(String(o?.unit ?? '')),
            rule,
            o?.target,
            o?.actual,
            Array.isArray(results) ? results[i] : undefined,
          ),
        );
      });
    }
  }
  return rows;
}

const TOTAL: Label = { zh: '合计', en: 'Total' };
const numAt = (get: (p: string) => unknown, p: string) => {
  const v = get(p);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const cellOf = (f: FieldNode | undefined, raw: unknown) => {
  const text = f ? formatValue(f, raw) : undefined;
  return text === undefined ? { text: EMPTY, empty: true } : { text };
};
const pct = (n: number | undefined) => (n === undefined ? { text: EMPTY, empty: true } : { text: `${Math.round(n * 10) / 10}%` });
const subGroups = (f: GroupField) => f.fields.filter((x): x is GroupField => x.type === 'group');
const leaves = (f: GroupField | undefined) => (f ? f.fields.filter((x) => x.type !== 'group') : []);

/**
 * Groups printed as the paper form's tables, keyed by section and path. Labels come from the
 * descriptor; the 合计 line is what the form's rule checks (each column, or each row, sums to 100).
 */
const TABLES: Record<string, (f: GroupField, get: (path: string) => unknown) => TableView> = {
  /** 呼叫种类百分比: one row per kind of contact, 呼入/呼出 columns, 合计 (%) under each. */
  'basics.contactMix': (f, get) => {
    const kinds = subGroups(f);
    const cols = leaves(kinds[0]);
    const sum = (c: FieldNode) => {
      const values = kinds.map((k) => numAt(get, `${k.key}.${c.key}`)).filter((v): v is number => v !== undefined);
      return values.length ? values.reduce((a, b) => a + b, 0) : undefined;
    };
    return {
      columns: [{ zh: '分类', en: 'Kind' }, ...cols.map((c) => c.label)],
      rows: [
        ...kinds.map((k) => ({ label: k.label, cells: cols.map((c) => cellOf(c, get(`${k.key}.${c.key}`))) })),
        { label: { zh: '合计 (%)', en: 'Total (%)' }, cells: cols.map((c) => pct(sum(c))), total: true },
      ],
    };
  },
  /**
   * 座席员数: one row per kind of agent with headcount and education. 合计: the headcount, and the
   * education of all agents (weighted by headcount) once every staffed row has its education.
   */
  'basics.staffing.seats': (f, get) => {
    const kinds = subGroups(f);
    const headcount = leaves(kinds[0])[0];
    const education = subGroups(kinds[0])[0];
    const eduCols = leaves(education);
    const heads = kinds.map((k) => numAt(get, `${k.key}.${headcount.key}`));
    const staffed = kinds.filter((_, i) => (heads[i] ?? 0) > 0);
    const total = heads.every((h) => h !== undefined) ? heads.reduce<number>((a, b) => a + (b as number), 0) : undefined;
    const weighted = (c: FieldNode) => {
      if (!total) return undefined;
      const parts = staffed.map(
        (k) => [numAt(get, `${k.key}.${headcount.key}`)!, numAt(get, `${k.key}.${education.key}.${c.key}`)] as const,
      );
      return parts.every(([, v]) => v !== undefined) ? parts.reduce((a, [h, v]) => a + h * (v as number), 0) / total : undefined;
    };
    return {
      columns: [{ zh: '座席类型', en: 'Agent type' }, headcount.label, ...eduCols.map((c) => c.label)],
      rows: [
        ...kinds.map((k) => ({
          label: k.label,
          cells: [headcount, ...eduCols].map((c) =>
            cellOf(c, get(c === headcount ? `${k.key}.${c.key}` : `${k.key}.${education.key}.${c.key}`)),
          ),
        })),
        {
          label: TOTAL,
          cells: [total === undefined ? { text: EMPTY, empty: true } : { text: String(total) }, ...eduCols.map((c) => pct(weighted(c)))],
          total: true,
        },
      ],
      note: { zh: '合计行的学历分布按各类座席人数加权。', en: 'The total row weights each row’s education by its headcount.' },
    };
  },
  /** 员工年龄分布: the form's single row of shares, with the 合计 column. */
  'basics.staffing.ageDistribution': (f, get) => {
    const cols = leaves(f);
    const values = cols.map((c) => numAt(get, c.key));
    const present = values.filter((v): v is number => v !== undefined);
    return {
      columns: [{ zh: '年龄', en: 'Age' }, ...cols.map((c) => c.label), TOTAL],
      rows: [
        {
          label: { zh: '百分比 (%)', en: 'Share (%)' },
          cells: [...cols.map((c) => cellOf(c, get(c.key))), pct(present.length ? present.reduce((a, b) => a + b, 0) : undefined)],
        },
      ],
    };
  },
};

/** A file name cut after its separators, so a line breaks at "-", "_", "." or a space rather than mid-word. */
export function fileNameParts(name: string): string[] {
  return name.split(/(?<=[-_.\s·、，,（）()【】[\]])/u).filter((p) => p.length);
}

/** The entrant as the form names it: the first `names` path of the first section declaring names. */
function entrantName(registry: SectionRegistry, doc: SnapshotDocument): string | undefined {
  const def = registry.all().find((d) => d.names?.length);
  const name = def && getIn(doc.sections[def.key] ?? {}, def.names![0]);
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

/** The entrant's names as written on the form, in the order the sections declare them (`names`). */
function declaredNames(registry: SectionRegistry, doc: SnapshotDocument): string[] {
  return registry
    .all()
    .flatMap((def) => (def.names ?? []).map((path) => getIn(doc.sections[def.key] ?? {}, path)))
    .filter((n): n is string => typeof n === 'string' && n.trim().length > 0)
    .map((n) => n.trim());
}

function receiptConsent(def: SectionDefinition): string {
  const consent = def.fields.find((f) => f.key === 'consent');
  return consent ? consent.label.zh : '';
}

/** Names that identify the entrant, and their short forms without the legal suffix. */
export function identifyingNames(registry: SectionRegistry, doc: SnapshotDocument): string[] {
  const names = [doc.application.organisation.name, ...declaredNames(registry, doc)]
    .filter((n): n is string => typeof n === 'string' && n.trim().length >= 2)
    .map((n) => n.trim());
  const short = names
    .map((n) => n.replace(/(股份有限公司|有限责任公司|有限公司|集团|公司|客户服务中心|呼叫中心|中心)$/u, ''))
    .filter((n) => n.length >= 2);
  return [...new Set([...names, ...short])].sort((a, b) => b.length - a.length);
}

/** Blind copies: every occurrence of the entrant's names in free text becomes a marker. */
export function redactor(names: string[]): (s: string) => string {
  if (!names.length) return (s) => s;
  const pattern = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  return (s) => s.replace(pattern, '■■■');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export type { Chart };
