/** Award cycles: the list, and one form to create or edit a cycle; its times entered and shown in the cycle's zone. */
import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { call, post, type Body } from '../api/client';
import { queryClient } from '../api/queries';
import { NotFound } from '../shell/NotFound';
import { showAtFields } from './errors';
import { cycleQuery, cyclesQuery, type Cycle } from './queries';
import { useStaffT } from './texts';
import { allZones, formatInZone, isoToWall, wallToIso, zoneName } from './zoned';
import { ZonedPeriodFields } from './ZonedPeriodFields';

export function CyclesPage() {
  const { s, lang } = useStaffT();
  const { data, isLoading } = useQuery(cyclesQuery);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {s('cycles')}
        </Typography.Title>
        <Link to="/staff/cycles/new">
          <Button type="primary" tabIndex={-1} id="new-cycle">
            {s('newCycle')}
          </Button>
        </Link>
      </div>
      <Table<Cycle>
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: s('noCycles') }}
        columns={[
          { title: s('cycleName'), dataIndex: 'name', render: (name: string, c) => <Link to={`/staff/cycles/${c.id}`}>{name}</Link> },
          { title: s('timeZone'), dataIndex: 'timeZone', render: (z: string) => `${zoneName(z, lang)} (${z})` },
          { title: s('opensAt'), dataIndex: 'opensAt', render: (v: string, c) => formatInZone(v, c.timeZone, lang, false) },
          {
            title: s('submissionDeadline'),
            dataIndex: 'submissionDeadline',
            render: (v: string, c) => (
              <time dateTime={v} data-deadline={c.id}>
                {formatInZone(v, c.timeZone, lang)}
              </time>
            ),
          },
          {
            title: s('categories'),
            dataIndex: 'categories',
            render: (cats: Cycle['categories']) => cats.map((k) => <Tag key={k.id}>{lang === 'zh' ? k.nameZh : k.nameEn}</Tag>),
          },
          {
            title: s('state'),
            dataIndex: 'open',
            render: (open: boolean) => <Tag color={open ? 'success' : 'default'}>{open ? s('isOpen') : s('isClosed')}</Tag>,
          },
          {
            title: '',
            key: 'edit',
            render: (_, c) => (
              <Space>
                <Link to={`/staff/cycles/${c.id}`}>{s('edit')}</Link>
                <Link to={`/?cycle=${c.id}`}>{s('dashboard')}</Link>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

interface CycleFormValues {
  name: string;
  timeZone: string;
  opensAt?: Dayjs;
  submissionDeadline?: Dayjs;
  categories: Body<'CategoryDto'>[];
}

const WALL = 'YYYY-MM-DDTHH:mm';

export function CycleEditPage() {
  const { id } = useParams();
  const creating = !id || id === 'new';
  const { data: cycle, isLoading, isError } = useQuery({ ...cycleQuery(id ?? ''), enabled: !creating });
  if (!creating && isError) return <NotFound />;
  if (!creating && (isLoading || !cycle)) return <Skeleton active />;
  return <CycleForm cycle={creating ? undefined : cycle} />;
}

function CycleForm({ cycle }: { cycle?: Cycle }) {
  const { s, lang } = useStaffT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CycleFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = Form.useWatch('timeZone', form) ?? cycle?.timeZone ?? 'Asia/Shanghai';
  const zones = useMemo(() => allZones().map((z) => ({ value: z, label: `${zoneName(z, lang)} (${z})` })), [lang]);

  const initial: CycleFormValues = cycle
    ? {
        name: cycle.name,
        timeZone: cycle.timeZone,
        opensAt: dayjs(isoToWall(cycle.opensAt, cycle.timeZone)),
        submissionDeadline: dayjs(isoToWall(cycle.submissionDeadline, cycle.timeZone)),
        categories: [],
      }
    : { name: '', timeZone: 'Asia/Shanghai', categories: [{ code: '', nameZh: '', nameEn: '' }] };

  const save = async (v: CycleFormValues) => {
    setError(null);
    setBusy(true);
    const iso = (d?: Dayjs) => (d ? wallToIso(d.format(WALL), v.timeZone) : undefined);
    try {
      if (!cycle) {
        const body = {
          name: v.name,
          timeZone: v.timeZone,
          opensAt: iso(v.opensAt),
          submissionDeadline: iso(v.submissionDeadline),
          categories: v.categories,
        } as Body<'CreateCycleDto'>;
        const created = await post<Cycle>('/api/cycles', body);
        message.success(s('created'));
        void queryClient.invalidateQueries({ queryKey: ['staff', 'cycles'] });
        navigate(`/staff/cycles/${created.id}`);
      } else {
        const body: Body<'UpdateCycleDto'> = {
          name: v.name,
          timeZone: v.timeZone,
          opensAt: iso(v.opensAt),
          submissionDeadline: iso(v.submissionDeadline),
        };
        await call<Cycle>('PATCH', `/api/cycles/${cycle.id}`, { body });
        for (const [i, c] of v.categories.entries()) {
          try {
            await post(`/api/cycles/${cycle.id}/categories`, c satisfies Body<'CategoryDto'>);
          } catch (e) {
            // the category's own fields: "code" → categories.i.code
            const rest = showAtFields(form, e, (p) => `categories.${i}.${p}`);
            if (rest) setError(rest);
            return;
          }
        }
        form.setFieldValue('categories', []);
        message.success(s('saved'));
        void queryClient.invalidateQueries({ queryKey: ['staff', 'cycles'] });
        void queryClient.invalidateQueries({ queryKey: ['staff', 'cycle', cycle.id] });
      }
    } catch (e) {
      setError(showAtFields(form, e));
    } finally {
      setBusy(false);
    }
  };

  const zoneHelp = s('inZone', { zone: zoneName(zone, lang) });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {cycle ? `${s('editCycle')} · ${cycle.name}` : s('newCycle')}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} role="alert" id="cycle-error" />}
      <Form<CycleFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} requiredMark>
        <Form.Item
          name="name"
          label={s('cycleName')}
          htmlFor="cycle-name"
          rules={[{ required: true, whitespace: true, message: s('required') }]}
        >
          <Input id="cycle-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="timeZone" label={s('timeZone')} htmlFor="cycle-zone" rules={[{ required: true, message: s('required') }]}>
          <Select id="cycle-zone" showSearch optionFilterProp="label" options={zones} />
        </Form.Item>
        <ZonedPeriodFields
          start={{ name: 'opensAt', label: s('opensAt'), id: 'cycle-opens' }}
          end={{ name: 'submissionDeadline', label: s('submissionDeadline'), id: 'cycle-deadline' }}
          zoneHelp={zoneHelp}
          required={!cycle}
          requiredMessage={s('required')}
          orderMessage={s('deadlineAfterOpens')}
        />
        {cycle && (
          <Form.Item label={s('categories')}>
            <Space wrap>
              {cycle.categories.map((k) => (
                <Tag key={k.id}>
                  {k.code} · {lang === 'zh' ? k.nameZh : k.nameEn}
                </Tag>
              ))}
            </Space>
          </Form.Item>
        )}
        <Form.List name="categories">
          {(items, { add, remove }) => (
            <Card size="small" title={cycle ? s('addCategory') : s('categories')} style={{ marginBottom: 16 }}>
              {items.map(({ key, name }) => (
                <Space key={key} wrap align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[name, 'code']}
                    label={s('categoryCode')}
                    htmlFor={`cat-${name}-code`}
                    rules={[{ required: true, message: s('required') }]}
                  >
                    <Input id={`cat-${name}-code`} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'nameZh']}
                    label={s('categoryZh')}
                    htmlFor={`cat-${name}-zh`}
                    rules={[{ required: true, message: s('required') }]}
                  >
                    <Input id={`cat-${name}-zh`} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'nameEn']}
                    label={s('categoryEn')}
                    htmlFor={`cat-${name}-en`}
                    rules={[{ required: true, message: s('required') }]}
                  >
                    <Input id={`cat-${name}-en`} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item label=" " colon={false}>
                    <Button onClick={() => remove(name)}>{s('removeCategory')}</Button>
                  </Form.Item>
                </Space>
              ))}
              <Button id="add-category" onClick={() => add({ code: '', nameZh: '', nameEn: '' })}>
                {s('addCategory')}
              </Button>
            </Card>
          )}
        </Form.List>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} id="cycle-save">
            {s('save')}
          </Button>
          <Link to="/staff/cycles">{s('cancel')}</Link>
        </Space>
      </Form>
    </Space>
  );
}
