// A paged list: asks the core for one page at a time (the core caps pages at 200 rows), so
// the window never draws thousands of rows however large the case file grows.

import { h, mount } from './dom.js';

/**
 * pagedList({ load: (offset, limit) => Promise<Page>, item: (row) => Node, empty: () => Node, limit, name })
 * Returns { el, reload(), reset() }.
 */
export function pagedList({ load, item, empty, limit = 50, name = 'list', wrap = null }) {
  let offset = 0;
  const body = h('div', { dataset: { list: name } });
  const pager = h('div', { class: 'pager', dataset: { pager: name } });
  const el = h('div', {}, body, pager);

  async function reload() {
    const page = await load(offset, limit);
    if (page.total > 0 && page.items.length === 0 && offset > 0) {
      offset = Math.max(0, offset - limit);
      return reload();
    }
    const rows = page.items.map(item);
    mount(body, page.total === 0 ? empty() : (wrap ? wrap(rows) : rows));
    const from = page.total ? offset + 1 : 0;
    const to = offset + page.items.length;
    mount(pager,
      h('span', { dataset: { pagerText: name } }, page.total ? `${from}–${to} of ${page.total.toLocaleString('en-US')}` : ''),
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn small', type: 'button', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - limit); reload(); } }, '← Previous'),
      h('button', { class: 'btn small', type: 'button', disabled: to >= page.total, dataset: { next: name }, onclick: () => { offset += limit; reload(); } }, 'Next →'));
    pager.hidden = page.total <= limit;
    return page;
  }

  return { el, reload, reset: () => { offset = 0; return reload(); } };
}
