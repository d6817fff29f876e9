// Small helpers shared by the pages: API calls (with the access token when one is set) and formatting.
const token = () => localStorage.getItem('wardtwin-token') || '';
async function api(method, url, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (token()) headers['Authorization'] = 'Bearer ' + token();
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  return { status: response.status, ok: response.ok, data };
}
// Why a call was refused: a pump's own reply has a message; the API's problem details have a detail.
const reason = data => data ? (data.message || data.detail || data.title || 'refused') : 'no answer from the dashboard';
// A number typed into a box, or null (and the reason shown) when it is empty or not a number: nothing is sent then.
function typedNumber(text, what, show) {
  const t = String(text).trim();
  if (t === '' || !Number.isFinite(Number(t))) { show(`${what}: enter a number (got '${t}')`); return null; }
  return Number(t);
}
const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x)) ? '–' : Number(x).toFixed(d);
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) { if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v); }
  for (const c of children) e.append(c);
  return e;
}
function setToken() {
  const t = prompt('Access token (empty on a loopback-only dashboard):', token());
  if (t !== null) localStorage.setItem('wardtwin-token', t);
}
