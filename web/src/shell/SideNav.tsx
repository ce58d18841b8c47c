/** The role's navigation: a side menu on wide screens, a drawer behind a menu button on narrow ones. */
import { Button, Drawer, Menu } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../i18n';
import { navFor, selectedNav, type Role } from './nav';

function NavMenu({ role, onPick }: { role: Role; onPick?: () => void }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const items = navFor(role);
  const selected = selectedNav(items, pathname);
  return (
    <nav aria-label={t('navigation')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        onClick={onPick}
        style={{ borderInlineEnd: 'none' }}
        items={items.map((n) => ({
          key: n.path,
          label: (
            <Link to={n.path} data-nav={n.label}>
              {t(n.label)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}

export function SideNav({ role }: { role: Role }) {
  return (
    <div style={{ width: 200, flex: 'none', background: '#fff', borderInlineEnd: '1px solid #f0f0f0' }}>
      <NavMenu role={role} />
    </div>
  );
}

export function NavDrawerButton({ role }: { role: Role }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" id="nav-toggle" aria-expanded={open} onClick={() => setOpen(true)}>
        {t('menu')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} placement="left" title={t('menu')} size={260}>
        <NavMenu role={role} onPick={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
