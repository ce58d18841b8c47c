/**
 * Review → seal → dossier → stamped receipt → submit, with the entry's status timeline. The
 * dossier renders in the background: its status is polled (Retry-After while it renders) until it
 * is ready or has failed; a failed one shows why and can be retried.
 */
import { Alert, type AlertRef, Badge, Button, Checkbox, List, Progress, Space, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, post, type Reply } from '../api/client';
import { AttachmentField } from '../form/AttachmentField';
import type { SectionDescriptor } from '../form/descriptor';
import { fieldAt, issueText, labelAt } from '../form/labels';
import { useT } from '../i18n';

export type ApplicationView = Reply<'ApplicationResponse'>;

/** The usual path of an entry; a state off it (rejected, withdrawn, later rounds) ends the row. */
const FLOW = ['draft', 'sealed', 'submitted', 'accepted'];
const FAILED = ['rejected', 'withdrawn', 'not_awarded'];

export function timelineOf(state: string): { items: string[]; current: number; failed: boolean } {
  const at = FLOW.indexOf(state);
  if (at >= 0) return { items: FLOW, current: at, failed: false };
  if (state === 'rejected') return { items: ['draft', 'sealed', 'submitted', 'rejected'], current: 3, failed: true };
  if (state === 'withdrawn') return { items: ['draft', 'withdrawn'], current: 1, failed: true };
  return { items: [...FLOW, state], current: FLOW.length, failed: FAILED.includes(state) };
}

type DossierState =
  | { kind: 'waiting'; progress: number }
  | { kind: 'ready' }
  | { kind: 'missing' }
  | { kind: 'failed'; reason: string }
  | { kind: 'retrying' };

/** GET …/dossier/status, with the seconds until the next poll (the server's Retry-After while it renders). */
type DossierStatus = Reply<'DossierStatusResponse'> & { retryAfter: number };

/** Not there for this user: no dossier on this server (404) or not theirs to see (403). */
const absent = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 403);

/**
 * Polls GET /dossier/status (never the PDF itself) until the dossier is ready or failed — both end
 * the polling. 404 (no dossier on this server) stops quietly; network and server errors are
 * retried a few times, slower. `retry` asks for a new render of a failed one and polls again.
 */
function useDossier(appId: string, snapshotId: string | undefined): { dossier: DossierState; retry: () => Promise<void> } {
  const client = useQueryClient();
  const [retrying, setRetrying] = useState<{ failed?: string } | null>(null);
  // per snapshot: sealed again after an unseal, it is another dossier
  const queryKey = ['dossier', appId, snapshotId];
  const q = useQuery({
    queryKey,
    enabled: snapshotId !== undefined,
    queryFn: async (): Promise<DossierStatus> => {
      const a = await call<Reply<'DossierStatusResponse'>>('GET', `/api/applications/${appId}/dossier/status`, {
        headers: { Accept: 'application/json' },
      });
      return { ...a.body, retryAfter: Number(a.headers.get('Retry-After')) || 2 };
    },
    // offline or a server error: try a few more times, slower
    retry: (failures, e) => !absent(e) && failures < 5,
    retryDelay: (failures) => 3000 * failures,
    refetchInterval: (query) => {
      const d = query.state.data;
      return query.state.status === 'success' && d && d.status !== 'ready' && d.status !== 'failed' ? d.retryAfter * 1000 : false;
    },
    staleTime: Infinity,
  });

  const retry = async () => {
    setRetrying({});
    try {
      await post(`/api/applications/${appId}/dossier/retry`);
    } catch (e) {
      // 409: someone else retried it already (or it is ready): polling shows where it stands
      if (!(e instanceof ApiError && e.status === 409)) {
        setRetrying({ failed: e instanceof Error ? e.message : String(e) });
        return;
      }
    }
    void client.resetQueries({ queryKey }); // forgets the failure and polls again
    setRetrying(null);
  };

  let dossier: DossierState;
  if (retrying) dossier = retrying.failed !== undefined ? { kind: 'failed', reason: retrying.failed } : { kind: 'retrying' };
  else if (q.isError) dossier = { kind: 'missing' };
  else if (q.data?.status === 'ready') dossier = { kind: 'ready' };
  else if (q.data?.status === 'failed') dossier = { kind: 'failed', reason: q.data.reason ?? '' };
  else dossier = { kind: 'waiting', progress: Math.round(q.data?.progress ?? 0) };
  return { dossier, retry };
}

/** Up to this many problems are listed one by one; more are counted and left to the missing-items panel. */
const LISTED = 5;

interface Problem {
  code: string;
  params?: Record<string, unknown>;
  /** Section and path inside it, when the detail names a field of the form. */
  section?: string;
  path?: string;
}

export function SealPanel({
  app,
  form,
  onChanged,
  goTo,
}: {
  app: ApplicationView;
  form: SectionDescriptor[];
  onChanged: () => void;
  goTo: (section: string, path?: string) => void;
}) {
  const { t, label, state, lang } = useT();
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<{ title: string; problems: Problem[] } | null>(null);
  const errorRef = useRef<AlertRef>(null);
  useEffect(() => {
    if (error) errorRef.current?.nativeElement?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  const [receipt, setReceipt] = useState<string[]>([]);
  const { dossier, retry } = useDossier(app.id, app.state !== 'draft' && app.snapshot ? app.snapshot.id : undefined);

  const act = async (action: string) => {
    setError(null);
    try {
      await post(`/api/applications/${app.id}/${action}`);
      onChanged();
    } catch (e) {
      if (!(e instanceof ApiError)) return setError({ title: String(e), problems: [] });
      const problems = (e.body.details ?? []).map((d): Problem => {
        const [section, ...rest] = d.path.split('.');
        const known = form.some((s) => s.key === section) && rest.length > 0;
        return {
          code: d.code,
          params: (d as { params?: Record<string, unknown> }).params,
          ...(known ? { section, path: rest.join('.') } : {}),
        };
      });
      setError({ title: e.message, problems });
      if (problems.length) onChanged(); // the missing-items panel catches up with what the server found
    }
  };

  /** A problem named by its field's label (section › field), never by its key. */
  const nameOf = (p: Problem) => {
    const s = form.find((x) => x.key === p.section);
    return s && p.path ? `${label(s.title)} › ${labelAt(s.fields, p.path, label)}` : undefined;
  };
  const open = (p: Problem) => {
    const s = form.find((x) => x.key === p.section);
    const f = s && p.path ? fieldAt(s.fields, p.path) : undefined;
    // the stamped receipt is uploaded here, not in its (sealed) section
    if (f?.type === 'attachment' && f.afterSeal) document.getElementById('receipt-upload')?.scrollIntoView({ block: 'center' });
    else if (p.section) goTo(p.section, p.path);
  };
  const showMissing = () => {
    const panel = document.getElementById('missing-panel');
    // narrow screens: the panel is a drawer opened from the top
    if (!panel) return document.getElementById('missing-toggle')?.click();
    panel.scrollIntoView({ block: 'start' });
    panel?.querySelector<HTMLElement>('.missing-item')?.focus();
  };

  const timeline = timelineOf(app.state);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('timeline')}</Typography.Title>
      <Steps
        current={timeline.current}
        status={timeline.failed ? 'error' : undefined}
        items={timeline.items.map((s) => ({ title: state(s) }))}
        responsive
      />

      {app.state === 'draft' && (
        <>
          <Typography.Title level={3}>{t('review')}</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={form.filter((s) => !s.optional)}
            renderItem={(s) => {
              const c = app.sections?.find((x) => x.key === s.key);
              return (
                <List.Item
                  actions={[
                    <Button key="go" type="link" size="small" onClick={() => goTo(s.key)}>
                      {t('open')}
                    </Button>,
                  ]}
                >
                  <Space>
                    <Badge status={c?.complete ? 'success' : 'warning'} />
                    {c?.complete ? null : <Badge count={c?.issues ?? 0} color="orange" />}
                    <span>{label(s.title)}</span>
                  </Space>
                </List.Item>
              );
            }}
          />
          <Checkbox id="seal-consent" checked={consent} onChange={(e) => setConsent(e.target.checked)}>
            {t('consent')}
          </Checkbox>
          <Button type="primary" id="seal-button" disabled={!consent} onClick={() => void act('seal')}>
            {t('seal')}
          </Button>
        </>
      )}

      {app.state !== 'draft' && app.snapshot && (
        <>
          {dossier.kind === 'ready' && (
            <a id="dossier-link" href={`/api/applications/${app.id}/dossier`} download>
              {t('downloadDossier')}
            </a>
          )}
          {dossier.kind === 'waiting' && (
            <div role="status">
              <Typography.Text>{t('rendering')}</Typography.Text>
              <Progress percent={dossier.progress} status="active" aria-label={t('rendering')} />
            </div>
          )}
          {dossier.kind === 'missing' && <Alert type="info" message={t('dossierMissing')} />}
          {(dossier.kind === 'failed' || dossier.kind === 'retrying') && (
            <Alert
              id="dossier-failed"
              type="error"
              message={t('dossierFailed')}
              description={dossier.kind === 'failed' && dossier.reason ? t('dossierFailedReason', { reason: dossier.reason }) : undefined}
              action={
                <Button id="dossier-retry" size="small" loading={dossier.kind === 'retrying'} onClick={() => void retry()}>
                  {t('dossierRetry')}
                </Button>
              }
            />
          )}
          <Typography.Text type="secondary">SHA-256 {app.snapshot.sha256}</Typography.Text>
        </>
      )}

      {app.state === 'sealed' && (
        <>
          <Alert type="info" message={t('receiptSteps')} />
          <Typography.Text strong id="receipt-upload-label">
            {t('uploadReceipt')}
          </Typography.Text>
          <AttachmentField
            id="receipt-upload"
            labelledBy="receipt-upload-label"
            appId={app.id}
            kind="stamped_receipt"
            ids={receipt}
            max={5}
            disabled={false}
            onChange={setReceipt}
            bindToField={false}
          />
          <Space wrap>
            <Button type="primary" id="submit-button" onClick={() => void act('submit')}>
              {t('submit')}
            </Button>
            <Button onClick={() => void act('unseal')}>{t('unseal')}</Button>
          </Space>
        </>
      )}
      {/* under the button that was pressed, scrolled into view: the answer is where the eyes are */}
      {error && (
        <Alert
          type="error"
          id="action-error"
          ref={errorRef}
          message={error.title.charAt(0).toUpperCase() + error.title.slice(1)}
          description={
            error.problems.length > LISTED ? (
              <Space direction="vertical">
                <span>{t('manyMissing', { n: error.problems.length })}</span>
                <Button size="small" onClick={showMissing}>
                  {t('showMissing')}
                </Button>
              </Space>
            ) : (
              error.problems.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {error.problems.map((p, i) => {
                    const name = nameOf(p);
                    const text = issueText(p, lang);
                    return (
                      <li key={i}>
                        {name ? (
                          <Button
                            type="link"
                            size="small"
                            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                            onClick={() => open(p)}
                          >{`${name}${lang === 'zh' ? '：' : ': '}${text}`}</Button>
                        ) : (
                          text
                        )}
                      </li>
                    );
                  })}
                </ul>
              )
            )
          }
        />
      )}
    </Space>
  );
}
