/**
 * What the component libraries name in English whatever the page's language, and no prop reaches:
 * every Ant Design icon is `<span role="img" aria-label="down|right|close|check">` (all of ours are
 * decorative: the control around them carries the name), and a Select's clear button is "Clear"
 * (antd drops `allowClear.label`). Icons are hidden from assistive technology; clear buttons take
 * the page's word. Watched as the pages render.
 */
let clearWord = '清除';

function fix(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>('.anticon[role="img"]:not([aria-hidden])'))
    icon.setAttribute('aria-hidden', 'true');
  for (const button of root.querySelectorAll<HTMLElement>('.ant-select-clear'))
    if (button.getAttribute('aria-label') !== clearWord) button.setAttribute('aria-label', clearWord);
}

export function watchLibraryNames(): void {
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) fix(n.parentElement ?? n);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  fix(document.body);
}

/** The word the clear buttons say, in the page's language. */
export function setClearWord(word: string): void {
  clearWord = word;
  fix(document.body);
}
