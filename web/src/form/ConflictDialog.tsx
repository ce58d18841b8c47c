/** Someone else saved this section first: show both versions per field and let the user choose. */
import { Modal, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';
import { getPath, type Data } from './descriptor';
import type { Conflict } from './useSection';

const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function ConflictDialog({
  conflict,
  mine,
  labelOf,
  onResolve,
}: {
  conflict: Conflict;
  mine: Data;
  labelOf: (path: string) => string;
  onResolve: (keepMine: Set<string>) => void;
}) {
  const { t } = useT();
  const [keepMine, setKeepMine] = useState(() => new Set(conflict.paths));
  const choose = (path: string, mineWins: boolean) =>
    setKeepMine((prev) => {
      const next = new Set(prev);
      if (mineWins) next.add(path);
      else next.delete(path);
      return next;
    });
  return (
    <Modal
      open
      title={t('conflictTitle')}
      okText={t('keepSelected')}
      onOk={() => onResolve(keepMine)}
      closable={false}
      maskClosable={false}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={900}
    >
      <Typography.Paragraph>
        {t('conflictHelp')}
        {conflict.theirsBy ? ` (${conflict.theirsBy})` : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="path"
        dataSource={conflict.paths.map((path) => ({ path }))}
        columns={[
          { title: '', dataIndex: 'path', render: (p: string) => labelOf(p), width: 180 },
          {
            title: t('theirs'),
            render: (_: unknown, r: { path: string }) => (
              <Radio checked={!keepMine.has(r.path)} onChange={() => choose(r.path, false)}>
                <span className="conflict-theirs" style={{ whiteSpace: 'pre-wrap' }}>
                  {show(getPath(conflict.theirs, r.path))}
                </span>
              </Radio>
            ),
          },
          {
            title: t('mine'),
            render: (_: unknown, r: { path: string }) => (
              <Radio checked={keepMine.has(r.path)} onChange={() => choose(r.path, true)}>
                <span className="conflict-mine" style={{ whiteSpace: 'pre-wrap' }}>
                  {show(getPath(mine, r.path))}
                </span>
              </Radio>
            ),
          },
        ]}
      />
    </Modal>
  );
}
