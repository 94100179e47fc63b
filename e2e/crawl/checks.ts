/// <reference lib="dom" />
// (The functions here run inside the browser page: they need the DOM types.)
/**
 * What the crawl looks for on a rendered page state (issue 11 item 6). The function below runs
 * inside the page (page.evaluate), so it is self-contained: no imports, no closures.
 *
 * Rules, chosen to be strict and to have few false positives:
 * - raw-key: visible text (innerText, input placeholders) containing an i18n-key-like token
 *   `word.word(.word…)` starting lower-case, or a snake_case code `word_word` — minus e-mail
 *   addresses, URLs, host names, file names and WeChat ids (wxid_…), which are legitimate content, and identifiers the
 *   page deliberately shows as code (`<code>`: a role's code, a webhook event type for integrators);
 * - id: an id where a name belongs —
 *   `#123` not glued to a word (a document shown by its id instead of its number),
 *   a UUID,
 *   `X → 8` where X is not a number (a timeline change whose new value is a bare id),
 *   a bare integer as the value of a field, table column or timeline change whose label names a
 *   person, department, document or file (负责人, 客户, 部门, 签收单, 扫描件 …) — not a count
 *   (新客户, 客户数, 数量);
 * - iso-time: an ISO timestamp `2025-01-31T08:…` on screen;
 * - overflow: the document scrolls sideways (phone only);
 * - error-page: the full 404 / 403 / load-error page rendered (the crawl only follows links, so
 *   any of them is a dead end; `inTab` tells when it sits inside a tab).
 */
export interface PageIssue {
  kind: 'raw-key' | 'id' | 'iso-time' | 'overflow' | 'error-page';
  detail: string;
}

export function inspectPage(opts: { phone: boolean }): PageIssue[] {
  const issues: PageIssue[] = [];
  const seen = new Set<string>();
  const add = (kind: PageIssue['kind'], detail: string) => {
    const key = `${kind}|${detail}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push({ kind, detail });
    }
  };
  const visible = (el: Element) => {
    const r = (el as HTMLElement).getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const excerpt = (text: string, index: number, len: number) =>
    text
      .slice(Math.max(0, index - 20), index + len + 20)
      .replace(/\s+/g, ' ')
      .trim();

  const placeholders = Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))
    .filter(visible)
    .map((el) => el.getAttribute('placeholder') ?? '');
  const text = [document.body.innerText, ...placeholders].join('\n');

  // Legitimate dotted/underscored content: e-mail, URL, host, file name.
  const FILE_EXT = /\.(pdf|xlsx?|csv|docx?|pptx?|png|jpe?g|gif|svg|zip|rar|txt|json|xml|html?)$/i;
  const TLD = /\.(com|cn|net|org|io|gov|edu|info|biz|co|local)(\.[a-z]{2})?$/i;
  const code = Array.from(document.querySelectorAll('code, kbd, pre')).map((e) => (e as HTMLElement).innerText);
  const legit = (token: string) =>
    code.some((c) => c.includes(token)) ||
    /^wxid_/.test(token) || // a WeChat id: contact data
    token.includes('@') ||
    /^(https?:\/\/|www\.)/i.test(token) ||
    FILE_EXT.test(token) ||
    TLD.test(token);
  const tokenAt = (index: number) => {
    let s = index;
    let e = index;
    while (s > 0 && /[^\s，。、；：（）()「」【】[\]"'<>,]/.test(text[s - 1])) s--;
    while (e < text.length && /[^\s，。、；：（）()「」【】[\]"'<>,]/.test(text[e])) e++;
    return text.slice(s, e);
  };
  for (const re of [/\b[a-z][a-zA-Z]+(\.[a-zA-Z0-9_]+)+\b/g, /\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b/g]) {
    for (const m of text.matchAll(re)) {
      const token = tokenAt(m.index);
      if (!legit(token)) add('raw-key', `"${m[0]}" in "${excerpt(text, m.index, m[0].length)}"`);
    }
  }

  const hashIds = [...text.matchAll(/(^|[^\w&])#\d+\b/g)];
  if (hashIds.length) {
    const m = hashIds[0];
    add('id', `${hashIds.length}× "#n", e.g. "${m[0].trim()}" in "${excerpt(text, m.index, 8)}"`);
  }
  for (const m of text.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi)) {
    add('id', `uuid "${m[0]}"`);
  }
  // A field or column about a person / department / document / file whose value is a bare integer.
  const NAMED = /(人|员|者|给|客户|部门|经理|主管|负责|审批|商机|报价|合同|订单|单|仓库|公海|角色|用户|记录|件)$/;
  const COUNT = /^新|数|量|次|率/;
  const bareId = (label: string, value: string, where: string) => {
    const l = label.replace(/[\s:：*]/g, '');
    const v = value.trim();
    if (NAMED.test(l) && !COUNT.test(l) && /^\d+$/.test(v)) add('id', `${where} "${l}" shows "${v}"`);
  };
  // Timeline changes "label：old → 8" / "分配给 → 8": the label is the text before the last colon of the line.
  for (const m of text.matchAll(/→[ \t]*(\d+)(?![\d.,:%\-/\w])/g)) {
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
    const segment = line.split(/[：:]/);
    const label =
      segment.length > 1
        ? (segment[segment.length - 2].split(/\s/).pop() ?? '')
        : (line.trim().split(/\s/).pop() ?? '');
    bareId(label, m[1], 'change');
  }
  for (const item of Array.from(document.querySelectorAll('.ant-descriptions-item')).filter(visible)) {
    const label = item.querySelector('.ant-descriptions-item-label')?.textContent ?? '';
    const value = (item.querySelector('.ant-descriptions-item-content') as HTMLElement | null)?.innerText ?? '';
    bareId(label, value, 'field');
  }
  for (const table of Array.from(document.querySelectorAll('.ant-table')).filter(visible)) {
    const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent ?? '');
    for (const row of Array.from(table.querySelectorAll('tbody tr.ant-table-row')).slice(0, 20)) {
      Array.from(row.children).forEach((td, i) => {
        bareId(heads[i] ?? '', (td as HTMLElement).innerText, 'column');
      });
    }
  }
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:/g)) {
    add('iso-time', `"${excerpt(text, m.index, 19)}"`);
  }

  if (opts.phone) {
    // While a modal or drawer is open antd locks the page's scroll (and may widen it a little):
    // then what must fit is the overlay itself.
    const overlays = Array.from(document.querySelectorAll('.ant-modal-wrap, .ant-drawer-content-wrapper')).filter(
      visible,
    );
    const W = window.innerWidth;
    // In an overlay, content cut off at the left edge (a panel wider than the screen) counts too.
    // Content inside a box that scrolls sideways by itself and fits (a wide table with scroll.x) is
    // reached by swiping that box, not the page: it does not count.
    const clippedByScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === 'auto' || ox === 'scroll') {
          const r = a.getBoundingClientRect();
          return r.right <= W + 1 && r.left >= -1;
        }
      }
      return false;
    };
    const over = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (r.right > W + 1 || (overlays.length > 0 && r.left < -1)) && visible(el) && !clippedByScroller(el);
    };
    const scope = overlays.length ? overlays : [document.body];
    const wide = scope.flatMap((root) =>
      Array.from(root.querySelectorAll('*')).filter((el) => over(el) && !Array.from(el.children).some(over)),
    );
    const scrolls = overlays.length ? wide.length > 0 : document.documentElement.scrollWidth > W + 1;
    if (scrolls) {
      // Name the culprits: the innermost elements reaching past the right edge.
      const names = wide.slice(0, 3).map((el) => {
        const cls = typeof el.className === 'string' ? el.className.split(' ').slice(0, 2).join('.') : '';
        const tid = el.closest('[data-testid]')?.getAttribute('data-testid');
        const text = (el.textContent ?? '').trim().slice(0, 20);
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${tid ? ` in [${tid}]` : ''}${text ? ` "${text}"` : ''}`;
      });
      const width = overlays.length ? 'overlay' : `scrollWidth ${document.documentElement.scrollWidth}`;
      add('overflow', `${width} > ${W}: ${names.join(', ')}`);
    }
  }

  for (const id of ['not-found', 'forbidden', 'load-error']) {
    for (const el of Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).filter(visible)) {
      const inTab = !!el.closest('.ant-tabs-tabpane');
      add('error-page', `${id} page${inTab ? ' inside a tab' : ''}`);
    }
  }
  return issues;
}
