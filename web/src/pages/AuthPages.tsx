/** Sign in and register: the session cookie is set by the API; the page only reloads the user. */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, post, type Body } from '../api/client';
import { useT } from '../i18n';

function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px' }}>
      <Card title={title} style={{ width: '100%', maxWidth: 420 }}>
        {children}
      </Card>
    </div>
  );
}

/**
 * Posts the form; a 400's details are shown at their fields (each message once, under the field it
 * names), and only what names no field of this form goes to the alert above it.
 */
function useSubmit<T>(path: string, onDone: () => void, fields: readonly string[] = []) {
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await post(path, values);
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) return setError(String(e));
      const atField = new Map<string, Set<string>>();
      const elsewhere = new Set<string>();
      for (const d of e.body.details ?? []) {
        const name = d.path.split('.')[0];
        if (fields.includes(name)) atField.set(name, (atField.get(name) ?? new Set()).add(d.message));
        else elsewhere.add(d.message);
      }
      form.setFields([...atField].map(([name, messages]) => ({ name: name as never, errors: [...messages] })));
      if (!atField.size || elsewhere.size) setError([e.message, ...elsewhere].filter((m, i, all) => all.indexOf(m) === i).join(' '));
    } finally {
      setBusy(false);
    }
  };
  return { form, error, busy, submit };
}

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const { form, error, busy, submit } = useSubmit<Body<'LoginDto'>>(
    '/api/auth/login',
    () => {
      onSignedIn();
      navigate('/');
    },
    ['email', 'password'],
  );
  return (
    <AuthCard title={t('login')}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('email')} name="email" htmlFor="login-email" rules={[{ required: true }]}>
          <Input id="login-email" type="email" autoComplete="username" />
        </Form.Item>
        <Form.Item label={t('password')} name="password" htmlFor="login-password" rules={[{ required: true }]}>
          <Input.Password id="login-password" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('login')}
        </Button>
      </Form>
      <p style={{ marginTop: 16 }}>
        <Link to="/register">{t('noAccount')}</Link>
      </p>
    </AuthCard>
  );
}

export function RegisterPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const { form, error, busy, submit } = useSubmit<Body<'RegisterDto'>>(
    '/api/auth/register',
    () => {
      onSignedIn();
      navigate('/');
    },
    ['organisationName', 'name', 'email', 'password'],
  );
  return (
    <AuthCard title={t('register')}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('organisationName')} name="organisationName" htmlFor="reg-org" rules={[{ required: true }]}>
          <Input id="reg-org" autoComplete="organization" />
        </Form.Item>
        <Form.Item label={t('name')} name="name" htmlFor="reg-name" rules={[{ required: true }]}>
          <Input id="reg-name" autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('email')} name="email" htmlFor="reg-email" rules={[{ required: true }]}>
          <Input id="reg-email" type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item label={t('password')} name="password" htmlFor="reg-password" rules={[{ required: true }]}>
          <Input.Password id="reg-password" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('register')}
        </Button>
      </Form>
      <p style={{ marginTop: 16 }}>
        <Link to="/login">{t('haveAccount')}</Link>
      </p>
    </AuthCard>
  );
}
