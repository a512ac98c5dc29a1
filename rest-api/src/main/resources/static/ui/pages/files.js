// Files: upload (button or drag and drop, with progress), list, download, delete.
import * as api from '../api.js';
import { h, replace, bytes, date, notice } from '../dom.js';

const PAGE = 50;

export function render(main) {
  const list = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Show older files');
  const queue = h('ul', { class: 'uploads', 'aria-label': 'Uploads' });
  const input = h('input', { type: 'file', id: 'file-input', multiple: true, accept: '.fits,.fit,.png,.jpg,.jpeg,.gif' });
  const tag = h('input', { type: 'text', id: 'upload-tag', maxlength: 200, placeholder: 'optional' });
  const drop = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', {}, 'Drop FITS images here, or ',
      h('label', { for: 'file-input', class: 'button-like' }, 'choose files'), ' to upload.'),
    input);
  let cursor = null;

  const start = (fileList) => {
    for (const file of fileList) uploadOne(file, tag.value.trim(), queue, () => reload());
  };
  input.addEventListener('change', () => {
    start(input.files);
    input.value = '';
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    start(e.dataTransfer.files);
  });

  const load = async (before) => {
    const query = new URLSearchParams({ limit: PAGE });
    if (before) query.set('before', before);
    const page = await api.getJson(`/files?${query}`);
    for (const file of page.files) list.append(row(file, reload));
    cursor = page.next || null;
    more.hidden = !cursor;
    if (!list.children.length) list.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No files yet.')));
  };
  const reload = () => {
    replace(list);
    load().catch((e) => notice(e.message, 'error'));
  };
  more.addEventListener('click', () => load(cursor).catch((e) => notice(e.message, 'error')));

  main.append(
    h('h1', {}, 'Files'),
    h('section', { 'aria-labelledby': 'upload-title', class: 'card' },
      h('h2', { id: 'upload-title' }, 'Upload'),
      h('div', { class: 'field inline' }, h('label', { for: 'upload-tag' }, 'Tag for new uploads'), tag),
      drop, queue),
    h('section', { 'aria-labelledby': 'files-title' },
      h('h2', { id: 'files-title' }, 'Your files'),
      h('div', { class: 'table-wrap' },
        h('table', { id: 'files-table' },
          h('thead', {}, h('tr', {}, ['Name', 'Size', 'Image', 'Tag', 'Uploaded', 'Id', 'Actions']
            .map((t) => h('th', { scope: 'col' }, t)))),
          list)),
      more));
  reload();
}

function uploadOne(file, tag, queue, done) {
  const progress = h('progress', { max: 100, value: 0, 'aria-label': `Upload of ${file.name}` });
  const status = h('span', { class: 'upload-status' }, 'starting…');
  const cancel = h('button', { type: 'button', class: 'small' }, 'Cancel');
  const item = h('li', { class: 'upload' }, h('span', { class: 'name' }, file.name), progress, status, cancel);
  queue.prepend(item);
  const started = api.upload(file, tag, (loaded, total) => {
    progress.value = Math.round((100 * loaded) / total);
    status.textContent = `${bytes(loaded)} of ${bytes(total)}`;
  });
  cancel.addEventListener('click', () => started.abort());
  started.promise.then((answer) => {
    progress.value = 100;
    status.textContent = `uploaded (${answer.uuid})`;
    item.classList.add('done');
    cancel.remove();
    notice(`${file.name} uploaded`);
    done();
  }, (e) => {
    status.textContent = e.message;
    item.classList.add('failed');
    cancel.remove();
  });
}

function row(file, reload) {
  const axes = file.fits && file.fits.axes ? file.fits.axes.join(' × ') : file.format;
  const remove = async () => {
    if (!window.confirm(`Delete ${file.filename_orig}? This cannot be undone.`)) return;
    try {
      await api.request(`/delete/${file.uuid}`, { method: 'POST' });
      notice(`${file.filename_orig} deleted`);
      reload();
    } catch (e) {
      notice(e.message, 'error');
    }
  };
  return h('tr', { dataset: { uuid: file.uuid } },
    h('th', { scope: 'row' }, file.filename_orig),
    h('td', { class: 'num' }, bytes(file.bytes)),
    h('td', {}, axes),
    h('td', {}, file.tag || ''),
    h('td', {}, date(file.date)),
    h('td', {}, h('code', { title: file.uuid }, file.uuid.slice(0, 8))),
    h('td', { class: 'actions' },
      h('a', { href: `#/apps/sfinder?file=${file.uuid}`, class: 'button-like small' }, 'Run app'),
      h('button', {
        type: 'button',
        class: 'small',
        onclick: () => api.download(`/download/${file.uuid}`, file.filename_orig)
          .catch((e) => notice(e.message, 'error')),
      }, 'Download'),
      h('button', { type: 'button', class: 'small danger', onclick: remove,
        'aria-label': `Delete ${file.filename_orig}` }, 'Delete')));
}
