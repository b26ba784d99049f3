// The sections of the app, in the order the sidebar shows them. Each screen adds itself
// here with its route, its "g then key" shortcut and, when it has one, a live count.

import { h, icon, mount } from './dom.js';
import { ICONS } from './icons.js';

export const SECTIONS = [
  { group: 'Overview', route: '/dashboard', label: 'Dashboard', icon: 'dashboard', key: 'h' },
  { group: 'Overview', route: '/briefing', label: 'Briefing', icon: 'briefing', key: 'b' },
  { group: 'Overview', route: '/search', label: 'Search', icon: 'search', key: 's' },
  { group: 'Records', route: '/customers', label: 'Customers', icon: 'customers', key: 'c' },
  { group: 'Records', route: '/people', label: 'People', icon: 'people', key: 'p' },
  { group: 'Records', route: '/promises', label: 'Promises', icon: 'promises', key: 'r', countTitle: 'Overdue promises' },
  { group: 'Records', route: '/promisers', label: 'Promisers', icon: 'promisers', key: 'w' },
  { group: 'Evidence', route: '/complaints', label: 'Complaints', icon: 'complaints', key: 'k' },
  { group: 'Evidence', route: '/root-causes', label: 'Root causes', icon: 'roots', key: 'o' },
  { group: 'Evidence', route: '/decisions', label: 'Decisions', icon: 'decisions', key: 'd' },
  { group: 'Escalate', route: '/packet', label: 'Packet', icon: 'packet', key: 'x' },
  { group: null, route: '/settings', label: 'Settings', icon: 'settings', key: ',' },
  { group: null, route: '/safety', label: 'Safety', icon: 'lock', key: 's' },
];

const counts = new Map();

export function renderNav(container, current) {
  const items = [];
  let group;
  for (const s of SECTIONS) {
    if (s.group && s.group !== group) items.push(h('div', { class: 'nav-section' }, s.group));
    if (!s.group && group) items.push(h('div', { class: 'nav-section' }, ' '));
    group = s.group;
    const active = current === s.route || current.startsWith(`${s.route}/`);
    const n = counts.get(s.route);
    items.push(h('a', { href: `#${s.route}`, 'aria-current': active ? 'page' : null, dataset: { nav: s.route.slice(1) } },
      icon(ICONS[s.icon] || ICONS.folder), s.label,
      n ? h('span', { class: 'count', dataset: { navCount: s.route.slice(1) }, title: s.countTitle || '' }, String(n)) : null));
  }
  mount(container, items);
}

/** Set the badge next to a section (e.g. overdue promises); 0 hides it. */
export function setCount(route, n) {
  counts.set(route, n);
}
