// A small bar chart in SVG with axes and labels, built node by node (no markup strings, no
// inline styles: colours come from evidence.css).

import { s } from '../dom.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A "nice" step for about `ticks` gridlines up to `max`. */
function niceStep(max, ticks = 4) {
  const raw = Math.max(max, 1) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
}

export function monthLabel(month, i) {
  const [y, m] = month.split('-');
  const name = MONTHS[Number(m) - 1] || m;
  return i === 0 || m === '01' ? [name, y] : [name, ''];
}

/**
 * barChart({ title, points: [{label: "2026-03", value, text}], format: (v) => string, name })
 * `text` is what a bar's label says (defaults to format(value)).
 */
export function barChart({ title, points, format = String, name = 'chart', className = '', integer = false }) {
  const W = 680;
  const H = 230;
  const m = { top: 22, right: 12, bottom: 40, left: 64 };
  const iw = W - m.left - m.right;
  const ih = H - m.top - m.bottom;
  const max = Math.max(0, ...points.map((p) => p.value));
  const step = integer ? Math.max(1, niceStep(max)) : niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v) => m.top + ih - (v / top) * ih;
  const band = iw / Math.max(points.length, 1);
  const bw = Math.min(38, band * 0.64);
  const grid = [];
  for (let v = 0; v <= top + 1e-9; v += step) {
    grid.push(s('line', { class: 'grid', x1: m.left, x2: W - m.right, y1: y(v), y2: y(v) }));
    grid.push(s('text', { class: 'tick', x: m.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, format(v)));
  }
  const bars = points.map((p, i) => {
    const x = m.left + band * i + (band - bw) / 2;
    const [mon, year] = monthLabel(p.label, i);
    return s('g', { class: 'bar-group', dataset: { month: p.label, value: String(p.value) } },
      s('rect', { class: ['bar', className], x, y: y(p.value), width: bw, height: Math.max(0, m.top + ih - y(p.value)), rx: 2 },
        s('title', {}, `${p.label}: ${p.text ?? format(p.value)}`)),
      p.value > 0 ? s('text', { class: 'bar-value', x: x + bw / 2, y: y(p.value) - 5, 'text-anchor': 'middle' }, p.text ?? format(p.value)) : null,
      s('text', { class: 'tick', x: x + bw / 2, y: H - m.bottom + 15, 'text-anchor': 'middle' }, mon),
      year ? s('text', { class: 'tick year', x: x + bw / 2, y: H - m.bottom + 29, 'text-anchor': 'middle' }, year) : null);
  });
  return s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, dataset: { chart: name } },
    s('title', {}, title),
    grid,
    s('line', { class: 'axis', x1: m.left, x2: m.left, y1: m.top, y2: m.top + ih }),
    s('line', { class: 'axis', x1: m.left, x2: W - m.right, y1: m.top + ih, y2: m.top + ih }),
    bars);
}
