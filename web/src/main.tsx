import { App as AntApp, Button, ConfigProvider, Grid, Layout, Skeleton, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, StrictMode, Suspense, useCallback, useContext, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { get, post, type Reply } from './api/client';
import { prefetchFor, queryClient } from './api/queries';
import { setClearWord, watchLibraryNames } from './a11y';
import { LangContext, useT, type Lang } from './i18n';
import { LoginPage, RegisterPage } from './pages/AuthPages';
import { isStaff } from './shell/nav';

// signed-in pages load on demand: the sign-in page does not wait for the editor's code
const ApplicationsPage = lazy(() => import('./pages/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })));
const loadEditor = () => import('./pages/EditorPage');
const EditorPage = lazy(() => loadEditor().then((m) => ({ default: m.EditorPage })));
const MembersPage = lazy(() => import('./pages/OrganisationPages').then((m) => ({ default: m.MembersPage })));
const AcceptInvitationPage = lazy(() => import('./pages/OrganisationPages').then((m) => ({ default: m.AcceptInvitationPage })));
const NotFound = lazy(() => import('./shell/NotFound').then((m) => ({ default: m.NotFound })));
// the navigation (Menu, Drawer) only once signed in: the sign-in page's first load does not carry it
const SideNav = lazy(() => import('./shell/SideNav').then((m) => ({ default: m.SideNav })));
const NavDrawerButton = lazy(() => import('./shell/SideNav').then((m) => ({ default: m.NavDrawerButton })));
// the staff console and the judges' pages: chunks of their own, never loaded for an applicant
const StaffRoutes = lazy(() => import('./staff/StaffRoutes').then((m) => ({ default: m.StaffRoutes })));
const StaffHome = lazy(() => import('./staff/StaffRoutes').then((m) => ({ default: m.StaffHome })));
const JudgeHome = lazy(() => import('./judge/JudgePages').then((m) => ({ default: m.JudgeHome })));
const JudgeProfilePage = lazy(() => import('./judge/JudgePages').then((m) => ({ default: m.JudgeProfilePage })));
const JudgeInvitationPage = lazy(() => import('./judge/JudgePages').then((m) => ({ default: m.JudgeInvitationPage })));
// the scoring screen: its own chunk (the rubric, the autosave, the entry's read-only view)
const ScoringPage = lazy(() => import('./judge/ScoringPage').then((m) => ({ default: m.ScoringPage })));

type Me = Reply<'MeResponse'>;

function Shell() {
  const { t, lang } = useT();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const reload = useCallback(() => void get<Me>('/api/auth/me').then(setMe, () => setMe(null)), []);
  useEffect(reload, [reload]);
  const { setLang } = useContext(LangContext);
  const screens = Grid.useBreakpoint();
  // applicants keep the header's two links (their pages have their own section menu); the other roles get the side navigation
  const sideNav = !!me && me.user.role !== 'applicant';
  useEffect(() => setClearWord(t('clear')), [lang]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, paddingInline: 16 }}>
        <Link
          to="/"
          style={{
            color: '#fff',
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            minWidth: 0,
            flex: '1 1 auto',
          }}
        >
          {t('appTitle')}
        </Link>
        <Space size={screens.md ? 'middle' : 'small'} style={{ flex: 'none' }}>
          <Button size="small" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
          {me?.user.role === 'applicant' && (
            <Link to="/organisation" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
              {t('members')}
            </Link>
          )}
          {sideNav && !screens.lg && (
            <Suspense fallback={null}>
              <NavDrawerButton role={me.user.role} />
            </Suspense>
          )}
          {me && screens.md && <Typography.Text style={{ color: '#fff' }}>{me.user.name}</Typography.Text>}
          {me && (
            <Button size="small" onClick={() => void post('/api/auth/logout').finally(() => setMe(null))}>
              {t('logout')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout hasSider={sideNav && screens.lg}>
        {sideNav && screens.lg && (
          <Suspense fallback={<div style={{ width: 200, flex: 'none' }} />}>
            <SideNav role={me.user.role} />
          </Suspense>
        )}
        <Layout.Content style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto', minWidth: 0 }}>
          {me === undefined ? null : (
            <Suspense fallback={<Skeleton active />}>
              <Routes>
                <Route path="/login" element={me ? <Navigate to="/" /> : <LoginPage onSignedIn={reload} />} />
                <Route path="/register" element={me ? <Navigate to="/" /> : <RegisterPage onSignedIn={reload} />} />
                <Route path="/invitations/:token" element={<AcceptInvitationPage signedIn={!!me} onJoined={reload} />} />
                <Route path="/judge-invitations/:token" element={<JudgeInvitationPage onSignedIn={reload} />} />
                {!me ? (
                  <Route path="*" element={<Navigate to="/login" />} />
                ) : me.user.role === 'applicant' ? (
                  <>
                    <Route path="/" element={<ApplicationsPage />} />
                    <Route path="/applications/:id" element={<EditorPage />} />
                    <Route path="/organisation" element={<MembersPage />} />
                  </>
                ) : me.user.role === 'judge' ? (
                  <>
                    <Route path="/" element={<JudgeHome />} />
                    <Route path="/profile" element={<JudgeProfilePage />} />
                    <Route path="/assignments/:id" element={<ScoringPage />} />
                  </>
                ) : isStaff(me.user.role) ? (
                  <>
                    <Route path="/" element={<StaffHome />} />
                    <Route path="/staff/*" element={<StaffRoutes role={me.user.role} />} />
                  </>
                ) : null}
                {me && <Route path="*" element={<NotFound />} />}
              </Routes>
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * AntD's defaults below WCAG AA contrast (4.5:1) on white or on a tag's tint, darkened: links
 * (#1677ff), secondary/description text (45 % black: step titles, counters, help), success text,
 * success and the text of orange tags (totals, save state, countdown) and the selected menu item.
 */
const THEME = {
  token: {
    colorPrimary: '#1f4e79',
    colorLink: '#1f4e79',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    // success (text, tags of a total that adds up, "saved"): AntD's #52c41a is 2.3:1 on white
    colorSuccess: '#237804',
    colorSuccessText: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    // the selected menu item's tint: the one derived from this dark primary is grey (#adb4b8, 4.1:1)
    colorPrimaryBg: '#e6eef6',
    // tags write in the 7th shade of their palette on its 1st (3.3:1 for orange): a seed a shade darker
    orange: '#d46b08',
    // danger buttons (撤销 / revoke) and error text: AntD's #ff4d4f is 3.3:1 on white
    colorError: '#cf1322',
  },
};

function Root() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh'));
  const choose = useCallback((l: Lang) => {
    localStorage.setItem('lang', l);
    setLang(l);
  }, []);
  // the document's language is the page's, from the first render (a screen reader reads English as English)
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <LangContext.Provider value={{ lang, setLang: choose }}>
      {/* no space inserted into two-character buttons (登 录): the labels are written as meant */}
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
        <AntApp>
          <BrowserRouter>
            <Shell />
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

// opened at an entry: its code and its data are asked for now, beside GET /api/auth/me, not after it
prefetchFor(location.pathname, loadEditor);
watchLibraryNames();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
