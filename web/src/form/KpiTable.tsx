/**
 * The KPI section as the form prints it: one table per category (运营关键指标, 运营支撑指标), a row
 * per indicator with its target, its actual and what the server computes from them — met and the
 * gap to target. At 390 px each indicator is a card instead. Decided from the descriptor: a group
 * whose members are groups of two numbers (target, actual) is such a table; its other members (the
 * "other indicators" list) follow it as usual.
 */
import { Card, Grid, InputNumber, Tag, Typography } from 'antd';
import type { FieldNode } from '../../../src/form/field-types';
import { formatNumber, groupDigits, parseGrouped } from '../format';
import { useT } from '../i18n';
import { getPath } from './descriptor';
import { fieldId, Fields, type FieldContext } from './FieldInput';
import { problemOf } from './validate';

type Group = FieldNode & { type: 'group' };
type Num = FieldNode & { type: 'decimal' };

/** A KPI: a group of exactly two decimals (target, actual). */
const isKpi = (f: FieldNode): f is Group => f.type === 'group' && f.fields.length === 2 && f.fields.every((c) => c.type === 'decimal');

/** A category of KPIs: a group whose members are KPIs, apart from lists (the other indicators). */
export const isKpiArea = (f: FieldNode): boolean =>
  f.type === 'group' && f.fields.some(isKpi) && f.fields.every((c) => isKpi(c) || c.type === 'list');

interface Evaluation {
  met?: boolean;
  gapPct?: number | null;
}

export function KpiArea({ field: f, path, ctx }: { field: Group; path: string; ctx: FieldContext }) {
  const { t, label, lang } = useT();
  const screens = Grid.useBreakpoint();
  const kpis = f.fields.filter(isKpi);
  const rest = f.fields.filter((c) => !isKpi(c));
  const [targetCol, actualCol] = kpis[0].fields as Num[];
  const id = fieldId(ctx.section, path);
  const titleId = `${id}--title`;

  const input = (kpi: Group, cell: Num, labelledBy: string) => {
    const p = `${path}.${kpi.key}.${cell.key}`;
    const value = getPath(ctx.data, p);
    const problem = ctx.editable ? problemOf(cell, value, label) : undefined;
    const error = ctx.errors[p] ?? (problem && t(problem.key, problem.vars)) ?? ctx.ruleErrors?.[p];
    return (
      <>
        <InputNumber
          id={fieldId(ctx.section, p)}
          aria-labelledby={labelledBy}
          aria-invalid={!!error}
          status={error ? 'error' : undefined}
          disabled={!ctx.editable}
          value={(value as number) ?? null}
          min={0}
          max={cell.max}
          inputMode="decimal"
          controls={false}
          formatter={(v) => groupDigits(v)}
          parser={parseGrouped}
          style={{ width: '100%', maxWidth: 180 }}
          suffix={cell.unit ? label(cell.unit) : undefined}
          onChange={(v) => ctx.change(p, v === null || v === undefined ? undefined : v)}
        />
        {error && (
          <div className="ant-form-item-explain-error" role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
            {error}
          </div>
        )}
      </>
    );
  };

  const result = (kpi: Group) => {
    const e = getPath(ctx.computed, `${path}.${kpi.key}`) as Evaluation | undefined;
    const met =
      e?.met === undefined ? (
        <span aria-label={t('kpiMet')}>—</span>
      ) : (
        <Tag color={e.met ? 'success' : 'red'} data-met={e.met}>
          {e.met ? t('kpiMetYes') : t('kpiMetNo')}
        </Tag>
      );
    const gap = e?.gapPct === undefined || e.gapPct === null ? '—' : `${e.gapPct > 0 ? '+' : ''}${formatNumber(e.gapPct, lang, 1)}%`;
    return { met, gap };
  };

  const cellStyle: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'left', verticalAlign: 'top' };

  return (
    <Card
      size="small"
      id={id}
      title={<span id={titleId}>{label(f.label)}</span>}
      style={{ marginBottom: 16 }}
      role="group"
      aria-labelledby={titleId}
    >
      {screens.md ? (
        <table className="kpi-table" aria-labelledby={titleId} style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cellStyle, width: '30%' }}>
                {t('kpiIndicator')}
              </th>
              <th scope="col" id={`${id}--col-target`} style={cellStyle}>
                {label(targetCol.label)}
              </th>
              <th scope="col" id={`${id}--col-actual`} style={cellStyle}>
                {label(actualCol.label)}
              </th>
              <th scope="col" style={cellStyle}>
                {t('kpiMet')}
              </th>
              <th scope="col" style={cellStyle}>
                {t('kpiGap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi) => {
              const rowId = `${id}--row-${kpi.key}`;
              const r = result(kpi);
              const [target, actual] = kpi.fields as Num[];
              return (
                <tr key={kpi.key} data-kpi={kpi.key} id={fieldId(ctx.section, `${path}.${kpi.key}`)}>
                  <th scope="row" style={{ ...cellStyle, fontWeight: 500 }}>
                    <span id={rowId}>{label(kpi.label)}</span>
                    {kpi.help && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 400 }}>
                        {label(kpi.help)}
                      </Typography.Text>
                    )}
                  </th>
                  <td style={cellStyle}>{input(kpi, target, `${titleId} ${rowId} ${id}--col-target`)}</td>
                  <td style={cellStyle}>{input(kpi, actual, `${titleId} ${rowId} ${id}--col-actual`)}</td>
                  <td style={cellStyle} className="kpi-met">
                    {r.met}
                  </td>
                  <td style={cellStyle} className="kpi-gap">
                    {r.gap}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        kpis.map((kpi) => {
          const rowId = `${id}--row-${kpi.key}`;
          const r = result(kpi);
          const [target, actual] = kpi.fields as Num[];
          return (
            <Card
              key={kpi.key}
              type="inner"
              size="small"
              data-kpi={kpi.key}
              id={fieldId(ctx.section, `${path}.${kpi.key}`)}
              style={{ marginBottom: 8 }}
              title={<span id={rowId}>{label(kpi.label)}</span>}
              extra={<span className="kpi-met">{r.met}</span>}
            >
              {kpi.help && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {label(kpi.help)}
                </Typography.Paragraph>
              )}
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
                <div>
                  <div id={`${rowId}--target`}>{label(target.label)}</div>
                  {input(kpi, target, `${titleId} ${rowId} ${rowId}--target`)}
                </div>
                <div>
                  <div id={`${rowId}--actual`}>{label(actual.label)}</div>
                  {input(kpi, actual, `${titleId} ${rowId} ${rowId}--actual`)}
                </div>
              </div>
              <Typography.Text type="secondary" className="kpi-gap" style={{ display: 'block', marginTop: 8 }}>
                {`${t('kpiGap')}: ${r.gap}`}
              </Typography.Text>
            </Card>
          );
        })
      )}
      <div style={{ marginTop: 12 }}>
        <Fields fields={rest} prefix={path} ctx={ctx} context={[titleId]} />
      </div>
    </Card>
  );
}
