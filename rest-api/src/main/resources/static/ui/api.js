// The REST API as the page uses it: the bearer token on every call, JSON errors as ApiError.

let base = '/caesar/api/v1.0';
let auth = null;

/** An API answer other than 2xx: the HTTP code, the server's message and its details. */
export class ApiError extends Error {
  constructor(code, body) {
    super((body && body.status) || `HTTP ${code}`);
    this.code = code;
    this.body = body || {};
  }
}

export function configure(config, authentication) {
  base = config.api || base;
  auth = authentication;
}

export function url(path) {
  return base + path;
}

async function headers(extra = {}) {
  const all = { ...extra };
  const token = auth ? await auth.token() : null;
  if (token) all.Authorization = `Bearer ${token}`;
  return all;
}

/** Whether downloads need the token (then they are fetched, not linked). */
export function needsToken() {
  return Boolean(auth && auth.enabled);
}

/** Fetches an API path; non-2xx answers become an ApiError with the JSON body. */
export async function request(path, { method = 'GET', json, accept, signal, extraHeaders } = {}) {
  const init = { method, signal, headers: await headers(extraHeaders) };
  if (accept) init.headers.Accept = accept;
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  const response = await fetch(url(path), init);
  if (response.status === 401 && auth) auth.expired();
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = { status: `${response.status} ${response.statusText}` };
    }
    throw new ApiError(response.status, body);
  }
  return response;
}

export async function getJson(path, options) {
  return (await request(path, options)).json();
}

export async function postJson(path, json) {
  const response = await request(path, { method: 'POST', json });
  return { code: response.status, body: await response.json() };
}

/**
 * Uploads one file with progress (XMLHttpRequest: fetch reports no upload progress).
 * @returns {{promise: Promise<object>, abort: function}}
 */
export function upload(file, tag, onProgress) {
  const xhr = new XMLHttpRequest();
  const promise = (async () => {
    const hdrs = await headers();
    return new Promise((resolve, reject) => {
      xhr.open('POST', url('/upload'));
      for (const [k, v] of Object.entries(hdrs)) xhr.setRequestHeader(k, v);
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total);
      });
      xhr.addEventListener('load', () => {
        let body;
        try {
          body = JSON.parse(xhr.responseText);
        } catch (e) {
          body = { status: `${xhr.status} ${xhr.statusText}` };
        }
        if (xhr.status === 200) resolve(body);
        else reject(new ApiError(xhr.status, body));
      });
      xhr.addEventListener('error', () => reject(new ApiError(0, { status: 'Network error during upload' })));
      xhr.addEventListener('abort', () => reject(new ApiError(0, { status: 'Upload canceled' })));
      const form = new FormData();
      if (tag) form.append('tag', tag);
      form.append('file', file, file.name);
      xhr.send(form);
    });
  })();
  return { promise, abort: () => xhr.abort() };
}

/** Fetches a path as a blob URL (for images and downloads that need the token). */
export async function blobUrl(path) {
  const response = await request(path);
  return URL.createObjectURL(await response.blob());
}

/** Downloads a path: a plain link without authentication, a fetched blob with it. */
export async function download(path, filename) {
  const href = needsToken() ? await blobUrl(path) : url(path);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename || '';
  document.body.append(a);
  a.click();
  a.remove();
  if (href.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(href), 60000);
}
