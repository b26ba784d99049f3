// How dates, times and money are shown, following the user's settings.

let settings = { date_format: 'iso', currency: 'EUR' };

export function useSettings(s) {
  if (s) settings = s;
}

export function currentSettings() {
  return settings;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A plain date "2026-03-31" in the chosen format. */
export function date(text) {
  if (!text) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return text;
  const [, y, mo, d] = m;
  if (settings.date_format === 'dmy') return `${d}/${mo}/${y}`;
  if (settings.date_format === 'mdy') return `${mo}/${d}/${y}`;
  return text;
}

/** A stored instant in local time. */
export function instant(text) {
  if (!text) return '—';
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return text;
  const pad = (n) => String(n).padStart(2, '0');
  return `${date(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A moment stored with its precision: exact, day, month or approximate. */
export function moment(text, precision) {
  if (!text) return '—';
  if (precision === 'exact' || text.length > 10) return instant(text);
  if (precision === 'month' || text.length === 7) {
    const [y, m] = text.split('-');
    return `${MONTHS[Number(m) - 1] || m} ${y}`;
  }
  if (precision === 'approximate') return `c. ${date(text)}`;
  return date(text);
}

const MINOR = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3 };
const SYMBOL = { EUR: '€', USD: '$', GBP: '£', JPY: '¥', INR: '₹', KRW: '₩', ILS: '₪', VND: '₫', AUD: 'A$', CAD: 'CA$', NZD: 'NZ$', HKD: 'HK$', SGD: 'S$', MXN: 'MX$', BRL: 'R$', CNY: 'CN¥', TWD: 'NT$' };

/** {minor, currency} as "€1,250.50"; mirrors the core's money::format. */
export function money(m) {
  if (!m) return '—';
  const units = MINOR[m.currency] ?? 2;
  const abs = Math.abs(m.minor);
  const whole = Math.floor(abs / 10 ** units).toLocaleString('en-US');
  const frac = units ? `.${String(abs % 10 ** units).padStart(units, '0')}` : '';
  const sign = m.minor < 0 ? '−' : '';
  const sym = SYMBOL[m.currency];
  return sym ? `${sign}${sym}${whole}${frac}` : `${sign}${whole}${frac} ${m.currency}`;
}

/** Several currencies side by side: "€1,200.00 + $300.00". */
export function totals(list) {
  if (!list || !list.length) return '—';
  return list.map(money).join(' + ');
}

/** The typed form of an amount, for editing: "1250.50". */
export function moneyInput(m) {
  if (!m) return '';
  const units = MINOR[m.currency] ?? 2;
  return units ? (m.minor / 10 ** units).toFixed(units) : String(m.minor);
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Today as YYYY-MM-DD in local time. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
