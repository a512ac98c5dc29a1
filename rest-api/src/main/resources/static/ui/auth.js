// OIDC login in the page: authorization code flow with PKCE, as a public client.
// Tokens live in sessionStorage (this tab only); the API stays stateless.

const TOKENS = 'caesar.tokens';
const PENDING = 'caesar.login';

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return {};
  }
}

/** The login state of the page. */
export class Auth {
  constructor(config) {
    this.enabled = Boolean(config.enabled);
    this.issuer = config.issuer;
    this.clientId = config.client_id;
    this.scopes = config.scopes || 'openid';
    this.tokens = JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
    this.listeners = [];
    this.metadata = null;
  }

  get redirectUri() {
    return window.location.origin + window.location.pathname;
  }

  async discovery() {
    if (!this.metadata) {
      const response = await fetch(`${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
      if (!response.ok) throw new Error(`The login server answered ${response.status}`);
      this.metadata = await response.json();
    }
    return this.metadata;
  }

  /** Completes a login when the page is the redirect target (?code=…&state=…). */
  async init() {
    if (!this.enabled) return;
    const params = new URLSearchParams(window.location.search);
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    if ((params.has('code') || params.has('error')) && pending) {
      sessionStorage.removeItem(PENDING);
      window.history.replaceState(null, '', this.redirectUri + (pending.hash || ''));
      if (params.get('state') !== pending.state) throw new Error('Login answer does not match the request');
      if (params.has('error')) {
        throw new Error(`Login failed: ${params.get('error_description') || params.get('error')}`);
      }
      await this.exchange({
        grant_type: 'authorization_code',
        code: params.get('code'),
        redirect_uri: this.redirectUri,
        code_verifier: pending.verifier,
      });
    }
  }

  get loggedIn() {
    return Boolean(this.tokens && this.tokens.access_token);
  }

  /** Who is logged in, from the ID token (else the access token). */
  get user() {
    if (!this.loggedIn) return null;
    const c = claims(this.tokens.id_token || this.tokens.access_token);
    return c.email || c.preferred_username || c.name || c.sub || 'user';
  }

  /** Sends the browser to the issuer's login page. */
  async login() {
    if (!window.crypto || !crypto.subtle) {
      throw new Error('Login needs a secure context: open this page over HTTPS (or on localhost)');
    }
    const metadata = await this.discovery();
    const verifier = random(48);
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const state = random(16);
    sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, hash: window.location.hash }));
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      scope: this.scopes,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    window.location.assign(`${metadata.authorization_endpoint}?${query}`);
  }

  /** Forgets the tokens and, if the issuer supports it, ends its session too. */
  async logout() {
    const idToken = this.tokens && this.tokens.id_token;
    this.store(null);
    let end = null;
    try {
      end = (await this.discovery()).end_session_endpoint;
    } catch (e) {
      end = null;
    }
    if (end) {
      const query = new URLSearchParams({ client_id: this.clientId, post_logout_redirect_uri: this.redirectUri });
      if (idToken) query.set('id_token_hint', idToken);
      window.location.assign(`${end}?${query}`);
    } else {
      window.location.assign(this.redirectUri);
    }
  }

  /** A valid access token, refreshed when it is about to expire; null if logged out. */
  async token() {
    if (!this.enabled || !this.loggedIn) return null;
    if (this.tokens.expires_at && Date.now() > this.tokens.expires_at - 30000 && this.tokens.refresh_token) {
      try {
        await this.exchange({ grant_type: 'refresh_token', refresh_token: this.tokens.refresh_token });
      } catch (e) {
        this.store(null);
        return null;
      }
    }
    return this.tokens.access_token;
  }

  async exchange(grant) {
    const metadata = await this.discovery();
    const response = await fetch(metadata.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.clientId, ...grant }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.access_token) {
      throw new Error(`Login failed: ${body.error_description || body.error || response.status}`);
    }
    const previous = this.tokens || {};
    this.store({
      access_token: body.access_token,
      refresh_token: body.refresh_token || previous.refresh_token,
      id_token: body.id_token || previous.id_token,
      expires_at: body.expires_in ? Date.now() + body.expires_in * 1000 : null,
    });
  }

  /** Called when the API refused the token: log in again. */
  expired() {
    if (this.loggedIn) this.store(null);
  }

  store(tokens) {
    this.tokens = tokens;
    if (tokens) sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
    else sessionStorage.removeItem(TOKENS);
    this.listeners.forEach((listener) => listener());
  }

  onChange(listener) {
    this.listeners.push(listener);
  }
}
