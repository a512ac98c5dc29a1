// Starts the page: reads the service's UI settings, completes a login, routes by the URL hash.
import { Auth } from './auth.js';
import * as api from './api.js';
import { h, replace, notice } from './dom.js';
import * as files from './pages/files.js';
import * as apps from './pages/apps.js';
import * as jobs from './pages/jobs.js';
import * as job from './pages/job.js';

const routes = [
  { pattern: /^#\/files$/, page: files, nav: 'files', title: 'Files' },
  { pattern: /^#\/apps$/, page: apps, nav: 'apps', title: 'Apps' },
  { pattern: /^#\/apps\/([\w.-]+)$/, page: apps, nav: 'apps', title: 'Run an app' },
  { pattern: /^#\/jobs$/, page: jobs, nav: 'jobs', title: 'Jobs' },
  { pattern: /^#\/jobs\/([0-9a-f]{32})$/, page: job, nav: 'jobs', title: 'Job' },
];

const main = document.getElementById('main');
let cleanup = null;
let auth = null;

function route() {
  const hash = window.location.hash.split('?')[0];
  const found = routes.find((r) => r.pattern.test(hash));
  if (!found) {
    window.location.replace('#/files');
    return;
  }
  if (cleanup) cleanup();
  cleanup = null;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === found.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  document.title = `${found.title} · caesar-rest`;
  if (auth.enabled && !auth.loggedIn) {
    loginPrompt();
    return;
  }
  const params = found.pattern.exec(hash).slice(1);
  const query = new URLSearchParams(window.location.hash.split('?')[1] || '');
  replace(main);
  cleanup = found.page.render(main, params, query) || null;
}

function loginPrompt() {
  replace(main, h('section', { class: 'login' },
    h('h1', {}, 'Log in'),
    h('p', {}, 'This service needs you to log in with your institution\'s account to see your files and jobs.'),
    h('button', { type: 'button', class: 'primary', onclick: () => startLogin() }, 'Log in')));
}

async function startLogin() {
  try {
    await auth.login();
  } catch (e) {
    notice(e.message, 'error');
  }
}

function account() {
  const el = document.getElementById('account');
  if (!auth.enabled) {
    replace(el);
    return;
  }
  if (auth.loggedIn) {
    replace(el, h('span', { class: 'user', title: 'Logged in as' }, auth.user),
      h('button', { type: 'button', onclick: () => auth.logout() }, 'Log out'));
  } else {
    replace(el, h('button', { type: 'button', class: 'primary', onclick: () => startLogin() }, 'Log in'));
  }
}

async function start() {
  const config = await (await fetch('/ui/config')).json();
  auth = new Auth(config.auth || {});
  api.configure(config, auth);
  try {
    await auth.init();
  } catch (e) {
    notice(e.message, 'error');
  }
  let wasLoggedIn = auth.loggedIn;
  auth.onChange(() => {
    if (auth.loggedIn === wasLoggedIn) return;
    wasLoggedIn = auth.loggedIn;
    account();
    route();
  });
  account();
  window.addEventListener('hashchange', route);
  document.querySelector('.skip').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  route();
}

start().catch((e) => replace(main, h('p', { class: 'error' }, `The page could not start: ${e.message}`)));
