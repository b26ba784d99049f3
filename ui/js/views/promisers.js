// Each promiser's record, side by side: made, kept on time, kept late, broken, open,
// overdue, renegotiated, withdrawn, the on-time rate, not in writing, follow-ups left
// unanswered, and lost revenue. The table to bring upward when the record is strong enough.

import * as api from '../api.js';
import { h, initials, mount } from '../dom.js';
import * as fmt from '../format.js';
import { onLedgerChange } from '../promise-bits.js';

const COLUMNS = [
  ['made', 'Made', 'Promises made'],
  ['kept_on_time', 'Kept on time', 'Kept on or before the due date'],
  ['kept_late', 'Kept late', 'Kept after the due date'],
  ['broken', 'Broken', 'Marked broken'],
  ['open', 'Open', 'Still open'],
  ['overdue', 'Overdue', 'Open and past the due date'],
  ['renegotiated', 'Renego­tiated', 'Due date renegotiated with the customer (never counted as broken)'],
  ['withdrawn', 'With­drawn', 'Withdrawn'],
  ['not_in_writing', 'Not in writing', 'Never confirmed in writing'],
  ['follow_ups_unanswered', 'Follow-ups unanswered', 'Follow-ups sent since the last reply and still waiting for one'],
];
const BAD = new Set(['broken', 'overdue', 'not_in_writing', 'follow_ups_unanswered']);

export async function render(container) {
  const body = h('div', { dataset: { promisers: '' } });
  container.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Promisers'), h('div', { class: 'sub' }, 'Everyone’s record side by side: what they promised, what they kept, and what the broken ones cost.'))),
    body);
  const draw = async () => {
    const records = await api.promiserRecords();
    mount(body, records.some((r) => r.made) ? table(records) : h('div', { class: 'card' }, h('div', { class: 'empty' },
      h('h3', {}, 'No promises recorded yet'), h('p', {}, 'Once promises are logged, each person’s record appears here.'))));
  };
  await draw();
  return onLedgerChange(draw);
}

function rate(r) {
  if (!r.on_time_rate) return h('span', { class: 'muted', title: 'Nothing to judge yet' }, '—');
  const { percent, on_time: on, out_of: of } = r.on_time_rate;
  return h('span', { class: ['rate', percent < 50 ? 'bad' : percent < 80 ? 'meh' : 'good'], title: `${on} of ${of} on time` },
    h('span', { class: 'rate-bar' }, bar(percent)), `${percent}%`);
}

function bar(percent) {
  const fill = h('span', { class: 'rate-fill' });
  fill.style.width = `${percent}%`;
  return fill;
}

function row(r, goTo) {
  const person = h('td', {}, h('div', { class: 'row' },
    h('div', { class: 'avatar small' }, initials(r.name)),
    h('div', { class: 'stack tight' },
      h('strong', {}, r.name, r.is_me ? h('span', { class: 'badge accent' }, 'you') : null),
      h('span', { class: 'muted small' }, r.role || ''))));
  const counts = COLUMNS.map(([key]) => h('td', { class: ['num', BAD.has(key) && r[key] > 0 && 'bad'], dataset: { cell: key } },
    r.made || key === 'made' ? String(r[key]) : '·'));
  const lost = h('td', { class: ['num', r.lost.entries && 'bad'], dataset: { cell: 'lost' } },
    r.lost.entries
      ? [r.lost.all.map((m) => h('div', {}, fmt.money(m))),
        h('div', { class: 'muted small', title: `Estimated: ${fmt.totals(r.lost.estimated)}` }, `confirmed ${fmt.totals(r.lost.confirmed)}`)]
      : h('span', { class: 'muted' }, '—'));
  return h('tr', {
    class: ['clickable', !r.made && 'idle'], tabindex: '0', dataset: { promiser: r.name, id: r.person_id },
    onclick: () => goTo(r), onkeydown: (e) => { if (e.key === 'Enter') goTo(r); },
  }, person, counts, h('td', { class: 'num', dataset: { cell: 'on_time_rate' } }, rate(r)), lost);
}

function table(records) {
  const goTo = (r) => import('./promises.js').then((m) => m.showLedger({ made_by_id: r.person_id }));
  const head = h('thead', {}, h('tr', {},
    h('th', {}, 'Person'),
    COLUMNS.map(([, label, title]) => h('th', { class: 'num', title }, label)),
    h('th', { class: 'num', title: 'Kept on time ÷ (kept + broken + open overdue)' }, 'On-time rate'),
    h('th', { class: 'num' }, 'Lost revenue')));
  return h('div', { class: 'stack' },
    h('div', { class: 'card scroll-x' },
      h('table', { class: 'table record-table', dataset: { recordTable: '' } }, head, h('tbody', {}, records.map((r) => row(r, goTo))))),
    h('p', { class: 'muted small definition' },
      'On-time rate: the promises kept on or before their due date, out of those kept, broken, or still open past their due date. ',
      'A renegotiated promise is judged against the date agreed with the customer; withdrawn promises and open ones not yet due are left out. ',
      'Click a person to see their promises.'));
}
