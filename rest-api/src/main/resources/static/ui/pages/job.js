// One job: state, options, log tail, preview with the sources drawn over it, catalogs, downloads.
import * as api from '../api.js';
import { follow } from '../live.js';
import { dataTable, scalarColumns } from '../table.js';
import { drawOverlay } from '../overlay.js';
import { h, replace, date, duration, notice, badge, bytes, ACTIVE_STATES } from '../dom.js';

const SOURCE_COLUMNS = ['name', 'ra', 'dec', 'peak_flux', 'int_flux', 'snr', 'bmaj', 'bmin', 'pa', 'npix',
  'ncomponents', 'flags'];
const COMPONENT_COLUMNS = ['name', 'island', 'ra', 'dec', 'peak_flux', 'int_flux', 'snr', 'bmaj', 'bmin', 'pa'];

export function render(main, [id]) {
  const head = h('div', { class: 'job-head' });
  const facts = h('dl', { class: 'facts', id: 'job-facts' });
  const options = h('div', { id: 'job-options' });
  const log = h('pre', { class: 'log', id: 'job-log', tabindex: 0, 'aria-label': 'Log tail' });
  const results = h('div', { id: 'job-results' });
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/jobs' }, 'Jobs'), ' / ', h('code', {}, id)),
    head,
    h('div', { class: 'columns' },
      h('section', { class: 'card', 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, 'Status'), facts),
      h('section', { class: 'card', 'aria-labelledby': 'options-title' }, h('h2', { id: 'options-title' }, 'Options'),
        options)),
    h('section', { class: 'card', 'aria-labelledby': 'log-title' },
      h('h2', { id: 'log-title' }, 'Log ', h('small', { class: 'muted' }, '(last 200 lines)')), log),
    results);

  let job = null;
  let resultsShown = false;
  const refreshLog = () => api.request(`/job/${id}/log?tail=200`)
    .then((r) => r.text())
    .then((text) => {
      const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      log.textContent = text || '(empty)';
      if (atBottom) log.scrollTop = log.scrollHeight;
    })
    .catch(() => {});
  const update = (status) => {
    job = { ...(job || {}), ...status };
    showHead(head, job);
    showFacts(facts, job);
    showOptions(options, job);
    refreshLog();
    if (!ACTIVE_STATES.includes(job.state) && !resultsShown) {
      resultsShown = true;
      showResults(results, job);
    }
  };
  let stop = () => {};
  let closed = false;
  let logTimer = null;
  api.getJson(`/job/${id}`).then((j) => {
    if (closed) return;
    update(j);
    if (ACTIVE_STATES.includes(j.state)) {
      const following = follow({ jobId: id, onStatus: update,
        onEnd: () => api.getJson(`/job/${id}`).then(update) });
      logTimer = setInterval(() => {
        if (ACTIVE_STATES.includes(job.state)) refreshLog();
        else clearInterval(logTimer);
      }, 3000);
      stop = () => {
        following();
        clearInterval(logTimer);
      };
    }
  }).catch((e) => replace(main, h('h1', {}, 'Job not found'), h('p', { class: 'error' }, e.message)));
  return () => {
    closed = true;
    stop();
  };
}

function showHead(head, job) {
  const active = ACTIVE_STATES.includes(job.state);
  const cancel = active ? h('button', { type: 'button', class: 'danger', id: 'cancel-job' }, 'Cancel job') : null;
  if (cancel) {
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      try {
        notice((await api.getJson(`/job/${job.job_id}/cancel`, { method: 'POST' })).status);
      } catch (e) {
        notice(e.message, 'error');
        cancel.disabled = false;
      }
    });
  }
  replace(head, h('h1', {}, `${job.app || 'Job'} `, h('span', { id: 'job-state' }, badge(job.state))),
    h('p', { class: 'status-line' }, job.status || ''), cancel);
}

function showFacts(facts, job) {
  const rows = [
    ['Job id', h('code', {}, job.job_id)],
    ['App', job.app],
    ['Tag', job.tag || '—'],
    ['Input', input(job.data_inputs)],
    ['Submitted', date(job.submit_date)],
    ['Started', date(job.start_date) || '—'],
    ['Ended', date(job.end_date) || '—'],
    ['Run time', duration(job.elapsed_time)],
    ['Exit code', job.exit_code === null || job.exit_code === undefined ? '—' : String(job.exit_code)],
    ['Scheduler', job.scheduler ? `${job.scheduler}${job.pid ? ` (${job.pid})` : ''}` : '—'],
  ];
  replace(facts, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function input(dataInputs) {
  const value = dataInputs && typeof dataInputs === 'object' ? dataInputs.data : dataInputs;
  if (typeof value !== 'string') return JSON.stringify(dataInputs);
  if (!/^[0-9a-f]{32}$/.test(value)) return `dataset ${value}`;
  return h('span', {}, h('code', {}, value), ' ',
    h('button', { type: 'button', class: 'small',
      onclick: () => api.download(`/download/${value}`).catch((e) => notice(e.message, 'error')) }, 'Download'));
}

function showOptions(el, job) {
  const opts = job.job_options || job.job_inputs || {};
  const entries = Object.entries(opts);
  replace(el, entries.length
    ? h('table', { class: 'compact' }, h('tbody', {}, entries.map(([k, v]) =>
      h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))))))
    : h('p', { class: 'muted' }, 'Defaults of the app'));
}

async function showResults(el, job) {
  const id = job.job_id;
  const files = await api.getJson(`/job/${id}/files`).then((b) => b.files).catch(() => []);
  el.append(downloads(id, files));
  if (job.state !== 'SUCCESS') return;
  const [sources, components] = await Promise.all([
    api.getJson(`/job/${id}/sources`).catch(() => null),
    api.getJson(`/job/${id}/source-components`).catch(() => null),
  ]);
  const sourceRows = sources && Array.isArray(sources.sources) ? sources.sources : [];
  const componentRows = components && Array.isArray(components.components) ? components.components : [];
  const tables = h('div', {});
  let sourceTable = null;
  let componentTable = null;
  if (sourceRows.length || sources) {
    sourceTable = dataTable({ id: 'sources-table', caption: `Sources (${sourceRows.length})`, rows: sourceRows,
      columns: scalarColumns(sourceRows, SOURCE_COLUMNS) });
    tables.append(h('section', { class: 'card', 'aria-labelledby': 'sources-title' },
      h('h2', { id: 'sources-title' }, 'Source catalog'), sourceTable.el));
  }
  if (componentRows.length) {
    componentTable = dataTable({ id: 'components-table', caption: `Fitted components (${componentRows.length})`,
      rows: componentRows, columns: scalarColumns(componentRows, COMPONENT_COLUMNS) });
    tables.append(h('section', { class: 'card', 'aria-labelledby': 'components-title' },
      h('h2', { id: 'components-title' }, 'Component catalog'), componentTable.el));
  }
  const preview = h('section', { class: 'card', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'Preview'));
  el.prepend(preview);
  el.append(tables);
  try {
    const [src, overlay] = await Promise.all([api.blobUrl(`/job/${id}/output-plot`),
      api.getJson(`/job/${id}/overlay`).catch(() => ({ ellipses: [], preview: { width: 1, height: 1 } }))]);
    const rows = new Map([...sourceRows, ...componentRows].map((r) => [r.name, r]));
    preview.append(drawOverlay({
      src,
      overlay,
      rows,
      onSelect: (row) => {
        if (componentTable && row.island) componentTable.show(row.name);
        if (sourceTable) sourceTable.show(row.island || row.name);
      },
    }));
  } catch (e) {
    preview.append(h('p', { class: 'muted' }, `No preview: ${e.message}`));
  }
}

function downloads(id, files) {
  const byExt = (ext) => files.find((f) => f.name.endsWith(ext) && !f.name.startsWith('job_'));
  const entries = [
    ['Whole job (tar.gz)', `/job/${id}/output`, `job_${id}.tar.gz`, 'download-archive'],
    ['Source catalog (.dat)', `/job/${id}/output-sources`, null, 'download-sources'],
    ['Component catalog (.dat)', `/job/${id}/output-components`, null, 'download-components'],
  ];
  const vot = byExt('.vot');
  if (vot) entries.push(['VOTable', `/job/${id}/files/${encodeURIComponent(vot.name)}`, vot.name, 'download-votable']);
  const reg = byExt('.reg');
  if (reg) entries.push(['DS9 regions', `/job/${id}/files/${encodeURIComponent(reg.name)}`, reg.name, 'download-regions']);
  entries.push(['Plot (PNG)', `/job/${id}/output-plot`, null, 'download-plot']);
  const link = (label, path, name, elId) => {
    const a = h('a', { href: api.url(path), download: name || '', id: elId, class: 'button-like' }, label);
    if (api.needsToken()) {
      a.addEventListener('click', (e) => {
        e.preventDefault();
        api.download(path, name).catch((err) => notice(err.message, 'error'));
      });
    }
    return a;
  };
  return h('section', { class: 'card', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, 'Downloads'),
    h('p', { class: 'downloads' }, entries.map(([label, path, name, elId]) => link(label, path, name, elId))),
    files.length ? h('details', {}, h('summary', {}, `All files in the job directory (${files.length})`),
      h('ul', { class: 'file-list' }, files.map((f) => h('li', {},
        link(f.name, `/job/${id}/files/${encodeURIComponent(f.name)}`, f.name, null), ' ',
        h('span', { class: 'muted' }, bytes(f.bytes)))))) : null);
}
