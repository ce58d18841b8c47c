/** The application editor: sections with completeness badges, the section form, what is missing, sealing. */
import { Affix, Alert, Badge, Button, Col, Descriptions, Drawer, Grid, Menu, Row, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { applicationQuery, completenessQuery, formQuery, invalidateApplication } from '../api/queries';
import { SectionForm } from '../form/SectionForm';
import { formatInstant, zoneName } from '../format';
import { useT } from '../i18n';
import { Countdown } from './ApplicationsPage';
import { MissingPanel } from './MissingPanel';
import { SealPanel, type ApplicationView } from './SealPanel';

const REVIEW = '__review';

export function EditorPage() {
  const { id = '' } = useParams();
  const { t, label, state } = useT();
  const screens = Grid.useBreakpoint();
  const { data: form } = useQuery(formQuery);
  const { data: app } = useQuery(applicationQuery(id));
  const { data: issues = [] } = useQuery(completenessQuery(id));
  const [current, setCurrent] = useState<string>('basics');
  const [focus, setFocus] = useState<{ section: string; path: string } | undefined>();
  const [menuOpen, setMenuOpen] = useState(false);
  const [missingOpen, setMissingOpen] = useState(false);
  const afterDrawer = useRef<{ section: string; path: string } | undefined>(undefined);
  const refreshTimer = useRef<number | undefined>(undefined);

  // after a write: the badges, the state and the missing items are read again
  const refresh = useCallback(() => invalidateApplication(id), [id]);
  // autosave: once the typing pauses, not per keystroke
  const refreshSoon = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(refresh, 800);
  }, [refresh]);
  useEffect(() => () => window.clearTimeout(refreshTimer.current), []);

  if (!form || !app) return <Skeleton active />;
  const editable = app.state === 'draft';
  const section = form.find((s) => s.key === current);
  const goTo = (key: string, path?: string) => {
    setCurrent(key);
    setMenuOpen(false);
    const target = path ? { section: key, path } : undefined;
    if (missingOpen) {
      // from the drawer: the field takes focus once the drawer has closed (not handed back to its button)
      afterDrawer.current = target;
      setMissingOpen(false);
    } else setFocus(target);
  };

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[current]}
      onClick={(e) => goTo(e.key)}
      items={[
        ...form.map((s) => {
          const c = app.sections?.find((x) => x.key === s.key);
          return {
            key: s.key,
            label: (
              <span data-section={s.key}>
                <Badge status={c?.complete ? 'success' : s.optional ? 'default' : 'warning'} /> {label(s.title)}
                {c && !c.complete && !s.optional ? ` (${c.issues})` : ''}
              </span>
            ),
          };
        }),
        { key: REVIEW, label: <strong>{t('review')}</strong> },
      ]}
    />
  );

  return (
    <div>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {app.cycle.name}
      </Typography.Title>
      <Typography.Paragraph>
        <span className="entry-code">{app.entryCode}</span> · <span data-app-state={app.state}>{state(app.state)}</span>
        {(app.state === 'draft' || app.state === 'sealed') && (
          <>
            {' · '}
            <Countdown deadline={app.deadline} timeZone={app.cycle.timeZone} state={app.state} />
          </>
        )}
      </Typography.Paragraph>
      {app.state === 'submitted' && <SubmittedNotice app={app} />}
      {app.state === 'draft' && app.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('returnedTitle')}
          description={
            <>
              <strong>{t('returnedReason')}: </strong>
              <span id="return-reason">{app.returnReason}</span>
            </>
          }
        />
      )}
      <Row gutter={16}>
        {screens.md ? (
          <Col md={6}>{menu}</Col>
        ) : (
          <Col span={24}>
            {/* narrow screens: sections and what is missing are drawers opened from the top, not a panel far below */}
            <Affix offsetTop={8}>
              <Space style={{ marginBottom: 12 }} wrap>
                <Button id="sections-toggle" onClick={() => setMenuOpen(true)}>
                  {t('sections')}
                </Button>
                {editable && (
                  <Button id="missing-toggle" onClick={() => setMissingOpen(true)} aria-haspopup="dialog">
                    <Badge count={issues.length} color="orange" size="small" offset={[8, -4]}>
                      {t('missing')}
                    </Badge>
                  </Button>
                )}
              </Space>
            </Affix>
            <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="left" title={t('sections')}>
              {menu}
            </Drawer>
            <Drawer
              open={missingOpen}
              onClose={() => setMissingOpen(false)}
              placement="top"
              size="75vh"
              title={issues.length ? `${t('missing')} (${issues.length})` : t('missing')}
              styles={{ body: { padding: 8 } }}
              focusable={{ focusTriggerAfterClose: false }}
              afterOpenChange={(open) => {
                if (open || !afterDrawer.current) return;
                setFocus(afterDrawer.current);
                afterDrawer.current = undefined;
              }}
            >
              <div id="missing-panel">
                <MissingPanel form={form} issues={issues} current={current} goTo={goTo} bare />
              </div>
            </Drawer>
          </Col>
        )}
        <Col xs={24} md={screens.md ? 12 : 24}>
          {current === REVIEW || !section ? (
            <SealPanel app={app} form={form} onChanged={refresh} goTo={goTo} />
          ) : (
            <SectionForm
              key={section.key}
              appId={id}
              section={section}
              editable={editable}
              focus={focus?.section === section.key ? focus : undefined}
              onSaved={refreshSoon}
              issues={issues.filter((i) => i.section === section.key)}
            />
          )}
        </Col>
        {screens.md && (
          <Col md={6} id="missing-panel">
            <MissingPanel form={form} issues={issues} current={current} goTo={goTo} />
          </Col>
        )}
      </Row>
    </div>
  );
}

/** After submitting: when, which entry, and what comes next — the deadline no longer counts down. */
function SubmittedNotice({ app }: { app: ApplicationView }) {
  const { t, lang } = useT();
  return (
    <Alert
      id="submitted-notice"
      type="success"
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      message={t('submittedTitle')}
      description={
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'at',
                label: t('submittedAt'),
                children: (
                  <time dateTime={app.stateChangedAt}>
                    {formatInstant(app.stateChangedAt, app.cycle.timeZone, lang)}
                    {lang === 'zh' ? `（${zoneName(app.cycle.timeZone, lang)}）` : ` (${zoneName(app.cycle.timeZone, lang)})`}
                  </time>
                ),
              },
              { key: 'code', label: t('entryCode'), children: <span className="entry-code">{app.entryCode}</span> },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{t('nextSteps')}</Typography.Paragraph>
        </>
      }
    />
  );
}
