/** A judge's review assignments (the judging pages fill it; until then it says what will be here). */
import { Empty, Typography } from 'antd';
import { useT } from '../i18n';

export function AssignmentsPage({ level = 2 }: { level?: 1 | 2 | 3 }) {
  const { t } = useT();
  return (
    <div>
      <Typography.Title level={level} style={{ fontSize: level === 1 ? 24 : 20 }}>
        {t('navAssignments')}
      </Typography.Title>
      <Empty description={t('assignmentsEmpty')} />
    </div>
  );
}
