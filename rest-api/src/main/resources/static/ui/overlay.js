// The preview image with the catalogued sources drawn over it as ellipses (SVG), and a
// panel showing a source's values on hover or keyboard focus.
import { h, replace } from './dom.js';

const SHOWN = ['name', 'island', 'ra', 'dec', 'peak_flux', 'int_flux', 'snr', 'bmaj', 'bmin', 'pa', 'flags'];

/**
 * @param {object} options {src, metadata (catalog metadata: width, height, size_unit,
 *   pixel_scale_arcsec), items (catalog rows: x, y in image pixels, bmaj, bmin, pa), onSelect}
 */
export function drawOverlay({ src, metadata, items, onSelect }) {
  const img = h('img', { src, alt: `Preview of the image with ${items.length} catalogued sources outlined`,
    id: 'preview-image' });
  const svg = h('svg:svg', { class: 'overlay', id: 'overlay', role: 'group',
    'aria-label': 'Catalogued sources; focus one to see its values' });
  const info = h('div', { class: 'source-info', id: 'source-info', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Hover over or tab to a source to see its values; click to find it in the tables.'));
  const toggle = h('input', { type: 'checkbox', id: 'overlay-toggle', checked: true });
  toggle.addEventListener('change', () => svg.classList.toggle('hidden', !toggle.checked));
  const frame = h('div', { class: 'preview-frame' }, img, svg);
  img.addEventListener('load', () => draw(svg, img, metadata, items, info, onSelect));
  return h('div', { class: 'preview' },
    h('div', {}, frame,
      h('p', { class: 'field inline' }, toggle, h('label', { for: 'overlay-toggle' }, 'Show source ellipses'))),
    info);
}

function draw(svg, img, metadata, items, info, onSelect) {
  const pw = img.naturalWidth;
  const ph = img.naturalHeight;
  const width = metadata.width || pw;
  const height = metadata.height || ph;
  // The plot is the image block-averaged by an integer factor (at most 1200 px a side),
  // with y up like FITS; the SVG works in image pixels over the plot's extent.
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / Math.max(pw, ph)));
  const extentW = pw * factor;
  const extentH = ph * factor;
  svg.setAttribute('viewBox', `0 0 ${extentW} ${extentH}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const toPixels = metadata.size_unit === 'arcsec' && metadata.pixel_scale_arcsec
    ? 1 / metadata.pixel_scale_arcsec : 1;
  const minRadius = factor;
  replace(svg);
  for (const item of items) {
    if (typeof item.x !== 'number' || typeof item.y !== 'number') continue;
    const cx = item.x + 0.5;
    const cy = extentH - (item.y + 0.5);
    const rx = Math.max(minRadius, ((item.bmaj || 0) * toPixels) / 2);
    const ry = Math.max(minRadius, ((item.bmin || 0) * toPixels) / 2);
    // position angle east of north; north is up (the WCS's rotation is not applied)
    const angle = -((item.pa || 0) + 90);
    const ellipse = h('svg:ellipse', { cx, cy, rx, ry, transform: `rotate(${angle} ${cx} ${cy})`,
      tabindex: 0, role: 'button', 'aria-label': `Source ${item.name}`, class: 'source',
      'data-name': item.name, 'vector-effect': 'non-scaling-stroke' });
    const show = () => {
      svg.querySelectorAll('.selected').forEach((e) => e.classList.remove('selected'));
      ellipse.classList.add('selected');
      replace(info, h('h3', {}, item.name), h('dl', {}, SHOWN.filter((k) => item[k] !== undefined)
        .flatMap((k) => [h('dt', {}, k), h('dd', {}, typeof item[k] === 'number'
          ? Number(item[k].toPrecision(6)).toString() : String(item[k]))])));
    };
    ellipse.addEventListener('mouseenter', show);
    ellipse.addEventListener('focus', show);
    const select = () => { show(); onSelect(item); };
    ellipse.addEventListener('click', select);
    ellipse.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select();
      }
    });
    svg.append(ellipse);
  }
}
