/** Files of one kind: upload with a progress bar, open, delete. The field's value is their ids. */
import { Button, List, Progress, Space, Typography, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, call, get, uploadFile } from '../api/client';
import { useT } from '../i18n';

interface Attachment {
  id: string;
  kind: string;
  originalName: string | null;
  size: number;
  contentType: string;
  receiptCheck?: string;
}

export function AttachmentField(props: { id: string; appId: string; kind: string; ids: string[]; max?: number; disabled: boolean; onChange: (ids: string[]) => void; bindToField?: boolean }) {
  const { t } = useT();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const base = `/api/applications/${props.appId}/attachments`;

  const refresh = () => get<Attachment[]>(base).then(setFiles);
  useEffect(() => void refresh(), [props.appId]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = props.bindToField === false ? files.filter((f) => f.kind === props.kind) : files.filter((f) => props.ids.includes(f.id));

  async function onFile(file: File | undefined) {
    if (!file) return;
    setProgress(0);
    try {
      const stored = await uploadFile(base, props.kind, file, setProgress);
      props.onChange([...props.ids, stored.id]);
      await refresh();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.body.details?.[0]?.message ?? e.message : t('offline'));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  async function remove(id: string) {
    await call('DELETE', `${base}/${id}`);
    props.onChange(props.ids.filter((x) => x !== id));
    await refresh();
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {shown.length > 0 && (
        <List size="small" bordered dataSource={shown} renderItem={(f) => (
          <List.Item actions={[
            <a key="open" href={`${base}/${f.id}`} target="_blank" rel="noreferrer">{t('preview')}</a>,
            ...(props.disabled ? [] : [<Button key="rm" size="small" danger onClick={() => void remove(f.id)}>{t('remove')}</Button>]),
          ]}>
            <Typography.Text>{f.originalName ?? f.id}</Typography.Text> <Typography.Text type="secondary">{(f.size / 1024).toFixed(0)} KB</Typography.Text>
          </List.Item>
        )} />
      )}
      {progress !== null && <Progress percent={progress} size="small" />}
      {!props.disabled && (props.max === undefined || shown.length < props.max) && (
        <>
          <input ref={input} id={props.id} type="file" accept="application/pdf,image/png,image/jpeg,image/webp,.docx,.xlsx,.pptx" style={{ display: 'none' }} onChange={(e) => void onFile(e.target.files?.[0])} />
          <Button onClick={() => input.current?.click()} disabled={progress !== null}>{t('upload')}</Button>
        </>
      )}
    </Space>
  );
}
