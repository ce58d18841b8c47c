/** What a role sees at a path that is not its to open: the same page as a path that does not exist. */
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';

export function NotFound() {
  const { t } = useT();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFoundTitle')}</h1>}
      subTitle={t('notFoundText')}
      data-not-found
      extra={
        <Link to="/">
          <Button type="primary" tabIndex={-1}>
            {t('backHome')}
          </Button>
        </Link>
      }
    />
  );
}
