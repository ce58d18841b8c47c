/** My applications: state, deadline countdown in the cycle's zone, completeness; start a new one. */
import { Button, Card, Form, List, Progress, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post, type Body, type Reply } from '../api/client';
import { useT } from '../i18n';

type ApplicationSummary = Reply<'ApplicationResponse'>;
type Cycle = Reply<'CycleResponse'>;

/** The deadline as the cycle's zone shows it, and the time left (ticks every 30 s). */
export function Countdown({ deadline, timeZone }: { deadline: string; timeZone: string }) {
  const { t, lang } = useT();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  const ms = new Date(deadline).getTime() - now;
  const when = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(deadline),
  );
  const at = t('deadlineIn', { when, zone: timeZone });
  if (ms <= 0) return <Tag color="red" data-countdown="closed">{`${at} · ${t('closed')}`}</Tag>;
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const left = days > 0 ? t('countdown', { d: days, h: hours }) : t('countdownHours', { h: hours, m: minutes });
  return (
    <Tag color={days < 3 ? 'orange' : 'blue'} data-countdown={ms} style={{ whiteSpace: 'normal' }}>
      <time dateTime={deadline}>{at}</time> · {left}
    </Tag>
  );
}

export function ApplicationsPage() {
  const { t, state, lang } = useT();
  const navigate = useNavigate();
  const [apps, setApps] = useState<ApplicationSummary[] | null>(null);
  const [cycles, setCycles] = useState<Cycle[]>([]);
  const [choice, setChoice] = useState<{ cycleId?: string; categoryId?: string }>({});

  useEffect(() => {
    void get<ApplicationSummary[]>('/api/applications').then(setApps);
    void get<Cycle[]>('/api/cycles').then((c) => setCycles(c.filter((x) => x.open)));
  }, []);

  const cycle = cycles.find((c) => c.id === choice.cycleId);
  const create = async () => {
    const body: Body<'CreateApplicationDto'> = { cycleId: choice.cycleId!, categoryId: choice.categoryId!, nomination: { type: 'self' } };
    const created = await post<Reply<'ApplicationResponse'>>('/api/applications', body);
    navigate(`/applications/${created.id}`);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('myApplications')}</Typography.Title>
      <List
        loading={!apps}
        dataSource={apps ?? []}
        renderItem={(a) => {
          const done = a.sections?.filter((s) => s.complete).length ?? 0;
          const total = a.sections?.length ?? 1;
          return (
            <List.Item
              actions={[
                <Link key="open" to={`/applications/${a.id}`}>
                  {t('open')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{a.cycle.name}</span>
                    <Tag>{lang === 'zh' ? a.category.nameZh : a.category.nameEn}</Tag>
                    <Tag color="geekblue" data-state={a.state}>
                      {state(a.state)}
                    </Tag>
                    <span className="entry-code">{a.entryCode}</span>
                    {a.state === 'draft' && a.returnReason && <Tag color="red">{t('returnedReason')}</Tag>}
                  </Space>
                }
                description={
                  <Space wrap>
                    <Countdown deadline={a.deadline} timeZone={a.cycle.timeZone} />
                    <span>{t('completeness')}</span>
                    <Progress
                      percent={Math.round((100 * done) / total)}
                      size="small"
                      style={{ width: 160 }}
                      aria-label={`${t('completeness')} ${a.entryCode}`}
                    />
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      <Card title={t('newApplication')}>
        <Form layout="inline" onFinish={() => void create()}>
          <Form.Item label={t('cycle')} htmlFor="new-cycle">
            <Select
              id="new-cycle"
              style={{ minWidth: 240 }}
              value={choice.cycleId}
              onChange={(cycleId) => setChoice({ cycleId })}
              options={cycles.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item label={t('category')} htmlFor="new-category">
            <Select
              id="new-category"
              style={{ minWidth: 200 }}
              value={choice.categoryId}
              onChange={(categoryId) => setChoice((c) => ({ ...c, categoryId }))}
              options={(cycle?.categories ?? []).map((k) => ({ value: k.id, label: lang === 'zh' ? k.nameZh : k.nameEn }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!choice.cycleId || !choice.categoryId}>
            {t('create')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
