// Every call the app makes to the server goes through here: the bearer token, one refresh and
// retry when it expired, and each refusal turned into an ApiError carrying the server's problem
// document (RFC 9457), which the toasts show by its title and detail, never as a bare status.
import { accessToken, refresh, forget } from './session.js';
import { showProblem } from '../ui/toast.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.type = problem.type ? String(problem.type).split('/').pop() : '';
  }
}

let onSignedOut = () => {};
// Set once by the shell: where to go when the session ended under a request.
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

function url(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(name, v));
    else params.set(name, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch { /* not JSON after all */ }
  }
  return { title: response.statusText || 'Request failed', detail: `The server answered ${response.status}.`, status: response.status };
}

// A 401 that says the token itself no longer stands (missing, expired, revoked), not the input.
async function tokenRefused(response) {
  const problem = await problemOf(response.clone());
  const type = problem.type ? String(problem.type).split('/').pop() : '';
  return type === 'invalid-token' || type === 'unauthenticated';
}

// options: query, body (JSON unless FormData/Blob/string), headers, quiet (no toast), anonymous,
// raw (answer the Response), signal
export async function request(method, path, options = {}) {
  const send = () => {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    const token = options.anonymous ? null : accessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body = options.body;
    if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob) && typeof body !== 'string') {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    return fetch(url(path, options.query), { method, headers, body, signal: options.signal });
  };
  let response;
  try {
    response = await send();
    // Only a refused token is worth a refresh; a wrong password or code is a 401 too, and sending
    // it again would count as a second failed attempt.
    if (response.status === 401 && !options.anonymous && accessToken() && await tokenRefused(response)) {
      if (await refresh()) {
        response = await send();
      } else {
        forget();
        onSignedOut();
      }
    }
  } catch (failure) {
    if (failure.name === 'AbortError') throw failure;
    const error = new ApiError(0, { title: 'Server unreachable', detail: 'The request did not reach the server. Check that it is running.' });
    if (!options.quiet) showProblem(error);
    throw error;
  }
  if (!response.ok && response.status !== 304) {
    const error = new ApiError(response.status, await problemOf(response));
    if (!options.quiet) showProblem(error);
    throw error;
  }
  if (options.raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options = {}) => request('POST', path, { ...options, body }),
  put: (path, body, options = {}) => request('PUT', path, { ...options, body }),
  patch: (path, body, options = {}) => request('PATCH', path, { ...options, body }),
  del: (path, options) => request('DELETE', path, options),
};
