// Jobs: the caller's jobs, updated live, with cancel.
import * as api from '../api.js';
import { follow } from '../live.js';
import { h, replace, date, duration, notice, badge, ACTIVE_STATES } from '../dom.js';

const PAGE = 50;
const STATES = ['PENDING', 'STARTED', 'RUNNING', 'SUCCESS', 'FAILURE', 'TIMED-OUT', 'CANCELED', 'ABORTED'];

export function render(main) {
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Show older jobs');
  const rows = new Map();
  let cursor = null;
  const stateFilter = h('select', { id: 'filter-state' }, h('option', { value: '' }, 'any'),
    STATES.map((s) => h('option', { value: s }, s)));
  const appFilter = h('select', { id: 'filter-app' }, h('option', { value: '' }, 'any'));
  const tagFilter = h('input', { type: 'text', id: 'filter-tag', placeholder: 'exact tag' });
  const filters = () => ({ state: stateFilter.value, app: appFilter.value, tag: tagFilter.value.trim() });
  const matches = (job) => Object.entries(filters()).every(([k, v]) => !v || job[k] === undefined || job[k] === v);
  api.getJson('/apps').then((b) => b.apps.forEach((a) => appFilter.append(h('option', { value: a }, a))))
    .catch(() => {});
  main.append(h('h1', {}, 'Jobs'),
    h('p', { class: 'muted' }, 'States update live. Open a job for its log, catalogs, preview and downloads.'),
    h('div', { class: 'filters', role: 'search', 'aria-label': 'Filter jobs' },
      h('div', {}, h('label', { for: 'filter-state' }, 'State'), stateFilter),
      h('div', {}, h('label', { for: 'filter-app' }, 'App'), appFilter),
      h('div', {}, h('label', { for: 'filter-tag' }, 'Tag'), tagFilter)),
    h('div', { class: 'table-wrap' }, h('table', { id: 'jobs-table' },
      h('thead', {}, h('tr', {}, ['Job', 'App', 'Tag', 'State', 'Submitted', 'Run time', 'Actions']
        .map((t) => h('th', { scope: 'col' }, t)))),
      tbody)),
    more);

  const upsert = (job, atTop) => {
    const known = rows.get(job.job_id);
    const merged = { ...(known ? known.job : {}), ...job };
    if (!matches(merged)) {
      if (known) known.tr.remove();
      rows.delete(job.job_id);
      return;
    }
    const tr = jobRow(merged);
    if (known) known.tr.replaceWith(tr);
    else if (atTop) tbody.prepend(tr);
    else tbody.append(tr);
    rows.set(job.job_id, { job: merged, tr });
    const empty = tbody.querySelector('.empty');
    if (empty) empty.remove();
  };
  const load = async (before) => {
    const query = new URLSearchParams({ limit: PAGE });
    for (const [k, v] of Object.entries(filters())) if (v) query.set(k, v);
    if (before) query.set('before', before);
    const response = await api.request(`/jobs?${query}`);
    const jobs = await response.json();
    jobs.forEach((j) => upsert(j, false));
    cursor = response.headers.get('X-Next-Cursor');
    more.hidden = !cursor;
    if (!rows.size) tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: 7, class: 'muted' }, 'No jobs yet.')));
  };
  more.addEventListener('click', () => load(cursor).catch((e) => notice(e.message, 'error')));
  const reload = () => {
    rows.clear();
    replace(tbody);
    load().catch((e) => notice(e.message, 'error'));
  };
  stateFilter.addEventListener('change', reload);
  appFilter.addEventListener('change', reload);
  tagFilter.addEventListener('change', reload);
  load().catch((e) => notice(e.message, 'error'));
  return follow({ onStatus: (status) => upsert(status, true) });
}

function jobRow(job) {
  const active = ACTIVE_STATES.includes(job.state);
  const cancel = async (button) => {
    button.disabled = true;
    try {
      const answer = await api.getJson(`/job/${job.job_id}/cancel`, { method: 'POST' });
      notice(answer.status);
    } catch (e) {
      notice(e.message, 'error');
      button.disabled = false;
    }
  };
  const cancelButton = active ? h('button', { type: 'button', class: 'small danger',
    'aria-label': `Cancel job ${job.job_id}` }, 'Cancel') : null;
  if (cancelButton) cancelButton.addEventListener('click', () => cancel(cancelButton));
  return h('tr', { dataset: { job: job.job_id, state: job.state } },
    h('th', { scope: 'row' }, h('a', { href: `#/jobs/${job.job_id}`, class: 'job-link' },
      h('code', {}, job.job_id.slice(0, 12)))),
    h('td', {}, job.app || ''),
    h('td', {}, job.tag || ''),
    h('td', { class: 'state' }, badge(job.state), job.status ? h('span', { class: 'status-text' }, job.status) : null),
    h('td', {}, date(job.submit_date)),
    h('td', { class: 'num' }, duration(job.elapsed_time)),
    h('td', { class: 'actions' }, cancelButton));
}
