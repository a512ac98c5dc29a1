// A sortable, paged table of rows (objects); columns are given or taken from the first row.
import { h, replace } from './dom.js';

/**
 * @param {object} options {id, caption, rows, columns: [{key, label, format}], pageSize, rowKey}
 * @returns {{el: HTMLElement, show: function(key)}} the table and a way to bring a row into view
 */
export function dataTable({ id, caption, rows, columns, pageSize = 50, rowKey = 'name' }) {
  let sortKey = null;
  let ascending = true;
  let page = 0;
  let highlighted = null;
  let sorted = rows.slice();
  const tbody = h('tbody');
  const status = h('span', { class: 'pager-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'small', 'aria-label': `Previous page of ${caption}` }, '‹ Previous');
  const next = h('button', { type: 'button', class: 'small', 'aria-label': `Next page of ${caption}` }, 'Next ›');
  const headers = columns.map((c) => {
    const button = h('button', { type: 'button', class: 'sort' }, c.label || c.key);
    const th = h('th', { scope: 'col', 'aria-sort': 'none' }, button);
    button.addEventListener('click', () => sortBy(c.key, th));
    return th;
  });
  const pages = () => Math.max(1, Math.ceil(sorted.length / pageSize));

  const draw = () => {
    const start = page * pageSize;
    replace(tbody, sorted.slice(start, start + pageSize).map((row) => h('tr',
      { dataset: { key: row[rowKey] }, class: row[rowKey] === highlighted ? 'highlight' : null },
      columns.map((c, i) => {
        const text = c.format ? c.format(row[c.key], row) : format(row[c.key]);
        return i === 0 ? h('th', { scope: 'row' }, text) : h('td', { class: 'num' }, text);
      }))));
    status.textContent = `${sorted.length} rows · page ${page + 1} of ${pages()}`;
    prev.disabled = page === 0;
    next.disabled = page >= pages() - 1;
  };
  const sortBy = (key, th) => {
    ascending = sortKey === key ? !ascending : true;
    sortKey = key;
    headers.forEach((other) => other.setAttribute('aria-sort', 'none'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    sorted = rows.slice().sort((a, b) => compare(a[key], b[key]) * (ascending ? 1 : -1));
    page = 0;
    draw();
  };
  prev.addEventListener('click', () => { page = Math.max(0, page - 1); draw(); });
  next.addEventListener('click', () => { page = Math.min(pages() - 1, page + 1); draw(); });
  const el = h('div', { class: 'data-table', id },
    h('div', { class: 'table-wrap' },
      h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, headers)), tbody)),
    h('div', { class: 'pager' }, prev, status, next));
  draw();
  const show = (key) => {
    highlighted = key;
    const index = sorted.findIndex((r) => r[rowKey] === key);
    if (index >= 0) page = Math.floor(index / pageSize);
    draw();
    const tr = tbody.querySelector('tr.highlight');
    if (tr) tr.scrollIntoView({ block: 'nearest' });
  };
  return { el, show };
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

function format(value) {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(3) : value.toPrecision(6);
  }
  return value === null || value === undefined ? '' : String(value);
}

/** The scalar columns of the first row. */
export function scalarColumns(rows, preferred = []) {
  if (!rows.length) return [];
  const keys = Object.keys(rows[0]).filter((k) => rows[0][k] === null || typeof rows[0][k] !== 'object');
  const first = preferred.filter((k) => keys.includes(k));
  return [...first, ...keys.filter((k) => !first.includes(k))].map((key) => ({ key, label: key }));
}
