// Apps: the list, and a form per app built from GET /app/{name}/describe.
import * as api from '../api.js';
import { h, replace, notice } from '../dom.js';

export function render(main, params, query) {
  if (params[0]) {
    renderForm(main, params[0], query);
    return;
  }
  const list = h('ul', { class: 'app-list', id: 'app-list' });
  main.append(h('h1', {}, 'Apps'),
    h('p', { class: 'muted' }, 'Pick an app to run it on one of your files.'), list);
  api.getJson('/apps').then((body) => {
    for (const name of body.apps) {
      list.append(h('li', {}, h('a', { href: `#/apps/${encodeURIComponent(name)}`, class: 'app-link' }, name)));
    }
  }).catch((e) => notice(e.message, 'error'));
}

async function renderForm(main, app, query) {
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, 'Apps'), ' / ', app));
  let options;
  let inputs;
  try {
    [options, inputs] = await Promise.all([api.getJson(`/app/${encodeURIComponent(app)}/describe`), dataInputs()]);
  } catch (e) {
    main.append(h('p', { class: 'error' }, e.message));
    return;
  }
  const form = h('form', { id: 'job-form', novalidate: true, 'aria-labelledby': 'form-title' });
  const summary = h('div', { class: 'form-errors', id: 'form-errors', role: 'alert', tabindex: -1 });
  const inputSelect = h('select', { id: 'data-input', name: 'data_inputs', required: true,
    'aria-describedby': 'help-data-input' },
  inputs.map((i) => h('option', { value: i.value, selected: i.value === query.get('file') }, i.label)));
  const fields = new Map();
  form.append(h('h1', { id: 'form-title' }, `Run ${app}`), summary,
    h('fieldset', {}, h('legend', {}, 'Input'),
      h('div', { class: 'field' }, h('label', { for: 'data-input' }, 'Data ', h('abbr', { title: 'required' }, '*')),
        inputSelect,
        h('small', { id: 'help-data-input' }, inputs.length ? 'An uploaded file or a configured dataset'
          : 'Upload a file first (Files page)'),
        h('span', { class: 'field-error', id: 'err-data-input' })),
      h('div', { class: 'field' }, h('label', { for: 'job-tag' }, 'Tag'),
        h('input', { type: 'text', id: 'job-tag', maxlength: 200, placeholder: 'optional label for this run' }))));
  for (const group of groups(options)) {
    const body = h('div', { class: 'group-fields' });
    for (const [name, spec] of group.options) {
      const field = optionField(name, spec);
      fields.set(name, field);
      body.append(field.el);
    }
    const legend = group.subcategory ? `${group.category} · ${group.subcategory}` : group.category;
    if (group.advanced) {
      form.append(h('details', { class: 'advanced' }, h('summary', {}, `${legend} (advanced)`), body));
    } else {
      form.append(h('fieldset', {}, h('legend', {}, legend), body));
    }
  }
  const submit = h('button', { type: 'submit', class: 'primary', id: 'submit-job' }, 'Submit job');
  form.append(h('div', { class: 'form-actions' }, submit,
    h('span', { class: 'muted' }, 'Empty fields take the app\'s default.')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    clearErrors(form, summary);
    const body = { app, data_inputs: { data: inputSelect.value }, job_options: {} };
    const tag = form.querySelector('#job-tag').value.trim();
    if (tag) body.tag = tag;
    for (const [name, field] of fields) {
      const value = field.value();
      if (value !== undefined) body.job_options[name] = value;
    }
    try {
      const { body: answer } = await api.postJson('/job', body);
      notice(`Job ${answer.job_id} submitted`);
      window.location.hash = `#/jobs/${answer.job_id}`;
    } catch (err) {
      showErrors(err, fields, summary);
    } finally {
      submit.disabled = false;
    }
  });
  main.append(form);
}

async function dataInputs() {
  const [files, datasets] = await Promise.all([api.getJson('/files?limit=200'), api.getJson('/datasets')]);
  return [
    ...files.files.map((f) => ({ value: f.uuid, label: `${f.filename_orig} (${f.uuid.slice(0, 8)})` })),
    ...Object.keys(datasets).map((name) => ({ value: name, label: `dataset: ${name}` })),
  ];
}

/** Options grouped by category, then subcategory, basic groups first; mandatory options first in a group. */
function groups(options) {
  const byKey = new Map();
  for (const [name, spec] of Object.entries(options)) {
    const advanced = Boolean(Number(spec.advanced));
    const key = `${advanced}|${spec.category || 'OPTIONS'}|${spec.subcategory || ''}`;
    if (!byKey.has(key)) {
      byKey.set(key, { advanced, category: spec.category || 'OPTIONS', subcategory: spec.subcategory, options: [] });
    }
    byKey.get(key).options.push([name, spec]);
  }
  const all = [...byKey.values()].sort((a, b) => a.category.localeCompare(b.category)
    || (a.subcategory || '').localeCompare(b.subcategory || ''));
  for (const g of all) g.options.sort((a, b) => Number(b[1].mandatory) - Number(a[1].mandatory));
  return [...all.filter((g) => !g.advanced), ...all.filter((g) => g.advanced)];
}

/** One option's label, input, help text and error slot. */
function optionField(name, spec) {
  const id = `opt-${name}`;
  const describedBy = `help-${id} err-${id}`;
  const hasDefault = spec.default !== undefined && spec.default !== null && spec.default !== '';
  const common = { id, name, 'aria-describedby': describedBy, required: spec.mandatory ? true : null,
    'aria-required': spec.mandatory ? 'true' : null };
  let input;
  let value;
  if (spec.type === 'none') {
    input = h('input', { ...common, type: 'checkbox' });
    value = () => (input.checked ? true : undefined);
  } else if (spec.enum || spec.type === 'bool') {
    const choices = spec.type === 'bool' ? ['true', 'false'] : (spec.allowed_values || []).map(String);
    input = h('select', common,
      h('option', { value: '' }, hasDefault ? `default (${spec.default})` : '—'),
      choices.map((c) => h('option', { value: c }, c)));
    value = () => {
      if (input.value === '') return undefined;
      return spec.type === 'bool' ? input.value === 'true' : input.value;
    };
  } else if (spec.type === 'int' || spec.type === 'float') {
    input = h('input', { ...common, type: 'number', inputmode: spec.type === 'int' ? 'numeric' : 'decimal',
      step: spec.type === 'int' ? 1 : 'any', min: spec.min, max: spec.max,
      placeholder: hasDefault ? String(spec.default) : '' });
    value = () => {
      const text = input.value.trim();
      if (text === '') return input.validity.badInput ? input.value : undefined;
      return Number(text);
    };
  } else {
    input = h('input', { ...common, type: 'text', placeholder: hasDefault ? String(spec.default) : '' });
    value = () => (input.value === '' ? undefined : input.value);
  }
  const range = (spec.min !== undefined || spec.max !== undefined) && spec.type !== 'none'
    ? ` Range ${spec.min ?? '−∞'} to ${spec.max ?? '∞'}.` : '';
  const dflt = hasDefault && spec.type !== 'none' ? ` Default ${spec.default}.` : '';
  const label = h('label', { for: id }, h('span', { class: 'opt-name' }, name),
    spec.mandatory ? h('abbr', { title: 'required', class: 'mandatory' }, ' *') : null,
    h('span', { class: 'opt-type' }, spec.type === 'none' ? 'flag' : spec.type));
  const el = h('div', { class: `field${spec.type === 'none' ? ' flag' : ''}`, dataset: { option: name } },
    label, input,
    h('small', { id: `help-${id}` }, `${sentence(spec.description)}${range}${dflt}`),
    h('span', { class: 'field-error', id: `err-${id}` }));
  return { el, input, value };
}

function sentence(text) {
  if (!text) return '';
  return /[.!?)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function clearErrors(form, summary) {
  replace(summary);
  form.querySelectorAll('.field-error').forEach((e) => replace(e));
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** Puts each of the server's problems beside its field; the rest in the summary. */
function showErrors(err, fields, summary) {
  const problems = err.body.problems && err.body.problems.length ? err.body.problems : [err.message];
  const general = [];
  let first = null;
  for (const problem of problems) {
    const match = /option '([^']+)'/i.exec(problem);
    const field = match && fields.get(match[1]);
    if (field) {
      const slot = field.el.querySelector('.field-error');
      slot.append(h('span', {}, problem));
      field.input.setAttribute('aria-invalid', 'true');
      first = first || field.input;
    } else if (/data|input|file/i.test(problem) && !match) {
      document.getElementById('err-data-input').append(problem);
      general.push(problem);
    } else {
      general.push(problem);
    }
  }
  replace(summary, h('p', {}, err.body.problems ? 'The job was not submitted:' : err.message),
    err.body.problems ? h('ul', {}, problems.map((p) => h('li', {}, p))) : null);
  const details = first && first.closest('details');
  if (details) details.open = true;
  (first || summary).focus();
}
