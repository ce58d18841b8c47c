/**
 * Review → seal → dossier → stamped receipt → submit, with the entry's status timeline. The
 * dossier renders in the background: its progress is polled (202 + Retry-After until ready).
 */
import { Alert, Button, Checkbox, List, Progress, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, post } from '../api/client';
import { AttachmentField } from '../form/AttachmentField';
import type { SectionDescriptor } from '../form/descriptor';
import { useT } from '../i18n';

export interface ApplicationView {
  id: string;
  state: string;
  etag: string;
  returnReason: string | null;
  snapshot: { id: string; sha256: string; sealedAt: string } | null;
  complete?: boolean;
  sections?: Array<{ key: string; complete: boolean; issues: number }>;
}

const FLOW = ['draft', 'sealed', 'submitted', 'accepted'];

function useDossier(appId: string, active: boolean) {
  const [state, setState] = useState<{ ready: boolean; progress: number }>({ ready: false, progress: 0 });
  useEffect(() => {
    if (!active) return;
    let stop = false;
    const poll = async () => {
      const res = await fetch(`/api/applications/${appId}/dossier`, { method: 'HEAD', credentials: 'same-origin' }).catch(() => null);
      if (stop) return;
      if (res?.status === 200) return setState({ ready: true, progress: 100 });
      const json = await fetch(`/api/applications/${appId}/dossier`, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) => (r.status === 202 ? r.json() : null)).catch(() => null);
      if (!stop) setState({ ready: false, progress: json?.progress ?? 0 });
      window.setTimeout(() => void poll(), 1500);
    };
    void poll();
    return () => {
      stop = true;
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

  const current = app.state === 'returned' ? 0 : Math.max(0, FLOW.indexOf(app.state));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('timeline')}</Typography.Title>
      <Steps current={current} status={app.state === 'rejected' ? 'error' : undefined} items={FLOW.map((s) => ({ title: state(s) }))} responsive />
      {app.state === 'returned' && app.returnReason && <Alert type="warning" message={t('returnedReason')} description={app.returnReason} />}
      {error && <Alert type="error" message={error[0]} description={<ul>{error.slice(1).map((l) => <li key={l}>{l}</li>)}</ul>} />}

      {app.state === 'draft' && (
        <>
          <Typography.Title level={3}>{t('review')}</Typography.Title>
          <List size="small" bordered dataSource={form.filter((s) => !s.optional)} renderItem={(s) => {
            const c = app.sections?.find((x) => x.key === s.key);
            return (
              <List.Item actions={[<a key="go" onClick={() => goTo(s.key)}>{t('open')}</a>]}>
                <Space>{c?.complete ? '✅' : `⚠️ ${c?.issues ?? ''}`}<span>{label(s.title)}</span></Space>
              </List.Item>
            );
          }} />
          <Checkbox id="seal-consent" checked={consent} onChange={(e) => setConsent(e.target.checked)}>{t('consent')}</Checkbox>
          <Button type="primary" id="seal-button" disabled={!consent} onClick={() => void act('seal')}>{t('seal')}</Button>
        </>
      )}

      {app.state !== 'draft' && app.snapshot && (
        <>
          {dossier.ready ? (
            <a id="dossier-link" href={`/api/applications/${app.id}/dossier`}>{t('downloadDossier')}</a>
          ) : (
            <div><Typography.Text>{t('rendering')}</Typography.Text><Progress percent={dossier.progress} status="active" /></div>
          )}
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
