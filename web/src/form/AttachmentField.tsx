/**
 * Files of one kind: upload with a progress bar, preview, open, delete. The field's value is their
 * ids. Images chosen on this device are previewed from the local file (blob: URL; stored files
 * live behind signed URLs on the object store, which the page's CSP does not load).
 */
import { Button, List, Progress, Space, Typography, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { acceptOf } from '../../../src/form/attachment-types';
import type { AttachmentKind } from '../../../src/form/field-types';
import { ApiError, call, get, uploadFile, type Reply } from '../api/client';
import { useT } from '../i18n';

type Attachment = Reply<'AttachmentResponse'>;

export function AttachmentField(props: {
  id: string;
  appId: string;
  kind: AttachmentKind;
  ids: string[];
  max?: number;
  disabled: boolean;
  onChange: (ids: string[]) => void;
  bindToField?: boolean;
  /** ids of the field's label (and its groups'): the upload button names its field */ labelledBy?: string;
}) {
  const { t } = useT();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const input = useRef<HTMLInputElement>(null);
  const previewsRef = useRef(previews);
  previewsRef.current = previews;
  useEffect(() => () => Object.values(previewsRef.current).forEach((u) => URL.revokeObjectURL(u)), []);
  const base = `/api/applications/${props.appId}/attachments`;

  const refresh = () => get<Attachment[]>(base).then(setFiles);
  useEffect(() => void refresh(), [props.appId]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = props.bindToField === false ? files.filter((f) => f.kind === props.kind) : files.filter((f) => props.ids.includes(f.id));

  async function onFile(file: File | undefined) {
    if (!file) return;
    setProgress(0);
    try {
      const stored = await uploadFile(base, props.kind, file, setProgress);
      if (/^image\/(png|jpeg|webp)$/.test(file.type)) setPreviews((p) => ({ ...p, [stored.id]: URL.createObjectURL(file) }));
      props.onChange([...props.ids, stored.id]);
      await refresh();
    } catch (e) {
      void message.error(`${t('uploadFailed')}: ${e instanceof ApiError ? (e.body.details?.[0]?.message ?? e.message) : t('offline')}`);
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
        <List
          size="small"
          bordered
          dataSource={shown}
          renderItem={(f) => (
            <List.Item
              actions={[
                <a
                  key="open"
                  // a PDF or image opens in a new tab (the server answers it inline); other types are saved
                  href={`${base}/${f.id}?inline=true`}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={`${t('preview')} ${f.originalName ?? ''}`}
                >
                  {t('preview')}
                </a>,
                ...(props.disabled
                  ? []
                  : [
                      <Button
                        key="rm"
                        size="small"
                        danger
                        aria-label={`${t('remove')} ${f.originalName ?? ''}`}
                        onClick={() => void remove(f.id)}
                      >
                        {t('remove')}
                      </Button>,
                    ]),
              ]}
            >
              <Space wrap>
                {previews[f.id] && (
                  <img
                    src={previews[f.id]}
                    alt={f.originalName ?? ''}
                    className="upload-preview"
                    style={{ width: 64, height: 64, objectFit: 'cover', borderRadius: 4 }}
                  />
                )}
                <Typography.Text>{f.originalName ?? f.id}</Typography.Text>
                <Typography.Text type="secondary">
                  {f.size >= 1024 * 1024 ? `${(f.size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(f.size / 1024))} KB`}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {progress !== null && <Progress percent={progress} size="small" aria-label={t('upload')} aria-describedby={props.labelledBy} />}
      {!props.disabled && (props.max === undefined || shown.length < props.max) && (
        <>
          <input
            ref={input}
            id={props.id}
            type="file"
            // what the server takes for this kind, from the same declaration (src/form/attachment-types.ts)
            accept={acceptOf(props.kind)}
            style={{ display: 'none' }}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          {/* "上传文件 组织架构图": its own words, then its field's label */}
          <Button
            id={`${props.id}--upload`}
            aria-labelledby={props.labelledBy ? `${props.id}--upload ${props.labelledBy}` : undefined}
            onClick={() => input.current?.click()}
            disabled={progress !== null}
          >
            {t('upload')}
          </Button>
        </>
      )}
    </Space>
  );
}
