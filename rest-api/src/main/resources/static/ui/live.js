// Live job updates: the server's event stream (text/event-stream read with fetch, so the
// bearer token can be sent), else polling every two seconds.
import * as api from './api.js';
import { ACTIVE_STATES } from './dom.js';

const POLL_MS = 2000;

/**
 * Follows the caller's jobs, or one job.
 * @param {object} options {jobId (optional), onStatus(status), onEnd()}
 * @returns {function} stops following
 */
export function follow({ jobId, onStatus, onEnd = () => {} }) {
  const controller = new AbortController();
  let stopped = false;
  let timer = null;
  let lastEventId = null;
  const stop = () => {
    stopped = true;
    controller.abort();
    clearTimeout(timer);
  };
  const path = jobId ? `/job/${jobId}/events` : '/jobs/events';

  const poll = async () => {
    if (stopped) return;
    try {
      if (jobId) {
        const job = await api.getJson(`/job/${jobId}`, { signal: controller.signal });
        onStatus(job);
        if (!ACTIVE_STATES.includes(job.state)) {
          onEnd(job);
          stop();
          return;
        }
      } else {
        const list = await api.getJson('/jobs?limit=50', { signal: controller.signal });
        list.forEach(onStatus);
      }
    } catch (e) {
      if (stopped) return;
    }
    timer = setTimeout(poll, POLL_MS);
  };

  const stream = async (failures) => {
    let response;
    try {
      const extraHeaders = lastEventId ? { 'Last-Event-ID': lastEventId } : {};
      response = await api.request(path, { accept: 'text/event-stream', signal: controller.signal, extraHeaders });
    } catch (e) {
      if (!stopped) poll();
      return;
    }
    if (!(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
      poll();
      return;
    }
    let ended = false;
    const opened = Date.now();
    try {
      ended = await read(response.body, (event) => {
        if (event.id) lastEventId = event.id;
        if (event.type === 'status') onStatus(JSON.parse(event.data));
        if (event.type === 'end') return true;
        return false;
      });
    } catch (e) {
      if (stopped) return;
    }
    if (stopped) return;
    // a stream that stayed open a while was closed by a proxy or a restart: resume it;
    // one that keeps dropping at once is given up for polling
    const next = Date.now() - opened > 10000 ? 0 : failures + 1;
    if (ended) {
      onEnd();
      stop();
    } else if (next <= 3) {
      timer = setTimeout(() => stream(next), POLL_MS);
    } else {
      poll();
    }
  };

  stream(0);
  return stop;
}

/** Reads server-sent events; returns true when the handler asked to end. */
async function read(body, handle) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += value.replace(/\r\n?/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = { type: 'message', data: '', id: null };
      const data = [];
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.type = val;
        else if (field === 'data') data.push(val);
        else if (field === 'id') event.id = val;
      }
      if (!data.length) continue;
      event.data = data.join('\n');
      if (handle(event)) {
        reader.cancel().catch(() => {});
        return true;
      }
    }
  }
}
