// The dashboard's charts, drawn as SVG node by node with s() (no markup strings, no inline
// styles): axes, gridlines, labels and a legend, with colours from CSS variables so they
// read in light and dark. Every mark carries a <title> for its exact figure.

import { h, s } from '../dom.js';
import { monthLabel } from '../evidence/chart.js';

/** A "nice" step for about `ticks` gridlines up to `max`. */
export function niceStep(max, ticks = 4, integer = false) {
  const raw = Math.max(max, 1) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  return integer ? Math.max(1, Math.round(step)) : step;
}

function yAxis({ top, step, y, left, right, format }) {
  const out = [];
  for (let v = 0; v <= top + 1e-9; v += step) {
    out.push(s('line', { class: 'grid', x1: left, x2: right, y1: y(v), y2: y(v) }));
    out.push(s('text', { class: 'tick', x: left - 8, y: y(v) + 4, 'text-anchor': 'end' }, format(v)));
  }
  return out;
}

/** A legend under a chart: a swatch and a label per series. */
export function legend(items, name) {
  return h('ul', { class: 'legend', dataset: { legend: name } }, items.map((it) => h('li', { dataset: { series: it.label } },
    s('svg', { class: 'swatch', viewBox: '0 0 12 12', 'aria-hidden': 'true' }, s('rect', { class: ['mark', it.cls], x: 1, y: 1, width: 10, height: 10, rx: 2 })),
    h('span', {}, it.label), it.value !== undefined ? h('span', { class: 'legend-value' }, it.value) : null)));
}

/**
 * Complaints per month stacked by root cause: months along the bottom, a bar per month
 * made of one segment per series, the month's total above it.
 */
export function stackedBars({ title, months, series, totals, name = 'stacked' }) {
  const W = 920;
  const H = 260;
  const m = { top: 24, right: 10, bottom: 42, left: 40 };
  const iw = W - m.left - m.right;
  const ih = H - m.top - m.bottom;
  const max = Math.max(0, ...totals);
  const step = niceStep(max, 4, true);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v) => m.top + ih - (v / top) * ih;
  const band = iw / Math.max(months.length, 1);
  const bw = Math.min(44, band * 0.62);
  const bars = months.map((month, i) => {
    const x = m.left + band * i + (band - bw) / 2;
    let base = 0;
    const parts = series.map((sr, k) => {
      const v = sr.counts[i];
      if (!v) return null;
      const rect = s('rect', { class: ['mark', `series-${seriesClass(sr, k)}`], x, y: y(base + v), width: bw, height: Math.max(0, y(base) - y(base + v)) },
        s('title', {}, `${sr.name}, ${month}: ${v}`));
      base += v;
      return rect;
    });
    const [mon, year] = monthLabel(month, i);
    return s('g', { class: 'bar-group', dataset: { month, total: String(totals[i]) } },
      parts,
      totals[i] > 0 ? s('text', { class: 'bar-value', x: x + bw / 2, y: y(totals[i]) - 6, 'text-anchor': 'middle' }, String(totals[i])) : null,
      s('text', { class: 'tick', x: x + bw / 2, y: H - m.bottom + 16, 'text-anchor': 'middle' }, mon),
      year ? s('text', { class: 'tick year', x: x + bw / 2, y: H - m.bottom + 30, 'text-anchor': 'middle' }, year) : null);
  });
  return s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, dataset: { chart: name } },
    s('title', {}, title),
    yAxis({ top, step, y, left: m.left, right: W - m.right, format: (v) => String(Math.round(v)) }),
    s('line', { class: 'axis', x1: m.left, x2: m.left, y1: m.top, y2: m.top + ih }),
    s('line', { class: 'axis', x1: m.left, x2: W - m.right, y1: m.top + ih, y2: m.top + ih }),
    bars);
}

/** The colour slot of a series: its position, or the grey kept for "no root cause yet". */
export function seriesClass(sr, k) {
  return sr.root_cause_id === null || sr.root_cause_id === undefined ? 'none' : String(Math.min(k, 5));
}

/** One horizontal bar per promiser: the on-time rate from 0 to 100 %. */
export function rateBars({ title, rows, name = 'rates' }) {
  const W = 470;
  const rowH = 30;
  const m = { top: 10, right: 96, bottom: 30, left: 124 };
  const H = m.top + m.bottom + rowH * Math.max(rows.length, 1);
  const iw = W - m.left - m.right;
  const x = (p) => m.left + (p / 100) * iw;
  const grid = [0, 25, 50, 75, 100].flatMap((p) => [
    s('line', { class: p === 0 ? 'axis' : 'grid', x1: x(p), x2: x(p), y1: m.top - 4, y2: H - m.bottom }),
    s('text', { class: 'tick', x: x(p), y: H - m.bottom + 16, 'text-anchor': 'middle' }, `${p}%`),
  ]);
  const bars = rows.map((r, i) => {
    const cy = m.top + rowH * i + rowH / 2;
    const tone = r.percent === null ? 'none' : r.percent >= 80 ? 'good' : r.percent >= 50 ? 'meh' : 'bad';
    return s('g', { class: 'rate-row', dataset: { promiser: r.name, percent: r.percent === null ? '' : String(r.percent) } },
      s('text', { class: ['label', r.is_me && 'me'], x: m.left - 10, y: cy + 4, 'text-anchor': 'end' }, r.name.length > 18 ? `${r.name.slice(0, 17)}…` : r.name),
      r.percent === null
        ? s('text', { class: 'tick', x: m.left + 6, y: cy + 4 }, 'nothing to judge yet')
        : s('rect', { class: ['mark', `rate-${tone}`], x: m.left, y: cy - 8, width: Math.max(2, x(r.percent) - m.left), height: 16, rx: 3 },
          s('title', {}, `${r.name}: ${r.percent}% on time (${r.detail})`)),
      r.percent === null ? null : s('text', { class: 'bar-value', x: W - m.right + 8, y: cy + 4 }, `${r.percent}%`,
        s('tspan', { class: 'tick' }, `  ${r.detail}`)));
  });
  return s('svg', { class: 'chart rates narrow', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, dataset: { chart: name } },
    s('title', {}, title), grid, bars);
}

/** Groups of side-by-side bars (e.g. this quarter and this year, lost and remedies). */
export function groupedBars({ title, groups, series, format, name = 'grouped' }) {
  const W = 470;
  const H = 230;
  const m = { top: 22, right: 10, bottom: 34, left: 62 };
  const iw = W - m.left - m.right;
  const ih = H - m.top - m.bottom;
  const max = Math.max(0, ...groups.flatMap((g) => g.values));
  const step = niceStep(max, 4);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v) => m.top + ih - (v / top) * ih;
  const band = iw / Math.max(groups.length, 1);
  const bw = Math.min(64, (band * 0.7) / series.length);
  const bars = groups.map((g, i) => {
    const start = m.left + band * i + (band - bw * series.length) / 2;
    return s('g', { class: 'bar-group', dataset: { group: g.label } },
      g.values.map((v, k) => s('g', { dataset: { series: series[k].label, value: String(v) } },
        s('rect', { class: ['mark', series[k].cls], x: start + bw * k, y: y(v), width: bw - 4, height: Math.max(0, m.top + ih - y(v)), rx: 2 },
          s('title', {}, `${series[k].label}, ${g.label}: ${format(v)}`)),
        s('text', { class: 'bar-value', x: start + bw * k + (bw - 4) / 2, y: y(v) - 6, 'text-anchor': 'middle' }, format(v)))),
      s('text', { class: 'tick group-label', x: m.left + band * i + band / 2, y: H - m.bottom + 18, 'text-anchor': 'middle' }, g.label));
  });
  return s('svg', { class: 'chart narrow', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, dataset: { chart: name } },
    s('title', {}, title),
    yAxis({ top, step, y, left: m.left, right: W - m.right, format }),
    s('line', { class: 'axis', x1: m.left, x2: m.left, y1: m.top, y2: m.top + ih }),
    s('line', { class: 'axis', x1: m.left, x2: W - m.right, y1: m.top + ih, y2: m.top + ih }),
    bars);
}

/** A horizontal meter filling towards a threshold, with the threshold marked. */
export function meter({ label, value, max, text, name }) {
  const W = 420;
  const H = 40;
  const x0 = 0;
  const iw = W - 2;
  const fill = Math.min(1, max > 0 ? value / max : 0);
  const tone = fill >= 1 ? 'full' : fill >= 0.6 ? 'high' : 'low';
  return s('svg', { class: 'meter', viewBox: `0 0 ${W} ${H}`, role: 'meter', 'aria-label': label, 'aria-valuenow': String(value), 'aria-valuemin': '0', 'aria-valuemax': String(max), dataset: { meter: name } },
    s('title', {}, `${label}: ${text}`),
    s('rect', { class: 'meter-track', x: x0, y: 8, width: iw, height: 14, rx: 7 }),
    s('rect', { class: ['meter-fill', tone], x: x0, y: 8, width: Math.max(fill > 0 ? 8 : 0, iw * fill), height: 14, rx: 7 }),
    s('line', { class: 'meter-mark', x1: iw - 1, x2: iw - 1, y1: 4, y2: 26 }),
    s('text', { class: 'tick', x: 0, y: 38 }, '0'),
    s('text', { class: 'tick', x: iw, y: 38, 'text-anchor': 'end' }, 'threshold'));
}
