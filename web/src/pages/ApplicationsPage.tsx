/** My applications: state, deadline countdown in the cycle's zone, completeness; start a new one. */
import { Alert, Button, Card, Form, Input, List, Progress, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post, type Body, type Reply } from '../api/client';
import { formatInstant, zoneName } from '../format';
import { useT } from '../i18n';

type ApplicationSummary = Reply<'ApplicationResponse'>;
type Cycle = Reply<'CycleResponse'>;

/** States in which the deadline still matters to the applicant (seal and submit are before it). */
const BEFORE_SUBMISSION = ['draft', 'sealed'];

/**
 * The deadline as the cycle's zone shows it (named 北京时间, not Asia/Shanghai), and the time left
 * (ticks every 30 s) — only while the entry is still to be submitted: after that it neither ticks
 * nor shows.
 */
export function Countdown({ deadline, timeZone, state = 'draft' }: { deadline: string; timeZone: string; state?: string }) {
  const { t, lang } = useT();
  const running = BEFORE_SUBMISSION.includes(state);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, [running]);
  if (!running) return null;
  const ms = new Date(deadline).getTime() - now;
  const at = t('deadlineIn', { when: formatInstant(deadline, timeZone, lang), zone: zoneName(timeZone, lang) });
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
  const [nomination, setNomination] = useState<Body<'NominationDto'>>({ type: 'self' });
  const [createError, setCreateError] = useState<string | null>(null);

  useEffect(() => {
    void get<ApplicationSummary[]>('/api/applications').then(setApps);
    void get<Cycle[]>('/api/cycles').then((c) => setCycles(c.filter((x) => x.open)));
  }, []);

  const cycle = cycles.find((c) => c.id === choice.cycleId);
  const recommended = nomination.type === 'recommended';
  const create = async () => {
    setCreateError(null);
    const body: Body<'CreateApplicationDto'> = {
      cycleId: choice.cycleId!,
      categoryId: choice.categoryId!,
      nomination: recommended
        ? {
            type: 'recommended',
            recommenderName: nomination.recommenderName?.trim(),
            ...(nomination.recommenderContact?.trim() ? { recommenderContact: nomination.recommenderContact.trim() } : {}),
          }
        : { type: 'self' },
    };
    try {
      const created = await post<Reply<'ApplicationResponse'>>('/api/applications', body);
      navigate(`/applications/${created.id}`);
    } catch (e) {
      // e.g. 409: this organisation already has a live entry in this category — said here, not in the console
      setCreateError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('myApplications')}</Typography.Title>
      <List
        loading={!apps}
        dataSource={apps ?? []}
        renderItem={(a) => {
          // the server's figure: 0 % for an empty draft, 100 % exactly when complete, the same in every list
          const percent = a.percent ?? (a.complete ? 100 : 0);
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
                    <Countdown deadline={a.deadline} timeZone={a.cycle.timeZone} state={a.state} />
                    <span>{t('completeness')}</span>
                    <Progress percent={percent} size="small" style={{ width: 160 }} aria-label={`${t('completeness')} ${a.entryCode}`} />
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      <Card title={t('newApplication')}>
        <Form layout="vertical" onFinish={() => void create()} style={{ maxWidth: 640 }}>
          <Form.Item label={t('cycle')} htmlFor="new-cycle" required>
            <Select
              id="new-cycle"
              value={choice.cycleId}
              onChange={(cycleId) => setChoice({ cycleId })}
              options={cycles.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item label={t('category')} htmlFor="new-category" required>
            <Select
              id="new-category"
              value={choice.categoryId}
              onChange={(categoryId) => setChoice((c) => ({ ...c, categoryId }))}
              options={(cycle?.categories ?? []).map((k) => ({ value: k.id, label: lang === 'zh' ? k.nameZh : k.nameEn }))}
            />
          </Form.Item>
          {/* Part 4 of the form: by self-nomination or recommended by another unit */}
          <Form.Item label={<span id="new-nomination-label">{t('nomination')}</span>} required>
            <Radio.Group
              id="new-nomination"
              aria-labelledby="new-nomination-label"
              value={nomination.type}
              onChange={(e) => setNomination({ type: e.target.value as 'self' | 'recommended' })}
            >
              <Radio value="self">{t('nominationSelf')}</Radio>
              <Radio value="recommended">{t('nominationRecommended')}</Radio>
            </Radio.Group>
          </Form.Item>
          {recommended && (
            <>
              <Form.Item label={t('recommenderName')} htmlFor="new-recommender-name" required>
                <Input
                  id="new-recommender-name"
                  maxLength={200}
                  value={nomination.recommenderName ?? ''}
                  onChange={(e) => setNomination((n) => ({ ...n, recommenderName: e.target.value }))}
                />
              </Form.Item>
              <Form.Item label={t('recommenderContact')} htmlFor="new-recommender-contact">
                <Input
                  id="new-recommender-contact"
                  maxLength={200}
                  value={nomination.recommenderContact ?? ''}
                  onChange={(e) => setNomination((n) => ({ ...n, recommenderContact: e.target.value }))}
                />
              </Form.Item>
            </>
          )}
          {createError && (
            <Alert
              id="create-error"
              type="error"
              showIcon
              role="alert"
              message={t('duplicateEntry')}
              description={createError}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            disabled={!choice.cycleId || !choice.categoryId || (recommended && !nomination.recommenderName?.trim())}
          >
            {t('create')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
