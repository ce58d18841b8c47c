/**
 * The dossier as data: what the Handlebars templates print, built from a sealed snapshot and the
 * form descriptors (the only source of labels). Pure: no I/O, so the variants (applicant, staff,
 * judge, blind) are unit-tested here and the templates stay free of logic.
 */
import { expandFields } from '../../form/expanded-fields';
import type { FieldNode, Label, SectionData, SectionDefinition } from '../../form/field-types';
import { REQUIRED_KPIS } from '../../form/kpi-catalogue';
import type { SectionRegistry } from '../../form/section-registry';
import { basicsCharts, type Chart } from './dossier-charts';

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
  images?: Array<{ src: string; caption: string }>;
}

export interface KpiRow {
  area: Label;
  name: string;
  nameEn?: string;
  unit: string;
  target: string;
  actual: string;
  met: Label | null;
  metClass: string;
  gap: string;
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
}

export interface DossierView {
  variant: DossierVariant;
  blind: boolean;
  watermark?: string;
  cover: { cycleName: string; category: Label; entryCode: string; company?: string; sealedAt: string; sha256: string; variantLabel: Label };
  toc: Array<{ anchor: string; title: string }>;
  sections: SectionView[];
  receipt?: { consent: string; rows: FieldRow[]; entryCode: string; sha256: string; qrSvg: string; sealedAt: string };
  attachments: Array<{ anchor: string; index: number; kind: Label; name: string; sha256: string; size: string; appended: boolean; note?: Label }>;
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
  const redact = blind ? redactor(identifyingNames(doc)) : (s: string) => s;
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
    const hidden = blind ? def.identifying ?? [] : [];
    const ctx: RowContext = { data, computed: doc.computed[def.key] ?? {}, hidden, redact, attachmentsById, fileName };
    sections.push({
      key: def.key,
      anchor: `sec-${def.key}`,
      number: CHINESE_NUMBERS[sections.length] ?? String(sections.length + 1),
      title: def.title,
      partial: `section-${def.key}`,
      rows: fieldRows(expandFields(def.fields), ctx, '', 0),
      charts: def.key === 'basics' ? basicsCharts(def, data) : [],
      kpis: def.key === 'kpis' ? kpiRows(def, data, doc.computed.kpis ?? {}, redact) : [],
    });
  }

  const sealedAt = input.snapshot.sealedAt;
  const receipt =
    receiptDef && !blind
      ? {
          consent: `${receiptConsent(receiptDef)}（${doc.application.cycle.name}）`,
          rows: fieldRows(
            expandFields(receiptDef.fields).filter((f) => f.type !== 'attachment' && f.key !== 'consent'),
            { data: doc.sections[receiptDef.key] ?? {}, computed: {}, hidden: [], redact, attachmentsById, fileName },
            '',
            0,
          ),
          entryCode: doc.application.entryCode,
          sha256: input.snapshot.sha256,
          qrSvg: input.qrSvg,
          sealedAt,
        }
      : undefined;

  const cited = doc.attachments.filter((a) => a.kind !== 'stamped_receipt').map((a) => attachmentsById.get(a.id)).filter((a): a is DossierAttachment => !!a);
  const attachments = cited.map((a, i) => ({
    anchor: `att-${i + 1}`,
    index: i + 1,
    kind: ATTACHMENT_KIND_LABELS[a.kind] ?? { zh: a.kind, en: a.kind },
    name: fileName(a, i),
    sha256: a.sha256,
    size: formatBytes(a.size),
    appended: !!a.appendedPages,
    note: a.appendedPages ? undefined : a.dataUri ? { zh: '图片已嵌入正文', en: 'image shown in the dossier' } : a.contentType === 'application/pdf' ? (blind ? { zh: '匿名评审本不附原件', en: 'not included in blind copies' } : { zh: 'PDF 无法合并，请单独下载', en: 'PDF could not be merged; download it separately' }) : { zh: '请单独下载', en: 'download separately' },
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
      company: blind ? undefined : doc.application.organisation.name,
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
  data: SectionData;
  computed: SectionData;
  hidden: string[];
  redact: (s: string) => string;
  attachmentsById: Map<string, DossierAttachment>;
  fileName: (a: DossierAttachment, i: number) => string;
}

function fieldRows(fields: FieldNode[], ctx: RowContext, prefix: string, depth: number): FieldRow[] {
  const rows: FieldRow[] = [];
  const value = (path: string) => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), ctx.data);
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.key}` : f.key;
    if (isHidden(ctx.hidden, path)) {
      if (!prefix || !isHidden(ctx.hidden, prefix)) rows.push({ depth, heading: false, label: f.label, value: REDACTED });
      continue;
    }
    if (f.type === 'text' && f.otherOf) continue; // printed with its choice ("其他：…")
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
        images: files.filter((a) => a.dataUri).map((a, i) => ({ src: a.dataUri!, caption: ctx.fileName(a, i) })),
      });
      continue;
    }
    const raw = f.type === 'computed' ? getIn(ctx.computed, path) ?? value(path) : value(path);
    const other = value(`${path}Other`);
    const text = formatValue(f, raw, typeof other === 'string' ? other : undefined);
    rows.push({ depth, heading: false, label: f.label, value: text === undefined ? EMPTY : ctx.redact(text), empty: text === undefined, long: f.type === 'essay' || (f.type === 'yesno' && !!text && text.length > 40) });
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

function kpiRows(def: SectionDefinition, data: SectionData, computed: SectionData, redact: (s: string) => string): KpiRow[] {
  const fmt = (v: unknown) => (typeof v === 'number' ? String(v) : EMPTY);
  const result = (area: string, key: string) => getIn(computed, `${area}.${key}`) as { met?: boolean; gapPct?: number | null } | null | undefined;
  const row = (area: Label, name: string, nameEn: string | undefined, unit: string, target: unknown, actual: unknown, r: { met?: boolean; gapPct?: number | null } | null | undefined): KpiRow => ({
    area,
    name,
    nameEn,
    unit,
    target: fmt(target),
    actual: fmt(actual),
    met: r && typeof r.met === 'boolean' ? (r.met ? { zh: '达标', en: 'met' } : { zh: '未达标', en: 'not met' }) : null,
    metClass: r && typeof r.met === 'boolean' ? (r.met ? 'met' : 'missed') : '',
    gap: r && typeof r.gapPct === 'number' ? `${r.gapPct > 0 ? '+' : ''}${r.gapPct}%` : EMPTY,
  });
  const rows: KpiRow[] = [];
  for (const areaField of def.fields) {
    if (areaField.type !== 'group') continue;
    for (const k of REQUIRED_KPIS.filter((x) => x.key.startsWith(`${areaField.key}.`))) {
      const [, key] = k.key.split('.');
      rows.push(row(areaField.label, k.label.zh, k.label.en, k.unit.zh, getIn(data, `${k.key}.target`), getIn(data, `${k.key}.actual`), result(areaField.key, key)));
    }
    const others = getIn(data, `${areaField.key}.others`);
    if (Array.isArray(others)) {
      const results = getIn(computed, `${areaField.key}.others`);
      others.forEach((o: Record<string, unknown>, i) =>
        rows.push(row(areaField.label, redact(String(o?.name ?? EMPTY)), undefined, redact(String(o?.unit ?? '')), o?.target, o?.actual, Array.isArray(results) ? results[i] : undefined)),
      );
    }
  }
  return rows;
}

function receiptConsent(def: SectionDefinition): string {
  const consent = def.fields.find((f) => f.key === 'consent');
  return consent ? consent.label.zh : '';
}

/** Names that identify the entrant, and their short forms without the legal suffix. */
export function identifyingNames(doc: SnapshotDocument): string[] {
  const s = doc.sections;
  const names = [doc.application.organisation.name, getIn(s.basics ?? {}, 'enterprise.name'), getIn(s.basics ?? {}, 'center.name'), getIn(s.receipt ?? {}, 'unitName')]
    .filter((n): n is string => typeof n === 'string' && n.trim().length >= 2)
    .map((n) => n.trim());
  const short = names.map((n) => n.replace(/(股份有限公司|有限责任公司|有限公司|集团|公司|客户服务中心|呼叫中心|中心)$/u, '')).filter((n) => n.length >= 2);
  return [...new Set([...names, ...short])].sort((a, b) => b.length - a.length);
}

/** Blind copies: every occurrence of the entrant's names in free text becomes a marker. */
function redactor(names: string[]): (s: string) => string {
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
