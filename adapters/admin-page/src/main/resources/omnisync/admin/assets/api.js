// The admin API (SPEC 10.3 and the lead's two extensions), same origin, relative paths so the page
// works under any prefix. Every request carries the admin token as a Bearer header.

/** Why a request failed: 'unreachable' (no answer), 'unauthorized' (401) or 'refused' (any other error status). */
export class ApiError extends Error {
  constructor(kind, status, body, message) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.code = body && typeof body.error === 'string' ? body.error : null;
  }
}

export const UNREACHABLE =
  'Omnisync cannot be reached: the service is not answering. Check that it is running; the page keeps trying.';

export function createApi({ token, onUnauthorized }) {
  async function request(method, path, body) {
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: payload, cache: 'no-store', credentials: 'omit' });
    } catch (error) {
      throw new ApiError('unreachable', 0, null, UNREACHABLE);
    }
    const data = await readJson(response);
    if (response.status === 401) {
      onUnauthorized();
      throw new ApiError('unauthorized', 401, data, 'The admin token was not accepted.');
    }
    if (!response.ok) {
      const message = data && data.message ? data.message : `Omnisync answered ${response.status}.`;
      throw new ApiError('refused', response.status, data, message);
    }
    return data;
  }

  return {
    token,
    agents: () => request('GET', 'api/agents'),
    audit: (agent) => request('GET', `api/agents/${encodeURIComponent(agent)}/audit`),
    pending: () => request('GET', 'api/pending'),
    configuration: () => request('GET', 'api/configuration'),
    check: (configuration) => request('POST', 'api/configuration/check', configuration),
    save: (configuration) => request('PUT', 'api/configuration', configuration),
    sync: (enabled, { force = false, dryRun = false } = {}) =>
      request('POST', 'api/sync', { enabled, force, dryRun }),
    settings: (change) => request('PATCH', 'api/settings', change),
    rule: (name, enabled) => request('PATCH', `api/rules/${encodeURIComponent(name)}`, { enabled }),
  };
}

async function readJson(response) {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
