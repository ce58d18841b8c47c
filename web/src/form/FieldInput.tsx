/**
 * One field of the descriptor as an input. Generic by type; the specialised bits the issue asks
 * for (running totals of percentage groups, the pick-3 counter, the "other" box, essay counters,
 * uploads) are decided from the descriptor too, never from a field's key.
 */
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import type { FieldNode } from '../../../src/form/field-types';
import { formatNumber, groupDigits, parseGrouped } from '../format';
import { useT } from '../i18n';
import { AttachmentField } from './AttachmentField';
import { getPath, type Data } from './descriptor';
import { isKpiArea, KpiArea } from './KpiTable';
import { applyExclusive, ESSAY_MAX, problemOf, TEXT_MAX } from './validate';

export interface FieldContext {
  appId: string;
  section: string;
  data: Data;
  computed: Data;
  errors: Record<string, string>;
  /** Seal-time rules that fail (from completeness), by the path of the field that shows them. */
  ruleErrors?: Record<string, string>;
  editable: boolean;
  change: (path: string, value: unknown) => void;
}

export const fieldId = (section: string, path: string) => `f-${section}-${path.replace(/\./g, '-')}`;

/** Lengths as the server counts them: in code points (an emoji is one character). */
const codePoints = (s: string) => [...s].length;
const chosenOther = (v: unknown) => v === 'other' || (Array.isArray(v) && v.includes('other'));
/** A cleared value is removed (sent as null), never stored as "" or an empty list. */
const cleared = (v: unknown) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * A group whose members are groups of the same percentages (the contact mix: one row per channel,
 * one column per direction) is a table: its totals are per column, like the form's 合计 row.
 */
export function percentColumns(f: FieldNode): FieldNode[] | undefined {
  if (f.type !== 'group' || f.fields.length < 2) return undefined;
  const rows = f.fields;
  const first = rows[0];
  if (first.type !== 'group' || !first.fields.length || !first.fields.every((c) => c.type === 'percent')) return undefined;
  const keys = first.fields.map((c) => c.key).join('|');
  return rows.every((r) => r.type === 'group' && r.fields.map((c) => c.key).join('|') === keys) ? first.fields : undefined;
}

/** Typing searches what the applicant sees (the label), not the hidden code. */
const SEARCH_LABELS = { optionFilterProp: 'label' } as const;
const rounded = (n: number) => Math.round(n * 10) / 10;

/**
 * Accessible names: every control is named by its own visible label in the page's language,
 * preceded by the titles of the groups and rows it sits in (`context`: their element ids), so the
 * 24 KPI 目标 boxes, the three 学历分布 tables and list rows each say which one they are.
 */
// `--`: field ids join keys with single dashes, so these never collide with a field (contact.title)
const labelId = (id: string) => `${id}--label`;
const titleId = (id: string) => `${id}--title`;
const labelledBy = (context: string[], own: string) => [...context, own].join(' ');

export function Fields({
  fields,
  prefix,
  ctx,
  context = [],
  optional = false,
}: {
  fields: FieldNode[];
  prefix: string;
  ctx: FieldContext;
  context?: string[];
  /** An enclosing group is optional: nothing inside it is required (no star). */
  optional?: boolean;
}) {
  const seen = new Set<string>();
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  // a group led by a yes/no question (管理认证: answer, then items): the rest is its detail, asked only after 是
  const lead = fields.find((f) => f.type === 'boolean' && f.mustAnswer);
  const leadYes = lead ? getPath(ctx.data, at(lead.key)) === true : true;
  return (
    <>
      {fields.map((f) => {
        // one input per key, whatever the descriptor repeats (an id must be unique)
        if (seen.has(f.key)) return null;
        seen.add(f.key);
        const path = prefix ? `${prefix}.${f.key}` : f.key;
        // the "other" box appears only while 其他 is chosen
        if (f.type === 'text' && f.otherOf && !chosenOther(getPath(ctx.data, prefix ? `${prefix}.${f.otherOf}` : f.otherOf))) return null;
        if (lead && f !== lead && !leadYes) return null;
        const other = fields.find((o) => o.type === 'text' && o.otherOf === f.key);
        return (
          <FieldInput
            key={path}
            field={f}
            path={path}
            otherPath={other && (prefix ? `${prefix}.${other.key}` : other.key)}
            followers={f === lead ? fields.filter((x) => x !== lead).map((x) => at(x.key)) : undefined}
            ctx={ctx}
            context={context}
            optional={optional}
          />
        );
      })}
    </>
  );
}

function FieldInput({
  field: f,
  path,
  otherPath,
  followers,
  ctx,
  context,
  optional: insideOptional,
}: {
  field: FieldNode;
  path: string;
  otherPath?: string;
  /** A leading yes/no's detail fields: removed (sent as null) when the answer is no longer 是. */
  followers?: string[];
  ctx: FieldContext;
  context: string[];
  optional?: boolean;
}) {
  const { t, label, lang } = useT();
  const value = getPath(ctx.data, path);
  const id = fieldId(ctx.section, path);
  const set = (v: unknown) => {
    ctx.change(path, cleared(v) ? undefined : v);
    // the server refuses an "other" text once 其他 is no longer chosen: it goes with the choice
    if (otherPath && !chosenOther(v) && getPath(ctx.data, otherPath) !== undefined) ctx.change(otherPath, undefined);
    if (followers && v !== true) for (const p of followers) if (getPath(ctx.data, p) !== undefined) ctx.change(p, undefined);
  };
  // computed values are the server's, and an optional group's members are optional: no star
  const required = !f.optional && !insideOptional && f.type !== 'computed';
  const words = (f.type === 'yesno' || f.type === 'boolean') && f.answerWords;
  const yesWord = words ? label(words.yes) : t('yes');
  const noWord = words ? label(words.no) : t('no');
  const disabled = !ctx.editable;
  const problem = ctx.editable ? problemOf(f, value, label) : undefined;
  // the page's own finding first: the same rule as the server's, and current as the user types
  const error = (problem && t(problem.key, problem.vars)) ?? ctx.errors[path] ?? ctx.ruleErrors?.[path];
  const help = f.help ? label(f.help) : undefined;
  // the control's name: enclosing titles, then its own label (the span inside the <label>)
  const named = { 'aria-labelledby': labelledBy(context, labelId(id)) };
  const item = (input: React.ReactNode, extra?: React.ReactNode) => (
    <Form.Item
      label={<span id={labelId(id)}>{label(f.label)}</span>}
      htmlFor={id}
      required={required}
      validateStatus={error ? 'error' : undefined}
      help={error}
      extra={extra ?? help}
      style={{ marginBottom: 16 }}
    >
      {input}
    </Form.Item>
  );

  switch (f.type) {
    case 'group': {
      // KPIs (target, actual) as the form's table with the server's met and gap
      if (isKpiArea(f)) return <KpiArea field={f} path={path} ctx={ctx} />;
      const columns = percentColumns(f);
      if (columns) return <PercentTable field={f} columns={columns} path={path} id={id} ctx={ctx} context={context} optional={!required} />;
      const percentChildren = f.fields.filter((c) => c.type === 'percent');
      const sum =
        percentChildren.length > 1 && percentChildren.length === f.fields.length
          ? percentChildren.reduce((s, c) => s + (Number(getPath(ctx.data, `${path}.${c.key}`)) || 0), 0)
          : undefined;
      const ruleError = ctx.ruleErrors?.[path];
      return (
        <Card
          size="small"
          id={id}
          title={<span id={titleId(id)}>{label(f.label)}</span>}
          style={{ marginBottom: 16 }}
          role="group"
          aria-labelledby={labelledBy(context, titleId(id))}
          extra={
            sum === undefined ? undefined : (
              <Tag
                color={Math.abs(sum - 100) < 0.05 ? 'success' : 'orange'}
                aria-live="polite"
              >{`${t('total')} ${rounded(sum)}% / 100%`}</Tag>
            )
          }
        >
          {help && <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
          {ruleError && (
            <Typography.Paragraph type="danger" role="alert" className="rule-error">
              {ruleError}
            </Typography.Paragraph>
          )}
          <Fields fields={f.fields} prefix={path} ctx={ctx} context={[...context, titleId(id)]} optional={!required} />
        </Card>
      );
    }
    case 'list': {
      const rows = Array.isArray(value) ? (value as Data[]) : [];
      return (
        <Card
          size="small"
          id={id}
          title={<span id={titleId(id)}>{label(f.label)}</span>}
          style={{ marginBottom: 16 }}
          role="group"
          aria-labelledby={labelledBy(context, titleId(id))}
        >
          {rows.map((_, i) => (
            // each row is titled by its number, so its inputs and its delete button say which row
            <Card
              key={i}
              size="small"
              type="inner"
              style={{ marginBottom: 8 }}
              title={<span id={titleId(`${id}-${i}`)}>{`#${i + 1}`}</span>}
              role="group"
              aria-labelledby={labelledBy([...context, titleId(id)], titleId(`${id}-${i}`))}
              extra={
                !disabled && (
                  <Button
                    size="small"
                    danger
                    aria-describedby={labelledBy([titleId(id)], titleId(`${id}-${i}`))}
                    onClick={() => set(rows.filter((__, j) => j !== i))}
                  >
                    {t('removeRow')}
                  </Button>
                )
              }
            >
              <Fields fields={f.fields} prefix={`${path}.${i}`} ctx={ctx} context={[...context, titleId(id), titleId(`${id}-${i}`)]} />
            </Card>
          ))}
          {!disabled && rows.length < f.maxItems && (
            <Button aria-describedby={titleId(id)} onClick={() => set([...rows, {}])}>
              {t('addRow')}
            </Button>
          )}
        </Card>
      );
    }
    case 'essay':
      return item(
        <Input.TextArea
          id={id}
          {...named}
          disabled={disabled}
          value={(value as string) ?? ''}
          onChange={(e) => set(e.target.value)}
          count={{ show: true, max: f.max ?? ESSAY_MAX, strategy: codePoints }}
          autoSize={{ minRows: 4, maxRows: 16 }}
          aria-invalid={!!error}
        />,
      );
    case 'text':
    case 'email':
    case 'url':
    case 'phone':
    case 'postcode':
      return item(
        <Input
          id={id}
          {...named}
          disabled={disabled}
          value={(value as string) ?? ''}
          onChange={(e) => set(e.target.value)}
          type={f.type === 'email' ? 'email' : f.type === 'url' ? 'url' : f.type === 'phone' ? 'tel' : 'text'}
          inputMode={f.type === 'postcode' ? 'numeric' : undefined}
          aria-invalid={!!error}
          count={
            f.type === 'text' && codePoints(String(value ?? '')) > (f.max ?? TEXT_MAX) * 0.8
              ? { show: true, max: f.max ?? TEXT_MAX, strategy: codePoints }
              : undefined
          }
        />,
      );
    case 'date':
      return item(
        <Input id={id} {...named} type="date" disabled={disabled} value={(value as string) ?? ''} onChange={(e) => set(e.target.value)} />,
      );
    case 'int':
    case 'year':
    case 'decimal':
    case 'percent':
      return item(
        // no step arrows: the library names them "Increase Value"/"Decrease Value" whatever the page's language
        <InputNumber
          id={id}
          {...named}
          controls={false}
          disabled={disabled}
          value={(value as number) ?? null}
          onChange={(v) => set(v)}
          style={{ width: 200 }}
          // no min/max/precision: they would clamp 130 to 100 or round 33.33 without a word; what
          // was typed stays, and the field's rule (validate.ts) says what is wrong with it
          inputMode={f.type === 'int' || f.type === 'year' ? 'numeric' : 'decimal'}
          aria-invalid={!!error}
          // 8,600,000 rather than 8600000 (a year is not grouped)
          formatter={f.type === 'year' ? undefined : (v) => groupDigits(v)}
          parser={f.type === 'year' ? undefined : parseGrouped}
          addonAfter={f.type === 'percent' ? '%' : f.type === 'decimal' && f.unit ? label(f.unit) : undefined}
        />,
      );
    case 'choice':
      return item(
        <Select
          id={id}
          {...named}
          disabled={disabled}
          value={(value as string) ?? undefined}
          onChange={set}
          allowClear
          virtual={false}
          style={{ maxWidth: 480 }}
          showSearch={SEARCH_LABELS}
          options={f.options.map((o) => ({ value: o.code, label: label(o.label) }))}
        />,
      );
    case 'multi':
    case 'pick3': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      const limit = f.type === 'pick3' ? 3 : undefined;
      return item(
        <Select
          id={id}
          {...named}
          mode="multiple"
          virtual={false}
          disabled={disabled}
          value={chosen}
          showSearch={SEARCH_LABELS}
          onChange={(v: string[]) => set(limit ? v.slice(0, limit) : applyExclusive(f, chosen, v))}
          style={{ maxWidth: 640 }}
          options={f.options.map((o) => ({
            value: o.code,
            label: label(o.label),
            disabled: !!limit && chosen.length >= limit && !chosen.includes(o.code),
          }))}
        />,
        limit ? <span aria-live="polite">{`${t('picked')} ${chosen.length} / ${limit}`}</span> : help,
      );
    }
    case 'yesno': {
      const v = (value as { answer?: boolean; detail?: string }) ?? {};
      return item(
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            id={id}
            role="radiogroup"
            {...named}
            aria-required={required}
            disabled={disabled}
            value={v.answer}
            // 否: the 说明 goes with it (sent as null), it does not come back later
            onChange={(e) => set(e.target.value === true ? { ...v, answer: true } : { answer: false })}
          >
            <Radio value={true}>{yesWord}</Radio>
            <Radio value={false}>{noWord}</Radio>
          </Radio.Group>
          {v.answer === true && (
            <Input.TextArea
              aria-label={`${label(f.label)} — ${t('detail')}`}
              aria-describedby={context.join(' ') || undefined}
              placeholder={t('detail')}
              disabled={disabled}
              value={v.detail ?? ''}
              onChange={(e) => set({ ...v, detail: e.target.value || undefined })}
              maxLength={f.detailMax ?? 1000}
              showCount
              autoSize={{ minRows: 2 }}
            />
          )}
        </Space>,
      );
    }
    case 'boolean':
      // a question that must be answered (是否获取管理认证): 是 / 否, as the form asks it, not a checkbox
      if (f.mustAnswer)
        return item(
          <Radio.Group
            id={id}
            role="radiogroup"
            {...named}
            aria-required={required}
            disabled={disabled}
            value={typeof value === 'boolean' ? value : undefined}
            onChange={(e) => set(e.target.value)}
          >
            <Radio value={true}>{yesWord}</Radio>
            <Radio value={false}>{noWord}</Radio>
          </Radio.Group>,
        );
      return (
        <Form.Item validateStatus={error ? 'error' : undefined} help={error} style={{ marginBottom: 16 }}>
          <Checkbox
            id={id}
            aria-labelledby={labelledBy(context, labelId(id))}
            disabled={disabled}
            checked={value === true}
            onChange={(e) => set(e.target.checked)}
          >
            <span id={labelId(id)}>{label(f.label)}</span>
          </Checkbox>
        </Form.Item>
      );
    case 'attachment':
      // the stamped receipt is printed from the sealed dossier: in the draft its section says what
      // will happen (seal → print → stamp → upload), the upload itself is on the review page once sealed
      if (f.afterSeal && (ctx.editable || !Array.isArray(value) || !value.length))
        return (
          <Form.Item label={<span id={labelId(id)}>{label(f.label)}</span>} style={{ marginBottom: 16 }}>
            <Alert id={id} className="after-seal" type="info" showIcon message={t('receiptLater')} description={t('receiptLaterSteps')} />
          </Form.Item>
        );
      return item(
        <AttachmentField
          id={id}
          labelledBy={labelledBy(context, labelId(id))}
          appId={ctx.appId}
          kind={f.kind}
          ids={Array.isArray(value) ? (value as string[]) : []}
          max={f.max}
          disabled={disabled}
          onChange={set}
        />,
      );
    case 'computed': {
      const v = getPath(ctx.computed, path);
      return item(
        <Typography.Text id={id}>
          {v === undefined || v === null
            ? '—'
            : typeof v === 'boolean'
              ? v
                ? t('yes')
                : t('no')
              : typeof v === 'number'
                ? `${formatNumber(v, lang)}${f.valueType === 'percent' ? '%' : ''}`
                : String(v)}
        </Typography.Text>,
      );
    }
    default:
      return null;
  }
}

/**
 * The contact mix as the form prints it: one row per channel, one column per direction, and the
 * 合计 row that must read 100 % per column. Every cell keeps the id and rules of its own field.
 */
function PercentTable({
  field: f,
  columns,
  path,
  id,
  ctx,
  context,
  optional,
}: {
  field: FieldNode & { type: 'group' };
  columns: FieldNode[];
  path: string;
  id: string;
  ctx: FieldContext;
  context: string[];
  optional?: boolean;
}) {
  const { t, label } = useT();
  const rows = f.fields.filter((r): r is FieldNode & { type: 'group' } => r.type === 'group');
  const cell = (r: string, c: string) => `${path}.${r}.${c}`;
  const totals = columns.map((c) => rows.reduce((s, r) => s + (Number(getPath(ctx.data, cell(r.key, c.key))) || 0), 0));
  const ruleError = ctx.ruleErrors?.[path];
  const cellStyle: React.CSSProperties = { padding: '4px 6px', borderBottom: '1px solid #f0f0f0', textAlign: 'left' };
  return (
    <Card size="small" id={id} title={<span id={titleId(id)}>{label(f.label)}</span>} style={{ marginBottom: 16 }}>
      {f.help && <Typography.Paragraph type="secondary">{label(f.help)}</Typography.Paragraph>}
      {ruleError && (
        <Typography.Paragraph type="danger" role="alert" className="rule-error">
          {ruleError}
        </Typography.Paragraph>
      )}
      <table
        className="percent-table"
        aria-labelledby={titleId(id)}
        style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}
      >
        <thead>
          <tr>
            <td style={{ ...cellStyle, width: '30%' }} />
            {columns.map((c) => (
              <th key={c.key} scope="col" style={cellStyle}>
                {!optional && (
                  <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }} aria-hidden>
                    *
                  </span>
                )}
                <span id={`${id}--col-${c.key}`}>{label(c.label)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" id={`${id}--row-${r.key}`} style={{ ...cellStyle, fontWeight: 500 }}>
                {label(r.label)}
              </th>
              {columns.map((c) => {
                const p = cell(r.key, c.key);
                const value = getPath(ctx.data, p);
                const member = r.fields.find((m) => m.key === c.key) ?? c;
                const problem = ctx.editable ? problemOf(member, value, label) : undefined;
                const error = (problem && t(problem.key, problem.vars)) ?? ctx.errors[p];
                return (
                  <td key={c.key} style={cellStyle}>
                    <InputNumber
                      id={fieldId(ctx.section, p)}
                      aria-labelledby={labelledBy([...context, titleId(id), `${id}--row-${r.key}`], `${id}--col-${c.key}`)}
                      aria-invalid={!!error}
                      status={error ? 'error' : undefined}
                      disabled={!ctx.editable}
                      value={(value as number) ?? null}
                      inputMode="decimal"
                      controls={false}
                      style={{ width: '100%' }}
                      suffix="%"
                      onChange={(v) => ctx.change(p, cleared(v) ? undefined : v)}
                    />
                    {error && (
                      <div className="ant-form-item-explain-error" style={{ color: '#ff4d4f', fontSize: 12 }}>
                        {error}
                      </div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr aria-live="polite">
            <th scope="row" style={{ ...cellStyle, borderBottom: 'none' }}>
              {t('total')}
            </th>
            {columns.map((c, i) => (
              // 0 may be right (a direction the center does not serve); the seal check knows the mode
              <td key={c.key} style={{ ...cellStyle, borderBottom: 'none' }}>
                <Tag
                  data-total={c.key}
                  color={Math.abs(totals[i] - 100) < 0.05 ? 'success' : totals[i] === 0 ? 'default' : 'orange'}
                >{`${rounded(totals[i])}% / 100%`}</Tag>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}
