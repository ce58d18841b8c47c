/**
 * Around every staff page: the theme's few darker tokens the console's widgets need for WCAG AA
 * contrast (placeholders, danger buttons, the read-only form's disabled inputs and tags), and the
 * accessible names Ant Design's tables leave in English or empty (select-all box, pager arrows),
 * fixed as the pages render (no prop reaches them). Scoped to the staff chunk.
 */
import { ConfigProvider } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useStaffT } from './texts';

const THEME = {
  token: {
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorError: '#cf1322',
    colorTextDisabled: 'rgba(0, 0, 0, 0.62)',
  },
};

function fix(root: ParentNode, words: { selectAll: string; selectRow: string; prev: string; next: string }) {
  for (const box of root.querySelectorAll<HTMLInputElement>('.ant-table-selection-column input[type="checkbox"]')) {
    const inHeader = !!box.closest('thead');
    const want = inHeader ? words.selectAll : words.selectRow;
    if (box.getAttribute('aria-label') !== want) box.setAttribute('aria-label', want);
  }
  for (const [cls, word] of [
    ['.ant-pagination-prev button', words.prev],
    ['.ant-pagination-next button', words.next],
  ] as const)
    for (const b of root.querySelectorAll<HTMLElement>(cls)) if (b.getAttribute('aria-label') !== word) b.setAttribute('aria-label', word);
  // the hidden row a table measures its columns with holds copies of controls: out of the tab order
  for (const el of root.querySelectorAll<HTMLElement>('.ant-table-measure-row input, .ant-table-measure-row button'))
    if (el.tabIndex !== -1) el.tabIndex = -1;
  // a table wider than the screen scrolls sideways: reachable by keyboard
  for (const el of root.querySelectorAll<HTMLElement>('.ant-table-content'))
    if (el.scrollWidth > el.clientWidth && el.tabIndex !== 0) el.tabIndex = 0;
}

export function StaffFrame({ children }: { children: ReactNode }) {
  const { s, lang } = useStaffT();
  useEffect(() => {
    const words = { selectAll: s('selectAll'), selectRow: s('selectRow'), prev: s('prevPage'), next: s('nextPage') };
    fix(document.body, words);
    const observer = new MutationObserver(() => fix(document.body, words));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps
  return <ConfigProvider theme={THEME}>{children}</ConfigProvider>;
}
