// The preview image with the catalogued sources drawn over it as ellipses (SVG), from
// GET /job/{id}/overlay (ellipses in the preview's pixels, rotated by the image's north),
// and a panel showing a source's values on hover or keyboard focus.
import { h, replace } from './dom.js';

const SHOWN = ['name', 'island', 'ra', 'dec', 'peak_flux', 'int_flux', 'snr', 'bmaj', 'bmin', 'pa', 'flags'];

/**
 * @param {object} options {src (the preview image URL), overlay (the /overlay answer),
 *   rows (catalog rows by name, for the values shown), onSelect(row)}
 */
export function drawOverlay({ src, overlay, rows, onSelect }) {
  const img = h('img', { src, id: 'preview-image',
    alt: `Preview of the image with ${overlay.ellipses.length} catalogued sources outlined` });
  const svg = h('svg:svg', { class: 'overlay', id: 'overlay', role: 'group',
    viewBox: `0 0 ${overlay.preview.width} ${overlay.preview.height}`, preserveAspectRatio: 'none',
    'aria-label': 'Catalogued sources; focus one to see its values' });
  const info = h('div', { class: 'source-info', id: 'source-info', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Hover over or tab to a source to see its values; click to find it in the tables.'),
    overlay.north === 'up' ? h('p', { class: 'muted' }, 'Drawn with north up: the image\'s WCS could not be read.')
      : null);
  const toggle = h('input', { type: 'checkbox', id: 'overlay-toggle', checked: true });
  toggle.addEventListener('change', () => svg.classList.toggle('hidden', !toggle.checked));
  for (const e of overlay.ellipses) {
    const row = rows.get(e.name) || { name: e.name };
    const ellipse = h('svg:ellipse', { cx: e.x, cy: e.y, rx: e.rx, ry: e.ry,
      transform: `rotate(${e.angle} ${e.x} ${e.y})`, tabindex: 0, role: 'button',
      'aria-label': `Source ${e.name}`, class: 'source', 'data-name': e.name,
      'vector-effect': 'non-scaling-stroke' });
    const show = () => {
      svg.querySelectorAll('.selected').forEach((s) => s.classList.remove('selected'));
      ellipse.classList.add('selected');
      replace(info, h('h3', {}, e.name), h('dl', {}, SHOWN.filter((k) => row[k] !== undefined)
        .flatMap((k) => [h('dt', {}, k), h('dd', {}, typeof row[k] === 'number'
          ? Number(row[k].toPrecision(6)).toString() : String(row[k]))])));
    };
    const select = () => {
      show();
      onSelect(row);
    };
    ellipse.addEventListener('mouseenter', show);
    ellipse.addEventListener('focus', show);
    ellipse.addEventListener('click', select);
    ellipse.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        select();
      }
    });
    svg.append(ellipse);
  }
  return h('div', { class: 'preview' },
    h('div', {}, h('div', { class: 'preview-frame' }, img, svg),
      h('p', { class: 'field inline' }, toggle, h('label', { for: 'overlay-toggle' }, 'Show source ellipses'))),
    info);
}
