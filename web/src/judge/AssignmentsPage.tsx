/** A judge's start page: their review assignments (the judging pages fill it; until then it says what will be here). */
import { Empty, Typography } from 'antd';
import { useT } from '../i18n';

export function AssignmentsPage() {
  const { t } = useT();
  return (
    <div>
      <Typography.Title level={2} data-judge-home>
        {t('navAssignments')}
      </Typography.Title>
      <Empty description={t('assignmentsEmpty')} />
    </div>
  );
}
