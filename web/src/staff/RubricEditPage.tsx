/**
 * The rubric editor: the tree of groups (at most three levels) and criteria (scale, yes/no, dual
 * rate; weight; scale min/max/step; the form sections a judge reads, by their titles; the guidance
 * a judge sees, in both languages; a comment required at the ends of the scale; a maturity model's
 * core and innovation groups and its levels with their names and thresholds), added, removed and reordered, saved whole with PUT — the
 * server's warnings (weights not adding up, an unreachable maturity level) shown after, its errors
 * at their inputs and listed by label. Read-only, with the reason, once a round using it has opened.
 */
import { Alert, App, Button, Checkbox, ConfigProvider, Input, InputNumber, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ApiError, call, type Body, type Reply } from '../api/client';
import { formQuery, queryClient } from '../api/queries';
import { NotFound } from '../shell/NotFound';
import { errorText } from './errors';
import { rubricQuery, rubricsQuery, type Criterion, type Rubric, type RubricGroup, type RubricTree, type RubricWarning } from './queries';
import { describeRubricPath } from './rubric-paths';
import { WarningsAlert } from './RubricsPage';
import { useStaffT } from './texts';

const MAX_DEPTH = 3;
/** Inputs side by side, wrapping on a narrow screen. */
const ROW = { display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'flex-start' } as const;
const TYPES = ['scale', 'yesno', 'dual_rate'] as const;
const SCORINGS = ['weighted', 'points', 'yes_share'] as const;

/** A group's place: its index at each level (`[0, 2]` is tree.groups[0].groups[2]). */
type Loc = number[];
const groupPath = (loc: Loc) => `tree.${loc.map((i) => `groups.${i}`).join('.')}`;
const idOf = (path: string, member: string) => `rb-${path.replace(/^tree\./, '').replace(/\./g, '-')}-${member}`;

function groupAt(tree: RubricTree, loc: Loc): RubricGroup {
  let g = tree.groups[loc[0]];
  for (const i of loc.slice(1)) g = g.groups![i];
  return g;
}
/** The list that holds the group at `loc`. */
function siblingsOf(tree: RubricTree, loc: Loc): RubricGroup[] {
  return loc.length === 1 ? tree.groups : (groupAt(tree, loc.slice(0, -1)).groups ?? []);
}
function allKeys(tree: RubricTree): Set<string> {
  const keys = new Set<string>();
  const walk = (gs: RubricGroup[]) =>
    gs.forEach((g) => {
      keys.add(g.key);
      (g.criteria ?? []).forEach((c) => keys.add(c.key));
      walk(g.groups ?? []);
    });
  walk(tree.groups);
  return keys;
}
/** Criteria under a group, its sub-groups' included. */
const criteriaIn = (g: RubricGroup): number => (g.criteria?.length ?? 0) + (g.groups ?? []).reduce((n, x) => n + criteriaIn(x), 0);
/** The first of `key(1)`, `key(2)`, … not in `taken`. */
function unusedKey(taken: ReadonlySet<string>, key: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken.has(key(n))) return key(n);
}
const freshKey = (tree: RubricTree, prefix: string): string => unusedKey(allKeys(tree), (n) => `${prefix}_${n}`);
const swap = <T,>(list: T[], i: number, j: number) => {
  if (j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j], list[i]];
};

interface EditorCtx {
  tree: RubricTree;
  edit: (change: (t: RubricTree) => void) => void;
  errorAt: (path: string, withChildren?: boolean) => string | undefined;
  readOnly: boolean;
  sectionOptions: { value: string; label: string }[];
  collapsed: Set<string>;
  toggle: (key: string) => void;
}
const Ctx = createContext<EditorCtx | null>(null);
const useEditor = () => useContext(Ctx)!;

export function RubricEditPage() {
  const { id = '' } = useParams();
  const rubric = useQuery(rubricQuery(id));
  const list = useQuery(rubricsQuery);
  if (rubric.isError) return <NotFound />;
  if (!rubric.data || list.isLoading) return <Skeleton active />;
  return <RubricEditor key={id} rubric={rubric.data} summary={list.data?.find((r) => r.id === id)} />;
}

function RubricEditor({ rubric, summary }: { rubric: Rubric; summary?: Reply<'RubricSummaryResponse'> }) {
  const { s, lang, label } = useStaffT();
  const { message } = App.useApp();
  const location = useLocation();
  const form = useQuery(formQuery);
  const [name, setName] = useState(rubric.name);
  const [tree, setTree] = useState<RubricTree>(() => structuredClone(rubric.tree));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<RubricWarning[] | null>((location.state as { warnings?: RubricWarning[] } | null)?.warnings ?? null);
  const [busy, setBusy] = useState(false);
  const criteriaCount = useMemo(() => allKeys(rubric.tree).size, [rubric.tree]);
  const [collapsed, setCollapsed] = useState<Set<string>>(() =>
    criteriaCount > 40 ? new Set(rubric.tree.groups.map((g) => g.key)) : new Set(),
  );
  const lockedBy = summary?.rounds.find((r) => r.state !== 'draft');
  const readOnly = !!lockedBy;

  const ctx: EditorCtx = {
    tree,
    readOnly,
    edit: (change) => {
      const next = structuredClone(tree);
      change(next);
      setTree(next);
    },
    errorAt: (path, withChildren = false) =>
      errors[path] ?? (withChildren ? Object.entries(errors).find(([p]) => p.startsWith(`${path}.`))?.[1] : undefined),
    sectionOptions: (form.data ?? []).map((x) => ({ value: x.key, label: label(x.title) })),
    collapsed,
    toggle: (key) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const body = { name, tree } as Body<'UpdateRubricDto'>;
      const { body: answer } = await call<Reply<'RubricCreatedResponse'>>('PUT', `/api/rubrics/${rubric.id}`, { body });
      setSaved(answer.warnings);
      message.success(s('saved'));
      queryClient.setQueryData(rubricQuery(rubric.id).queryKey, { id: rubric.id, name, tree });
      void queryClient.invalidateQueries({ queryKey: ['staff', 'rubrics'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.body.details?.length) {
        setErrors(Object.fromEntries(e.body.details.map((d) => [d.path, d.message])));
        setProblem(null);
      } else setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const errorList = Object.entries(errors).map(([p, m]) => `${describeRubricPath(tree, p, lang, s)}：${m}`);
  const warnings = saved ?? summary?.warnings ?? [];
  return (
    <Ctx.Provider value={ctx}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Link to="/staff/rubrics">{s('rubrics')}</Link>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {`${s('editRubric')} · ${rubric.name}`}
        </Typography.Title>
        {lockedBy && <Alert type="info" showIcon id="rubric-locked" message={s('rubricLocked', { round: lockedBy.name })} />}
        <WarningsAlert warnings={warnings} title={saved ? s('warningsSaved') : s('warnings')} id="rubric-warnings" />
        {problem && <Alert type="error" showIcon role="alert" message={problem} id="rubric-error" />}
        {errorList.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            id="rubric-errors"
            message={s('errorsAt')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {errorList.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            }
          />
        )}
        <ConfigProvider componentDisabled={readOnly}>
          <div style={ROW}>
            <Field id="rubric-edit-name" label={s('rubricName')} error={errors.name}>
              {(a) => (
                <Input
                  {...a}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={200}
                  style={{ width: 320, maxWidth: '100%' }}
                />
              )}
            </Field>
            <Field id="rubric-edit-scoring" label={s('scoring')} error={errors['tree.scoring']}>
              {(a) => (
                <Select
                  {...a}
                  value={tree.scoring}
                  style={{ width: 240 }}
                  onChange={(v: RubricTree['scoring']) => ctx.edit((t) => void (t.scoring = v))}
                  options={SCORINGS.map((k) => ({ value: k, label: s(`scoring_${k}`) }))}
                />
              )}
            </Field>
          </div>
          {tree.maturity && <MaturityEditor maturity={tree.maturity} />}
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12, marginTop: 12 }}>
            {tree.groups.map((g, i) => (
              <GroupEditor key={i} group={g} loc={[i]} />
            ))}
          </div>
          {!readOnly && (
            <Space wrap style={{ marginTop: 12 }}>
              <Button
                id="rubric-add-group"
                onClick={() =>
                  ctx.edit((t) =>
                    t.groups.push({
                      key: freshKey(t, 'group'),
                      label: { zh: s('newGroupName'), en: s('newGroupNameEn') },
                      criteria: [newCriterion(t, s)],
                    }),
                  )
                }
              >
                {s('addGroup')}
              </Button>
              <Button type="primary" id="rubric-save" loading={busy} onClick={() => void save()}>
                {s('saveRubric')}
              </Button>
            </Space>
          )}
        </ConfigProvider>
      </Space>
    </Ctx.Provider>
  );
}

function newCriterion(t: RubricTree, s: ReturnType<typeof useStaffT>['s']): Criterion {
  return {
    key: freshKey(t, 'criterion'),
    label: { zh: s('newCriterionName'), en: s('newCriterionNameEn') },
    weight: 0,
    type: t.scoring === 'yes_share' ? 'yesno' : 'scale',
    ...(t.scoring === 'yes_share' ? {} : { min: 0, max: 10, step: 1 }),
    sections: [],
  };
}

/** A labelled input with its error under it (the input gets the id, aria-invalid and aria-describedby). */
function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: (a: { id: string; status?: 'error'; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, maxWidth: '100%' }}>
      <label htmlFor={id} style={{ fontSize: 13 }}>
        {label}
      </label>
      {children(error ? { id, status: 'error', 'aria-invalid': true, 'aria-describedby': `${id}-error` } : { id })}
      {error && (
        <div id={`${id}-error`} style={{ color: '#cf1322', fontSize: 13 }}>
          {error}
        </div>
      )}
    </div>
  );
}

/** A number in a Field; an emptied input is `null`. */
function NumberField(props: {
  id: string;
  label: string;
  error?: string;
  value: number | null;
  onChange: (v: number | null) => void;
  width?: number;
  min?: number;
  max?: number;
  precision?: number;
}) {
  const { id, label, error, value, onChange, width = 100, min, max, precision } = props;
  return (
    <Field id={id} label={label} error={error}>
      {(a) => (
        <InputNumber
          controls={false}
          {...a}
          value={value}
          min={min}
          max={max}
          precision={precision}
          style={{ width }}
          onChange={(v) => onChange(v === null ? null : Number(v))}
        />
      )}
    </Field>
  );
}

function LabelInputs({
  path,
  node,
  onChange,
}: {
  path: string;
  node: { key: string; label: { zh: string; en: string } };
  onChange: (c: (n: { key: string; label: { zh: string; en: string } }) => void) => void;
}) {
  const { s } = useStaffT();
  const { errorAt } = useEditor();
  return (
    <>
      <Field id={idOf(path, 'zh')} label={s('labelZh')} error={errorAt(`${path}.label.zh`) ?? errorAt(`${path}.label`)}>
        {(a) => (
          <Input
            {...a}
            value={node.label.zh}
            onChange={(e) => onChange((n) => void (n.label.zh = e.target.value))}
            style={{ width: 240, maxWidth: '100%' }}
          />
        )}
      </Field>
      <Field id={idOf(path, 'en')} label={s('labelEn')} error={errorAt(`${path}.label.en`)}>
        {(a) => (
          <Input
            {...a}
            value={node.label.en}
            onChange={(e) => onChange((n) => void (n.label.en = e.target.value))}
            style={{ width: 240, maxWidth: '100%' }}
          />
        )}
      </Field>
      <Field id={idOf(path, 'key')} label={s('key')} error={errorAt(`${path}.key`)}>
        {(a) => <Input {...a} value={node.key} onChange={(e) => onChange((n) => void (n.key = e.target.value))} style={{ width: 140 }} />}
      </Field>
    </>
  );
}

function MoveButtons({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { s } = useStaffT();
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <Space size={4} wrap>
      <Button size="small" disabled={index === 0} aria-label={s('moveUpNamed', { name })} onClick={() => onMove(-1)}>
        {s('moveUp')}
      </Button>
      <Button size="small" disabled={index === count - 1} aria-label={s('moveDownNamed', { name })} onClick={() => onMove(1)}>
        {s('moveDown')}
      </Button>
      <Button size="small" danger aria-label={s('removeNamed', { name })} onClick={onRemove}>
        {s('remove')}
      </Button>
    </Space>
  );
}

function GroupEditor({ group, loc }: { group: RubricGroup; loc: Loc }) {
  const { s, label } = useStaffT();
  const ed = useEditor();
  const path = groupPath(loc);
  const depth = loc.length;
  const index = loc[loc.length - 1];
  const count = siblingsOf(ed.tree, loc).length;
  const open = !ed.collapsed.has(group.key);
  const name = label(group.label) || group.key;
  const change = (c: (g: RubricGroup) => void) => ed.edit((t) => c(groupAt(t, loc)));
  const own = ed.errorAt(path);
  const leaves = group.criteria ?? [];
  const subgroups = group.groups ?? [];
  return (
    <div
      role="group"
      aria-label={`${s('group')} ${name}`}
      data-group={group.key}
      style={{
        border: '1px solid #f0f0f0',
        borderInlineStart: `3px solid ${depth === 1 ? '#1677ff' : depth === 2 ? '#69b1ff' : '#91caff'}`,
        borderRadius: 8,
        padding: depth === 1 ? 12 : 10,
        background: '#fff',
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
          marginBottom: open ? 12 : 0,
        }}
      >
        <Space wrap size={8}>
          <Button
            size="small"
            type="text"
            aria-expanded={open}
            aria-controls={open ? idOf(path, 'body') : undefined}
            onClick={() => ed.toggle(group.key)}
            style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            <span style={{ fontWeight: 600 }}>{`${s('group')} · ${name}`}</span>
          </Button>
          <Tag>{s('levelN', { n: depth })}</Tag>
          <Tag>{s('itemsN', { n: criteriaIn(group) })}</Tag>
        </Space>
        <MoveButtons
          name={name}
          index={index}
          count={count}
          onMove={(d) => ed.edit((t) => swap(siblingsOf(t, loc), index, index + d))}
          onRemove={() =>
            ed.edit((t) => {
              siblingsOf(t, loc).splice(index, 1);
              // a removed top-level group no longer counts as core or innovation
              if (loc.length === 1 && t.maturity)
                for (const k of ['coreGroups', 'innovationGroups'] as const) t.maturity[k] = t.maturity[k].filter((g) => g !== group.key);
            })
          }
        />
      </div>
      {own && <Alert type="error" showIcon message={own} style={{ marginBottom: 8 }} />}
      {open && (
        <div id={idOf(path, 'body')} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <div style={ROW}>
            <LabelInputs path={path} node={group} onChange={(c) => change((g) => c(g))} />
          </div>
          {leaves.map((c, i) => (
            <CriterionEditor key={i} criterion={c} loc={loc} index={i} count={leaves.length} />
          ))}
          {subgroups.map((g, i) => (
            <GroupEditor key={i} group={g} loc={[...loc, i]} />
          ))}
          {!ed.readOnly && (
            <Space wrap>
              <Button size="small" onClick={() => change((g) => void (g.criteria = [...(g.criteria ?? []), newCriterion(ed.tree, s)]))}>
                {`${s('addCriterion')}`}
              </Button>
              {depth < MAX_DEPTH && (
                <Button
                  size="small"
                  onClick={() =>
                    ed.edit((t) => {
                      const g = groupAt(t, loc);
                      g.groups = [
                        ...(g.groups ?? []),
                        {
                          key: freshKey(t, 'group'),
                          label: { zh: s('newGroupName'), en: s('newGroupNameEn') },
                          criteria: [newCriterion(t, s)],
                        },
                      ];
                    })
                  }
                >
                  {s('addSubgroup')}
                </Button>
              )}
            </Space>
          )}
        </div>
      )}
    </div>
  );
}

function CriterionEditor({ criterion: c, loc, index, count }: { criterion: Criterion; loc: Loc; index: number; count: number }) {
  const { s, label } = useStaffT();
  const ed = useEditor();
  const path = `${groupPath(loc)}.criteria.${index}`;
  const change = (f: (x: Criterion) => void) => ed.edit((t) => f(groupAt(t, loc).criteria![index]));
  const name = label(c.label) || c.key;
  const num = (member: 'weight' | 'min' | 'max' | 'step', width = 100, extra: { min?: number; max?: number } = {}) => (
    <NumberField
      id={idOf(path, member)}
      label={s(member)}
      error={ed.errorAt(`${path}.${member}`)}
      value={c[member] ?? null}
      width={width}
      {...extra}
      onChange={(v) =>
        change((x) => {
          if (member === 'weight') x.weight = v ?? 0;
          else if (v === null) delete x[member];
          else x[member] = v;
        })
      }
    />
  );
  return (
    <div
      role="group"
      aria-label={`${s('criterion')} ${name}`}
      data-criterion={c.key}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, background: '#fafafa' }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Text strong>{`${s('criterion')} · ${name}`}</Typography.Text>
        <MoveButtons
          name={name}
          index={index}
          count={count}
          onMove={(d) => ed.edit((t) => swap(groupAt(t, loc).criteria!, index, index + d))}
          onRemove={() => ed.edit((t) => void groupAt(t, loc).criteria!.splice(index, 1))}
        />
      </div>
      <div style={ROW}>
        <LabelInputs path={path} node={c} onChange={(f) => change((x) => f(x))} />
        <Field id={idOf(path, 'type')} label={s('type')} error={ed.errorAt(`${path}.type`)}>
          {(a) => (
            <Select
              {...a}
              value={c.type}
              style={{ width: 160 }}
              options={TYPES.map((k) => ({ value: k, label: s(`type_${k}`) }))}
              onChange={(v: Criterion['type']) =>
                change((x) => {
                  x.type = v;
                  if (v === 'scale') Object.assign(x, { min: x.min ?? 0, max: x.max ?? 10, step: x.step ?? 1 });
                  else for (const k of ['min', 'max', 'step'] as const) delete x[k];
                })
              }
            />
          )}
        </Field>
        {num('weight', 100, { min: 0, max: 1000 })}
        {c.type === 'scale' && (
          <>
            {num('min', 90)}
            {num('max', 90)}
            {num('step', 90, { min: 0 })}
          </>
        )}
        <Field id={idOf(path, 'sections')} label={s('sections')} error={ed.errorAt(`${path}.sections`, true)}>
          {(a) => (
            <Select
              {...a}
              mode="multiple"
              value={c.sections}
              style={{ width: 300, maxWidth: '100%' }}
              options={ed.sectionOptions}
              optionFilterProp="label"
              onChange={(v: Criterion['sections']) => change((x) => void (x.sections = v))}
            />
          )}
        </Field>
      </div>
      <div style={{ ...ROW, marginTop: 8 }}>
        {(['zh', 'en'] as const).map((lang) => (
          <Field
            key={lang}
            id={idOf(path, `guidance-${lang}`)}
            label={s(lang === 'zh' ? 'guidanceZh' : 'guidanceEn')}
            error={ed.errorAt(`${path}.guidance.${lang}`) ?? (lang === 'zh' ? ed.errorAt(`${path}.guidance`) : undefined)}
          >
            {(a) => (
              <Input.TextArea
                {...a}
                value={c.guidance?.[lang] ?? ''}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                style={{ width: 420, maxWidth: '100%' }}
                onChange={(e) =>
                  change((x) => {
                    // both languages or neither (the server says which one is missing)
                    const g = { zh: x.guidance?.zh ?? '', en: x.guidance?.en ?? '', [lang]: e.target.value };
                    if (!g.zh && !g.en) delete x.guidance;
                    else x.guidance = g;
                  })
                }
              />
            )}
          </Field>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s('guidanceHelp')}
      </Typography.Text>
      <br />
      <Checkbox
        id={idOf(path, 'extremes')}
        style={{ marginTop: 8 }}
        checked={!!c.commentRequiredAtExtremes}
        onChange={(e) =>
          change((x) => {
            if (e.target.checked) x.commentRequiredAtExtremes = true;
            else delete x.commentRequiredAtExtremes;
          })
        }
      >
        {s('commentAtExtremes')}
      </Checkbox>
    </div>
  );
}

type Maturity = NonNullable<RubricTree['maturity']>;
type Level = Maturity['levels'][number];

/** A level key not yet used: L1, L2, … */
const freshLevelKey = (m: Maturity): string => unusedKey(new Set(m.levels.map((l) => l.key)), (n) => `L${n}`);

/**
 * The maturity model (CC-CMM): which top-level groups count as core and as innovation, and the
 * levels, lowest first (each also requires the one before), with their names and thresholds. Errors
 * at their inputs.
 */
function MaturityEditor({ maturity }: { maturity: Maturity }) {
  const { s, label } = useStaffT();
  const ed = useEditor();
  const groupOptions = ed.tree.groups.map((g) => ({ value: g.key, label: label(g.label) || g.key }));
  const groupsField = (k: 'coreGroups' | 'innovationGroups') => {
    const path = `tree.maturity.${k}`;
    const error = ed.errorAt(path) ?? maturity[k].map((_, i) => ed.errorAt(`${path}.${i}`)).find(Boolean);
    return (
      <div id={k === 'coreGroups' ? 'rubric-core-groups' : 'rubric-innovation-groups'} style={{ maxWidth: '100%' }}>
        <Field id={idOf(path, 'select')} label={s(k)} error={error}>
          {(a) => (
            <Select
              {...a}
              mode="multiple"
              value={maturity[k]}
              options={groupOptions}
              onChange={(v: string[]) => ed.edit((t) => void (t.maturity![k] = v))}
              style={{ width: 360, maxWidth: '100%' }}
            />
          )}
        </Field>
      </div>
    );
  };
  return (
    <section aria-labelledby="rubric-maturity-title" style={{ marginTop: 12 }}>
      <Typography.Title level={5} id="rubric-maturity-title" style={{ marginBottom: 4 }}>
        {s('maturity')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {s('maturityHelp')}
      </Typography.Paragraph>
      <div style={{ ...ROW, marginBottom: 12 }}>
        {groupsField('coreGroups')}
        {groupsField('innovationGroups')}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {maturity.levels.map((level, i) => {
          const path = `tree.maturity.levels.${i}`;
          const change = (f: (l: Level) => void) => ed.edit((t) => f(t.maturity!.levels[i]));
          const share = (part: 'core' | 'innovation', rate: 'c' | 'f') => (
            <NumberField
              key={`${part}-${rate}`}
              id={idOf(path, `${part}-${rate}`)}
              label={s(`${part}${rate === 'c' ? 'C' : 'F'}`)}
              error={ed.errorAt(`${path}.${part}.${rate}`) ?? ed.errorAt(`${path}.${part}`)}
              value={level[part]?.[rate] ?? null}
              width={120}
              min={0}
              max={100}
              onChange={(v) =>
                change((l) => {
                  // both rates or neither: one left empty is refused at its input by the server
                  const next = { c: l[part]?.c, f: l[part]?.f, [rate]: v ?? undefined };
                  if (next.c === undefined && next.f === undefined) delete l[part];
                  else l[part] = next as { c: number; f: number };
                })
              }
            />
          );
          return (
            <div
              key={i}
              role="group"
              aria-label={s('levelTitle', { key: level.key })}
              data-level={level.key}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, background: '#fafafa' }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                <Typography.Text strong>{s('levelTitle', { key: level.key })}</Typography.Text>
                {maturity.levels.length > 1 && (
                  <MoveButtons
                    name={label(level.label) || level.key}
                    index={i}
                    count={maturity.levels.length}
                    onMove={(d) => ed.edit((t) => swap(t.maturity!.levels, i, i + d))}
                    onRemove={() => ed.edit((t) => void t.maturity!.levels.splice(i, 1))}
                  />
                )}
              </div>
              <div style={{ ...ROW, marginTop: 8 }}>
                <LabelInputs path={path} node={level} onChange={(f) => change((l) => f(l))} />
              </div>
              <div style={{ ...ROW, marginTop: 8 }}>
                {share('core', 'c')}
                {share('core', 'f')}
                {share('innovation', 'c')}
                {share('innovation', 'f')}
                <NumberField
                  id={idOf(path, 'minTotal')}
                  label={s('minTotal')}
                  error={ed.errorAt(`${path}.minTotal`)}
                  value={level.minTotal}
                  width={120}
                  min={0}
                  onChange={(v) => change((l) => void (l.minTotal = v ?? 0))}
                />
                <NumberField
                  id={idOf(path, 'minYearsOperating')}
                  label={s('minYearsOperating')}
                  error={ed.errorAt(`${path}.minYearsOperating`)}
                  value={level.minYearsOperating ?? null}
                  width={120}
                  min={0}
                  precision={0}
                  onChange={(v) =>
                    change((l) => {
                      if (v === null) delete l.minYearsOperating;
                      else l.minYearsOperating = v;
                    })
                  }
                />
              </div>
            </div>
          );
        })}
      </div>
      {!ed.readOnly && (
        <Button
          id="rubric-add-level"
          size="small"
          style={{ marginTop: 8 }}
          onClick={() =>
            ed.edit((t) => {
              const m = t.maturity!;
              const top = m.levels[m.levels.length - 1];
              m.levels.push({
                key: freshLevelKey(m),
                label: { zh: s('newLevelName'), en: s('newLevelNameEn') },
                minTotal: top?.minTotal ?? 0,
              });
            })
          }
        >
          {s('addLevel')}
        </Button>
      )}
    </section>
  );
}
