/**
 * The entry as a judge reads it: the sealed sections, read-only, named by the form catalogue's
 * labels in the page's language (GET /api/form), the KPI areas as tables of target, actual, met
 * and gap, and the entry's files (under neutral names in blind rounds). What a blind round removed
 * is simply not there: nothing here names the entrant.
 */
import { Card, Grid, List, Tag, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { Reply } from '../api/client';
import { getPath, type Data, type FieldNode, type SectionDescriptor } from '../form/descriptor';
import { isKpiArea } from '../form/KpiTable';
import { formatNumber } from '../format';
import { useJudgeT } from './texts';

export type JudgeEntry = Reply<'JudgeEntryResponse'>;
type Attachment = Reply<'JudgeAttachmentResponse'>;
type Group = FieldNode & { type: 'group' };

export const sectionAnchor = (key: string) => `entry-section-${key}`;

const isKpi = (f: FieldNode): f is Group => f.type === 'group' && f.fields.length === 2 && f.fields.every((c) => c.type === 'decimal');
const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const chosenOther = (v: unknown) => v === 'other' || (Array.isArray(v) && v.includes('other'));

interface Ctx {
  entry: JudgeEntry;
  section: string;
  data: Data;
  computed: Data;
}

/** The sections `keys` (in the form's order) of the entry. */
export function EntrySections({ entry, form, keys }: { entry: JudgeEntry; form: SectionDescriptor[]; keys: string[] }) {
  const { label } = useJudgeT();
  const shown = form.filter((s) => keys.includes(s.key) && s.key in entry.sections);
  return (
    <>
      {shown.map((s) => (
        <Card
          key={s.key}
          id={sectionAnchor(s.key)}
          data-entry-section={s.key}
          size="small"
          tabIndex={-1}
          title={<h3 style={{ fontSize: 16, margin: 0 }}>{label(s.title)}</h3>}
          style={{ marginBottom: 16, scrollMarginTop: 16 }}
        >
          <ReadFields
            fields={s.fields}
            prefix=""
            ctx={{
              entry,
              section: s.key,
              data: (entry.sections[s.key] ?? {}) as Data,
              computed: (entry.computed[s.key] ?? {}) as Data,
            }}
          />
        </Card>
      ))}
    </>
  );
}

const rowStyle: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '2px 12px', padding: '6px 0', borderBottom: '1px solid #f0f0f0' };
const labelStyle: CSSProperties = { flex: '0 0 220px', maxWidth: '100%', fontWeight: 500 };
const valueStyle: CSSProperties = { flex: '1 1 240px', minWidth: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

function Row({ name, children, path }: { name: string; children: ReactNode; path: string }) {
  return (
    <div style={rowStyle} data-path={path}>
      <span style={labelStyle}>{name}</span>
      <span style={valueStyle}>{children}</span>
    </div>
  );
}

function ReadFields({ fields, prefix, ctx }: { fields: FieldNode[]; prefix: string; ctx: Ctx }) {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  return (
    <>
      {fields.map((f) => {
        // the "other" text only beside a choice of 其他
        if (f.type === 'text' && f.otherOf && !chosenOther(getPath(ctx.data, at(f.otherOf)))) return null;
        return <ReadField key={f.key} field={f} path={at(f.key)} ctx={ctx} />;
      })}
    </>
  );
}

function ReadField({ field: f, path, ctx }: { field: FieldNode; path: string; ctx: Ctx }) {
  const { t, j, label, lang } = useJudgeT();
  const value = getPath(ctx.data, path);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const number = (v: unknown, suffix = '') => (typeof v === 'number' ? `${formatNumber(v, lang)}${suffix}` : empty(v) ? dash : String(v));
  const optionLabel = (code: unknown) => {
    const o = 'options' in f ? f.options.find((x) => x.code === code) : undefined;
    return o ? label(o.label) : String(code);
  };
  switch (f.type) {
    case 'group':
      if (isKpiArea(f)) return <KpiRead field={f} path={path} ctx={ctx} />;
      return (
        <div style={{ margin: '8px 0' }} data-path={path}>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            {label(f.label)}
          </Typography.Text>
          <div style={{ paddingInlineStart: 12, borderInlineStart: '2px solid #f0f0f0' }}>
            <ReadFields fields={f.fields} prefix={path} ctx={ctx} />
          </div>
        </div>
      );
    case 'list': {
      const rows = Array.isArray(value) ? value : [];
      return (
        <div style={{ margin: '8px 0' }} data-path={path}>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            {label(f.label)}
          </Typography.Text>
          {rows.length === 0 ? (
            <div style={{ paddingInlineStart: 12 }}>{dash}</div>
          ) : (
            rows.map((_, i) => (
              <div key={i} style={{ paddingInlineStart: 12, borderInlineStart: '2px solid #f0f0f0', marginTop: 4 }}>
                <Typography.Text type="secondary">{j('rowN', { n: i + 1 })}</Typography.Text>
                <ReadFields fields={f.fields} prefix={`${path}.${i}`} ctx={ctx} />
              </div>
            ))
          )}
        </div>
      );
    }
    case 'choice':
      return (
        <Row name={label(f.label)} path={path}>
          {empty(value) ? dash : optionLabel(value)}
        </Row>
      );
    case 'multi':
    case 'pick3':
      return (
        <Row name={label(f.label)} path={path}>
          {empty(value) ? dash : (value as unknown[]).map(optionLabel).join(lang === 'zh' ? '、' : ', ')}
        </Row>
      );
    case 'yesno': {
      const v = value as { answer?: boolean; detail?: string } | undefined;
      const words = f.answerWords;
      const answer = v?.answer === undefined ? dash : v.answer ? (words ? label(words.yes) : t('yes')) : words ? label(words.no) : t('no');
      return (
        <Row name={label(f.label)} path={path}>
          {answer}
          {v?.detail ? `${lang === 'zh' ? '：' : ': '}${v.detail}` : null}
        </Row>
      );
    }
    case 'boolean': {
      const words = f.answerWords;
      return (
        <Row name={label(f.label)} path={path}>
          {typeof value !== 'boolean' ? dash : value ? (words ? label(words.yes) : t('yes')) : words ? label(words.no) : t('no')}
        </Row>
      );
    }
    case 'attachment': {
      const ids = Array.isArray(value) ? (value as string[]) : [];
      const files = ctx.entry.attachments.filter((a) => ids.includes(a.id));
      return (
        <Row name={label(f.label)} path={path}>
          {files.length ? <FileLinks entryId={ctx.entry.id} files={files} /> : dash}
        </Row>
      );
    }
    case 'computed': {
      const v = getPath(ctx.computed, path);
      return (
        <Row name={label(f.label)} path={path}>
          {typeof v === 'boolean' ? (v ? t('yes') : t('no')) : number(v, f.valueType === 'percent' ? '%' : '')}
        </Row>
      );
    }
    case 'int':
    case 'year':
      return (
        <Row name={label(f.label)} path={path}>
          {number(value)}
        </Row>
      );
    case 'decimal':
      return (
        <Row name={label(f.label)} path={path}>
          {number(value, f.unit ? ` ${label(f.unit)}` : '')}
        </Row>
      );
    case 'percent':
      return (
        <Row name={label(f.label)} path={path}>
          {number(value, '%')}
        </Row>
      );
    default:
      return (
        <Row name={label(f.label)} path={path}>
          {empty(value) ? dash : String(value)}
        </Row>
      );
  }
}

/** A KPI area as the form prints it, read-only: indicator, target, actual, met, gap. */
function KpiRead({ field: f, path, ctx }: { field: Group; path: string; ctx: Ctx }) {
  const { t, label, lang } = useJudgeT();
  const screens = Grid.useBreakpoint();
  const kpis = f.fields.filter(isKpi);
  const rest = f.fields.filter((c) => !isKpi(c));
  const [targetCol, actualCol] = kpis[0].fields;
  const cell: CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'left', verticalAlign: 'top' };
  const num = (v: unknown, unit?: { zh: string; en: string }) =>
    typeof v === 'number' ? `${formatNumber(v, lang)}${unit ? ` ${label(unit)}` : ''}` : '—';
  const result = (kpi: Group) => {
    const e = getPath(ctx.computed, `${path}.${kpi.key}`) as { met?: boolean; gapPct?: number | null } | undefined;
    const met = e?.met === undefined ? '—' : <Tag color={e.met ? 'success' : 'red'}>{e.met ? t('kpiMetYes') : t('kpiMetNo')}</Tag>;
    const gap = e?.gapPct === undefined || e.gapPct === null ? '—' : `${e.gapPct > 0 ? '+' : ''}${formatNumber(e.gapPct, lang, 1)}%`;
    return { met, gap };
  };
  const values = (kpi: Group) => {
    const [target, actual] = kpi.fields as Array<FieldNode & { type: 'decimal' }>;
    return {
      target: num(getPath(ctx.data, `${path}.${kpi.key}.${target.key}`), target.unit),
      actual: num(getPath(ctx.data, `${path}.${kpi.key}.${actual.key}`), actual.unit),
    };
  };
  return (
    <div style={{ margin: '8px 0' }} data-kpi-area={path}>
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        {label(f.label)}
      </Typography.Text>
      {screens.md ? (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {label(f.label)}
          </caption>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, width: '34%' }}>
                {t('kpiIndicator')}
              </th>
              <th scope="col" style={cell}>
                {label(targetCol.label)}
              </th>
              <th scope="col" style={cell}>
                {label(actualCol.label)}
              </th>
              <th scope="col" style={cell}>
                {t('kpiMet')}
              </th>
              <th scope="col" style={cell}>
                {t('kpiGap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi) => {
              const r = result(kpi);
              const v = values(kpi);
              return (
                <tr key={kpi.key} data-kpi={kpi.key}>
                  <th scope="row" style={{ ...cell, fontWeight: 500 }}>
                    {label(kpi.label)}
                  </th>
                  <td style={cell}>{v.target}</td>
                  <td style={cell}>{v.actual}</td>
                  <td style={cell}>{r.met}</td>
                  <td style={cell}>{r.gap}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        kpis.map((kpi) => {
          const r = result(kpi);
          const v = values(kpi);
          return (
            <div key={kpi.key} data-kpi={kpi.key} style={{ ...rowStyle, display: 'block' }}>
              <Typography.Text strong>{label(kpi.label)}</Typography.Text> {r.met}
              <div>
                {label(targetCol.label)}: {v.target}
              </div>
              <div>
                {label(actualCol.label)}: {v.actual}
              </div>
              <div>
                {t('kpiGap')}: {r.gap}
              </div>
            </div>
          );
        })
      )}
      <ReadFields fields={rest} prefix={path} ctx={ctx} />
    </div>
  );
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function FileLinks({ entryId, files }: { entryId: string; files: Attachment[] }) {
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 2 }}>
      {files.map((a) => (
        <a key={a.id} href={`/api/assignments/${entryId}/attachments/${a.id}`} target="_blank" rel="noreferrer" data-attachment={a.id}>
          {a.name} <span style={{ color: 'rgba(0,0,0,0.62)' }}>({sizeText(a.size)})</span>
        </a>
      ))}
    </span>
  );
}

/** Every file of the entry, by kind. */
export function EntryAttachments({ entry }: { entry: JudgeEntry }) {
  const { j, label } = useJudgeT();
  if (!entry.attachments.length) return <Typography.Text type="secondary">{j('noAttachments')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={entry.attachments}
      rowKey="id"
      renderItem={(a) => (
        <List.Item>
          <span>
            <Tag>{label(a.label)}</Tag>
            <FileLinks entryId={entry.id} files={[a]} />
          </span>
        </List.Item>
      )}
    />
  );
}
