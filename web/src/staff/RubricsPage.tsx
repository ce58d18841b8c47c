/**
 * Rubrics: the list (criteria, maximum, warnings, the rounds using each), a new rubric from one of
 * the presets, an import of an exported JSON file (errors named by the editor's labels, warnings
 * shown) and the export of each as JSON.
 */
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ApiError, post, type Body, type Reply } from '../api/client';
import { queryClient } from '../api/queries';
import { errorText, showAtFields } from './errors';
import { presetsQuery, rubricsQuery, type RubricSummary, type RubricWarning } from './queries';
import { describeRubricPath } from './rubric-paths';
import { useStaffT } from './texts';

type Created = Reply<'RubricCreatedResponse'>;

/** The server's warnings, one line each (each holds Chinese and English: the page's language is kept). */
export function warningText(w: RubricWarning, lang: 'zh' | 'en'): string {
  const [zh, en] = w.message.split(' / ');
  return (lang === 'zh' ? zh : en) ?? w.message;
}

export function WarningsAlert({ warnings, title, id }: { warnings: RubricWarning[]; title: string; id?: string }) {
  const { lang } = useStaffT();
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      id={id}
      message={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w, i) => (
            <li key={i} data-warning={w.code}>
              {warningText(w, lang)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** A 400 on a tree: each detail named by the labels along its path. */
export function treeErrors(e: unknown, tree: unknown, lang: 'zh' | 'en', s: ReturnType<typeof useStaffT>['s']): string[] | null {
  if (!(e instanceof ApiError) || e.status !== 400 || !e.body.details?.length) return null;
  return e.body.details.map((d) => `${describeRubricPath(tree, d.path, lang, s)}：${d.message}`);
}

export function RubricsPage() {
  const { s, lang } = useStaffT();
  const { data, isLoading } = useQuery(rubricsQuery);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s('rubrics')}
      </Typography.Title>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'stretch' }}>
        <NewRubricCard />
        <ImportCard />
      </div>
      <Table<RubricSummary>
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: s('noRubrics') }}
        columns={[
          {
            title: s('rubricName'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 2 }}>
                <Link to={`/staff/rubrics/${r.id}`} data-rubric={r.id}>
                  {name}
                </Link>
                {r.presetKey && <Tag>{`${s('presetBuilt')} ${r.presetKey}`}</Tag>}
              </div>
            ),
          },
          { title: `${s('criteriaCount')} / ${s('maxTotal')}`, key: 'size', render: (_, r) => `${r.criteria} / ${r.maxTotal}` },
          {
            title: s('warnings'),
            key: 'warnings',
            width: 300,
            render: (_, r) =>
              r.warnings.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 16, minWidth: 220 }}>
                  {r.warnings.map((w, i) => (
                    <li key={i}>{warningText(w, lang)}</li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
          },
          {
            title: s('usedBy'),
            key: 'rounds',
            render: (_, r) =>
              r.rounds.length
                ? r.rounds.map((x) => (
                    <Tag key={x.id} color={x.state === 'draft' ? undefined : 'geekblue'}>
                      <Link to={`/staff/rounds/${x.id}`}>{`${x.name} · ${s(`roundState_${x.state}` as 'roundState_draft')}`}</Link>
                    </Tag>
                  ))
                : s('notUsed'),
          },
          {
            title: '',
            key: 'export',
            render: (_, r) => (
              <Space>
                <Link to={`/staff/rubrics/${r.id}`}>{s('edit')}</Link>
                <a href={`/api/rubrics/${r.id}`} download={`${r.name}.json`} data-export={r.id}>
                  {s('exportJson')}
                </a>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function NewRubricCard() {
  const { s, lang } = useStaffT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ name: string; preset: string }>();
  const presets = useQuery(presetsQuery);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (v: { name: string; preset: string }) => {
    setBusy(true);
    setError(null);
    try {
      const body = { name: v.name, preset: v.preset } as Body<'CreateRubricDto'>;
      const created = await post<Created>('/api/rubrics', body);
      message.success(s('created'));
      void queryClient.invalidateQueries({ queryKey: ['staff', 'rubrics'] });
      navigate(`/staff/rubrics/${created.id}`, { state: { warnings: created.warnings } });
    } catch (e) {
      setError(showAtFields(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{s('newRubric')}</h3>} style={{ flex: '1 1 320px' }}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} initialValues={{ preset: 'top-ten-default', name: '' }}>
        <Form.Item name="preset" label={s('preset')} htmlFor="rubric-preset" rules={[{ required: true, message: s('required') }]}>
          <Select
            id="rubric-preset"
            options={(presets.data ?? []).map((p) => ({ value: p.key, label: lang === 'zh' ? p.name : p.nameEn }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={s('rubricName')}
          htmlFor="rubric-name"
          rules={[{ required: true, whitespace: true, message: s('required') }]}
        >
          <Input id="rubric-name" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} id="rubric-create">
          {s('createRubric')}
        </Button>
      </Form>
    </Card>
  );
}

function ImportCard() {
  const { s, lang } = useStaffT();
  const [errors, setErrors] = useState<string[] | null>(null);
  const [done, setDone] = useState<{ id: string; name: string; warnings: RubricWarning[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focused, setFocused] = useState(false);
  const pick = async (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = ''; // the same file may be chosen again after it is fixed
    if (!file) return;
    setErrors(null);
    setDone(null);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(await file.text()) as Record<string, unknown>;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{ … }');
    } catch (e) {
      setErrors([s('importNotJson', { name: file.name, error: e instanceof Error ? e.message : String(e) })]);
      return;
    }
    // the export is { id, name, tree }; a bare tree ({ scoring, groups }) is taken too
    const tree = 'tree' in parsed ? parsed.tree : parsed;
    const name = typeof parsed.name === 'string' && parsed.name.trim() ? parsed.name : file.name.replace(/\.json$/i, '');
    setBusy(true);
    try {
      const created = await post<Created>('/api/rubrics', { name, tree } as Body<'CreateRubricDto'>);
      setDone({ id: created.id, name, warnings: created.warnings });
      void queryClient.invalidateQueries({ queryKey: ['staff', 'rubrics'] });
    } catch (e) {
      setErrors(treeErrors(e, tree, lang, s) ?? [errorText(e)]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{s('importRubric')}</h3>} style={{ flex: '1 1 320px' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph id="rubric-import-help" style={{ margin: 0 }}>
          {s('importHelp')}
        </Typography.Paragraph>
        {/* the native input keeps the keyboard and the file dialog; its browser-language words are hidden behind a label */}
        <span style={{ position: 'relative', display: 'inline-block' }}>
          <input
            id="rubric-import"
            type="file"
            accept=".json,application/json"
            disabled={busy}
            aria-describedby="rubric-import-help"
            onChange={(e) => void pick(e)}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            style={{ position: 'absolute', inset: 0, opacity: 0, width: '100%', cursor: 'pointer' }}
          />
          <label
            htmlFor="rubric-import"
            style={{
              display: 'inline-block',
              padding: '4px 15px',
              border: '1px solid #d9d9d9',
              borderRadius: 6,
              background: '#fff',
              outline: focused ? '2px solid #1677ff' : undefined,
              outlineOffset: 1,
              cursor: 'pointer',
            }}
          >
            {busy ? s('loading') : s('chooseFile')}
          </label>
        </span>
        {errors && (
          <Alert
            type="error"
            showIcon
            role="alert"
            id="import-errors"
            message={s('importFailed')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {errors.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            }
          />
        )}
        {done && (
          <>
            <Alert
              type="success"
              showIcon
              id="import-done"
              message={<Link to={`/staff/rubrics/${done.id}`}>{s('imported', { name: done.name })}</Link>}
            />
            <WarningsAlert warnings={done.warnings} title={s('warnings')} id="import-warnings" />
          </>
        )}
      </Space>
    </Card>
  );
}
