// The live ward: one batched update per interval over server-sent events (what changed, and now and then
// everything); the vitals and alarms shown are the bedside monitors' own. Trainee controls per bed.
const ward = new URLSearchParams(location.search).get('ward') || 'ward-1';
document.getElementById('ward-name').textContent = ward;
let source = null;
const monitors = { vitals: {}, alarms: {}, beds: {} };

async function init() {
  const protocols = await api('GET', '/api/protocols');
  const select = document.getElementById('protocol');
  for (const p of protocols.data || []) select.append(el('option', { value: p }, p));
  select.value = 'erasmus-7d';
  listen();
}

function listen() {
  if (source) source.close();
  source = new EventSource(`/api/wards/${encodeURIComponent(ward)}/events`);
  source.onmessage = e => render(JSON.parse(e.data));
}

async function startWard(event) {
  event.preventDefault();
  const scale = document.getElementById('time-scale').value;
  const r = await api('POST', `/api/wards/${ward}/start`, {
    protocol: document.getElementById('protocol').value, beds: Number(document.getElementById('beds').value),
    timeScale: scale === 'max' ? 'max' : Number(scale), seed: Number(document.getElementById('seed').value) });
  show('ward-message', r.ok ? 'started' : reason(r.data), r.ok ? 'ok' : 'refused');
}

async function wardAction(action) {
  const r = await api('POST', `/api/wards/${ward}/${action}`);
  const done = { pause: 'paused', resume: 'resumed', stop: 'stopped: every bed discharged; start it again above' };
  show('ward-message', r.ok ? done[action] : reason(r.data), r.ok ? 'ok' : 'refused');
}

async function speed() {
  const v = document.getElementById('new-scale').value.trim();
  if (v !== 'max') {
    const n = typedNumber(v, 'speed', t => show('ward-message', t + ', or max', 'refused'));
    if (n === null) return;
    if (!(n > 0)) { show('ward-message', 'speed: must be > 0, or max', 'refused'); return; }
  }
  const r = await api('POST', `/api/wards/${ward}/time-scale`, { timeScale: v === 'max' ? 'max' : Number(v) });
  show('ward-message', r.ok ? 'time scale ' + v : reason(r.data), r.ok ? 'ok' : 'refused');
}

function show(id, text, kind) { const m = document.getElementById(id); if (m) { m.textContent = text; m.className = 'message ' + kind; } }

function render(update) {
  if (update.full) { monitors.vitals = {}; monitors.alarms = {}; monitors.beds = {}; }
  Object.assign(monitors.vitals, update.vitals || {});
  Object.assign(monitors.alarms, update.alarms || {});
  for (const b of update.beds || []) monitors.beds[b.bed] = b;
  if (update.error || !update.status) { document.getElementById('ward-status').textContent = update.error || 'no ward yet'; return; }
  const s = update.status;
  document.getElementById('ward-status').textContent =
    `t = ${fmt(s.simTimeH, 2)} h (day ${Math.floor(s.simTimeH / 24) + 1}) · scale ${s.timeScale} · ${s.stopped ? 'stopped' : s.running ? 'running' : 'paused'} · beds ${s.occupied}/${s.beds} · waiting ${s.waiting} · admitted ${s.admitted} · discharged ${s.discharged}`;
  const body = document.querySelector('#beds-table tbody');
  for (const b of Object.values(monitors.beds)) {
    let row = body.querySelector(`tr[data-bed="${b.bed}"]`);
    if (!row) { row = bedRow(b.bed); body.append(row); }
    const id = b.admissionId;
    row.dataset.admission = id || '';
    row.querySelector('.patient').innerHTML = id ? `<a href="patient.html?id=${encodeURIComponent(id)}">${id}</a>` : 'empty';
    if (b.fault) { row.querySelector('.patient').append(el('span', { class: 'alarm high', title: b.fault }, 'bed fault')); }
    row.querySelector('.day').textContent = fmt(b.protocolDay, 1);
    row.querySelector('.rate').textContent = fmt(b.pumpRateMgPerH, 1);
    row.querySelector('.nrs').textContent = b.lastNrs ?? '–';
    const v = id && monitors.vitals[id];
    row.querySelector('.hr').textContent = v ? fmt(v.hrPerMin, 0) : '–';
    row.querySelector('.sbp').textContent = v ? fmt(v.sbpMmHg, 0) : '–';
    row.querySelector('.spo2').textContent = v ? fmt(v.spo2Percent, 1) + (v.artefact ? ' (' + v.artefact + ')' : '') : '–';
    const alarms = (id && monitors.alarms[id]) || [];
    row.querySelector('.alarms').innerHTML = alarms.filter(a => a.active || !a.acknowledged)
      .map(a => `<span class="alarm ${a.priority}${a.acknowledged ? ' ack' : ''}${a.active ? '' : ' ended'}" title="raised ${fmt(a.raisedAtH, 2)} h${a.active ? '' : '; condition ended, not yet acknowledged'}">${a.kind}</span>`).join('');
    row.classList.toggle('empty', !id);
  }
}

function bedRow(bed) {
  const td = cls => el('td', { class: cls });
  const row = el('tr', { 'data-bed': bed }, el('td', {}, String(bed)), td('patient'), td('day'), td('rate'), td('nrs'), td('hr'), td('sbp'), td('spo2'), td('alarms'));
  const controls = el('td', {},
    el('input', { type: 'number', id: `rate-${bed}`, step: '0.5', min: '0' }),
    el('button', { id: `set-rate-${bed}`, onclick: () => setRate(bed, false) }, 'Set rate'),
    el('button', { id: `confirm-${bed}`, style: 'display:none', onclick: () => setRate(bed, true) }, 'Confirm'),
    el('button', { onclick: () => pump(bed, 'pause') }, 'Pause'),
    el('button', { onclick: () => pump(bed, 'resume') }, 'Resume'),
    el('button', { onclick: () => midazolam(bed) }, 'Midazolam 2 mg'),
    el('button', { onclick: () => ackAll(bed) }, 'Ack alarms'),
    el('button', { onclick: () => discharge(bed) }, 'Discharge'),
    el('div', { class: 'message', id: `msg-${bed}` }));
  row.append(controls);
  return row;
}

const patientPath = bed => {
  const id = document.querySelector(`tr[data-bed="${bed}"]`).dataset.admission;
  if (!id) { show(`msg-${bed}`, 'bed is empty', 'refused'); return null; }
  return '/api/patients/' + id;
};

const revisions = {};
async function setRate(bed, confirm) {
  const path = patientPath(bed); if (!path) return;
  const rate = typedNumber(document.getElementById(`rate-${bed}`).value, 'rate', t => show(`msg-${bed}`, t, 'refused'));
  if (rate === null) return;
  // A confirmation carries the pump's revision from the reply that asked: a pump changed meanwhile refuses it.
  const r = await api('POST', path + '/rate', { rateMgPerH: rate, confirm, revision: confirm ? revisions[bed] : undefined });
  if (r.data && r.data.revision !== undefined) revisions[bed] = r.data.revision;
  const confirmButton = document.getElementById(`confirm-${bed}`);
  confirmButton.style.display = r.status === 409 ? '' : 'none';
  if (r.status === 200) show(`msg-${bed}`, `pump set to ${rate} mg/h`, 'ok');
  else if (r.status === 409) show(`msg-${bed}`, r.data.message, 'confirm');
  else show(`msg-${bed}`, 'refused: ' + reason(r.data), 'refused');
}

async function pump(bed, action) {
  const path = patientPath(bed); if (!path) return;
  const r = await api('POST', `${path}/pump/${action}`);
  show(`msg-${bed}`, r.ok ? `pump ${action}d` : 'refused: ' + reason(r.data), r.ok ? 'ok' : 'refused');
}

async function midazolam(bed) {
  const path = patientPath(bed); if (!path) return;
  const r = await api('POST', `${path}/midazolam`, { doseMg: 2 });
  show(`msg-${bed}`, r.ok ? 'midazolam 2 mg given' : reason(r.data), r.ok ? 'ok' : 'refused');
}

async function ackAll(bed) {
  const path = patientPath(bed); if (!path) return;
  const p = await api('GET', path);
  for (const a of p.data.alarms) await api('POST', `${path}/alarms/${a.kind}/ack`);
  show(`msg-${bed}`, `${p.data.alarms.length} alarm(s) acknowledged`, 'ok');
}

async function discharge(bed) {
  if (!confirm(`Discharge bed ${bed}? Its pump stops and the treatment ends.`)) return;
  const r = await api('POST', `/api/wards/${ward}/beds/${bed}/discharge`);
  show(`msg-${bed}`, r.ok ? 'discharged' : reason(r.data), r.ok ? 'ok' : 'refused');
}

init();
