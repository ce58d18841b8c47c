/**
 * Review → seal → dossier → stamped receipt → submit, with the entry's status timeline. The
 * dossier renders in the background: its progress is polled (202 + Retry-After until ready).
 */
import { Alert, Badge, Button, Checkbox, List, Progress, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, post, type Reply } from '../api/client';
import { AttachmentField } from '../form/AttachmentField';
import type { SectionDescriptor } from '../form/descriptor';
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

type DossierState = { kind: 'waiting'; progress: number } | { kind: 'ready' } | { kind: 'missing' } | { kind: 'failed' };

/**
 * Polls GET /dossier until the PDF is there: 202 carries { status, progress } and Retry-After;
 * 200 means ready (the body is not read); 404 (no dossier on this server) and errors stop quietly.
 */
function useDossier(appId: string, active: boolean): DossierState {
  const [state, setState] = useState<DossierState>({ kind: 'waiting', progress: 0 });
  useEffect(() => {
    if (!active) return;
    let stop = false;
    let timer: number | undefined;
    const controller = new AbortController();
    const poll = async (misses: number) => {
      const res = await fetch(`/api/applications/${appId}/dossier`, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal }).catch(() => null);
      if (stop) return;
      if (res?.status === 200) {
        void res.body?.cancel();
        return setState({ kind: 'ready' });
      }
      if (res?.status === 404 || res?.status === 403) return setState({ kind: 'missing' });
      if (res?.status === 202) {
        const body = (await res.json().catch(() => ({}))) as { status?: string; progress?: number };
        if (stop) return;
        if (body.status === 'failed') return setState({ kind: 'failed' });
        setState({ kind: 'waiting', progress: Math.round(body.progress ?? 0) });
        const after = Number(res.headers.get('Retry-After')) || 2;
        timer = window.setTimeout(() => void poll(0), after * 1000);
        return;
      }
      // offline or a server error: try a few more times, slower
      if (misses >= 5) return setState({ kind: 'missing' });
      timer = window.setTimeout(() => void poll(misses + 1), 3000 * (misses + 1));
    };
    void poll(0);
    return () => {
      stop = true;
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [appId, active]);
  return state;
}

export function SealPanel({ app, form, onChanged, goTo }: { app: ApplicationView; form: SectionDescriptor[]; onChanged: () => void; goTo: (section: string) => void }) {
  const { t, label, state } = useT();
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const [receipt, setReceipt] = useState<string[]>([]);
  const dossier = useDossier(app.id, app.state !== 'draft' && app.snapshot !== null);

  const act = async (action: string) => {
    setError(null);
    try {
      await post(`/api/applications/${app.id}/${action}`);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...(e.body.details ?? []).map((d) => `${d.path}: ${d.message}`)] : [String(e)]);
    }
  };

  const timeline = timelineOf(app.state);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('timeline')}</Typography.Title>
      <Steps current={timeline.current} status={timeline.failed ? 'error' : undefined} items={timeline.items.map((s) => ({ title: state(s) }))} responsive />
      {error && <Alert type="error" message={error[0]} description={<ul>{error.slice(1).map((l) => <li key={l}>{l}</li>)}</ul>} />}

      {app.state === 'draft' && (
        <>
          <Typography.Title level={3}>{t('review')}</Typography.Title>
          <List size="small" bordered dataSource={form.filter((s) => !s.optional)} renderItem={(s) => {
            const c = app.sections?.find((x) => x.key === s.key);
            return (
              <List.Item actions={[<Button key="go" type="link" size="small" onClick={() => goTo(s.key)}>{t('open')}</Button>]}>
                <Space><Badge status={c?.complete ? 'success' : 'warning'} />{c?.complete ? null : <Badge count={c?.issues ?? 0} color="orange" />}<span>{label(s.title)}</span></Space>
              </List.Item>
            );
          }} />
          <Checkbox id="seal-consent" checked={consent} onChange={(e) => setConsent(e.target.checked)}>{t('consent')}</Checkbox>
          <Button type="primary" id="seal-button" disabled={!consent} onClick={() => void act('seal')}>{t('seal')}</Button>
        </>
      )}

      {app.state !== 'draft' && app.snapshot && (
        <>
          {dossier.kind === 'ready' && <a id="dossier-link" href={`/api/applications/${app.id}/dossier`} download>{t('downloadDossier')}</a>}
          {dossier.kind === 'waiting' && <div role="status"><Typography.Text>{t('rendering')}</Typography.Text><Progress percent={dossier.progress} status="active" /></div>}
          {dossier.kind === 'missing' && <Alert type="info" message={t('dossierMissing')} />}
          {dossier.kind === 'failed' && <Alert type="error" message={t('dossierFailed')} />}
          <Typography.Text type="secondary">SHA-256 {app.snapshot.sha256}</Typography.Text>
        </>
      )}

      {app.state === 'sealed' && (
        <>
          <Alert type="info" message={t('receiptSteps')} />
          <Typography.Text strong>{t('uploadReceipt')}</Typography.Text>
          <AttachmentField id="receipt-upload" appId={app.id} kind="stamped_receipt" ids={receipt} max={5} disabled={false} onChange={setReceipt} bindToField={false} />
          <Space wrap>
            <Button type="primary" id="submit-button" onClick={() => void act('submit')}>{t('submit')}</Button>
            <Button onClick={() => void act('unseal')}>{t('unseal')}</Button>
          </Space>
        </>
      )}
    </Space>
  );
}
