// The ward a trainee sees: per bed a monitor (large numerics, pleth-like trace), IEC-coloured alarms, pump, side effects, actions, a chart.
const q = new URLSearchParams(location.search);
const session = q.get('session'), trainee = q.get('trainee'), wardId = `${session}.${trainee}`;
let startClock = '09:00', lastBeep = 0;
const cards = {}, lastReview = {}, dueSince = {};
document.getElementById('head').textContent = `Ward of ${trainee} (${session})`;
document.getElementById('audio').onclick = () => { alarmSound.pause(2); say('alarm sound paused for 2 minutes', 'ok'); };
const say = (text, kind) => { const m = document.getElementById('msg'); m.textContent = text; m.className = 'message ' + (kind || ''); };

async function act(bed, action, value, extra = {}) {
  const r = await api('POST', `/api/training/${session}/act`, { trainee, bed, action, value, ...extra });
  if (r.status === 409 && r.data && r.data.outcome === 'needsconfirmation') {
    // Confirmed on what was seen: if anyone changes the pump before the answer, the confirmation is refused.
    if (confirm(`${r.data.message}\nConfirm ${value} mg/h?`)) return act(bed, action, value, { confirm: true, revision: r.data.pumpRevision });
    return say('not confirmed: rate unchanged', 'confirm');
  }
  say(r.ok ? `bed ${bed}: ${action} ${value ?? ''} done` : `bed ${bed}: ${action} refused: ${reason(r.data)}`, r.ok ? 'ok' : 'refused');
}
// An entry that is empty or not a number is refused here, before anything is sent.
function numberFrom(input, what) {
  const text = input.value.trim();
  if (text === '' || !Number.isFinite(Number(text)) || Number(text) < 0) { say(`${what}: enter a number (got '${text}')`, 'refused'); return null; }
  return Number(text);
}

function card(bed) {
  if (cards[bed]) return cards[bed];
  const rate = el('input', { size: 5, 'aria-label': `bed ${bed} rate mg/h` }), dose = el('input', { size: 4, value: '2', 'aria-label': `bed ${bed} midazolam mg` });
  const c = {
    root: el('section', { class: 'bed', 'data-bed': bed }), title: el('h2'), alarms: el('div'), monitor: el('div', { class: 'monitor' }),
    pump: el('div', { class: 'status' }), effects: el('div'), review: el('div', { class: 'message confirm' }), chartBox: el('div', { class: 'chartbox' }),
  };
  c.nums = {};
  for (const [k, label] of [['hr', 'HR /min'], ['spo2', 'SpO2 %'], ['bp', 'BP mmHg'], ['rr', 'RR /min']]) {
    c.nums[k] = el('div', { class: 'num ' + k }, '–');
    c.monitor.append(el('div', {}, el('div', { class: 'lbl' }, label), c.nums[k]));
  }
  const plethCanvas = el('canvas'); c.monitor.append(el('div', { class: 'pleth' }, plethCanvas));
  c.pleth = new Chart(plethCanvas, { type: 'line', data: { datasets: [{ data: [], borderColor: '#58a6ff', pointRadius: 0, borderWidth: 2 }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: false, plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: { x: { type: 'linear', display: false }, y: { display: false, min: -0.1, max: 1.2 } } } });
  const canvas = el('canvas'); c.chartBox.append(canvas);
  c.chart = timeChart(canvas, [series('pump rate (mg/h)', [], 'rate', '#1f6feb', { stepped: true }), series('S-ketamine plasma (ng/mL)', [], 'conc', '#d1242f'),
    series('fast effect site (ng/mL)', [], 'conc', '#9a6700'), series('NRS (0-10)', [], 'nrs', '#1a7f37', { showLine: false, pointRadius: 3 })],
    [{ id: 'rate', title: 'rate (mg/h)', min: 0 }, { id: 'conc', title: 'concentration (ng/mL)', min: 0 }, { id: 'nrs', title: 'NRS (0-10)', min: 0, max: 10 }], startClock);
  const controls = el('div', {},
    el('label', {}, 'rate mg/h ', rate), el('button', { onclick: () => { const v = numberFrom(rate, 'rate'); if (v !== null) act(bed, 'set-rate', v); } }, 'Set rate'),
    ...['start', 'pause', 'resume', 'stop', 'replace-bag'].map(a => el('button', { onclick: () => act(bed, a) }, a.replace('-', ' '))),
    el('label', {}, ' midazolam mg ', dose), el('button', { onclick: () => { const v = numberFrom(dose, 'midazolam'); if (v !== null) act(bed, 'midazolam', v); } }, 'Give'),
    ...[['flumazenil', 'mg', '0.2'], ['ondansetron', 'mg', '4'], ['oxygen', 'L/min', '2']].map(([drug, unit, start]) => {
      const box = el('input', { size: 4, value: start, 'aria-label': `bed ${bed} ${drug} ${unit}` });
      return el('span', {}, el('label', {}, ` ${drug} ${unit} `, box), el('button', { onclick: () => { const v = numberFrom(box, drug); if (v !== null) act(bed, drug, v); } }, drug === 'oxygen' ? 'Set' : 'Give'));
    }),
    el('button', { onclick: () => { if (confirm(`Discharge bed ${bed}? The pump stops and the treatment ends.`)) act(bed, 'discharge'); } }, 'Discharge'));
  c.root.append(c.title, c.alarms, c.monitor, c.review, c.effects, c.pump, controls, c.chartBox);
  document.getElementById('beds').append(c.root);
  return cards[bed] = c;
}

// A pleth-like trace from the heart rate: a systolic peak and a dicrotic notch per beat, over the last 5 seconds.
function plethPoints(hr, nowMs) {
  const pts = [], beat = 60 / Math.max(hr, 20);
  for (let i = 0; i <= 150; i++) {
    const t = nowMs / 1000 - 5 + i / 30, p = ((t % beat) + beat) % beat / beat;
    pts.push({ x: i, y: Math.exp(-(((p - 0.2) / 0.07) ** 2)) + 0.35 * Math.exp(-(((p - 0.5) / 0.08) ** 2)) });
  }
  return pts;
}

// Everything on this page comes from the ward's feed (server-sent events): the ward's clock and beds, each
// monitor's readings and alarms, each bedside's state, pump and chart points as the ward moves. A chart's
// history is loaded once per admission; nothing is asked for on a timer.
const shown = { admissions: {}, alarms: {}, charted: {} };
let wardNow = null, loudest = null;

let feedError = null;
function onFeed(m) {
  if (m.error && !m.status) { feedError = m.error; return say(m.error, 'refused'); }
  if (feedError !== null && document.getElementById('msg').textContent === feedError) say('', '');
  feedError = null;
  if (m.status) {
    wardNow = m.status;
    document.getElementById('clock').textContent = `${dayClock(wardNow.simTimeH, startClock)} ${wardNow.running ? '' : '(paused)'}`;
  }
  for (const b of m.beds || []) {
    const bed = b.bed + 1, c = card(bed);
    shown.admissions[bed] = b.admissionId;
    if (!b.admissionId) { c.title.textContent = `Bed ${bed}: empty`; continue; }
    if (!c.admission || c.admission !== b.admissionId) { c.admission = b.admissionId; loadChart(c, b.admissionId); }
  }
  for (const [bed, id] of Object.entries(shown.admissions)) {
    if (!id) continue;
    const c = card(Number(bed));
    if (m.vitals && m.vitals[id]) showVitals(c, m.vitals[id]);
    if (m.alarms && m.alarms[id]) { shown.alarms[id] = m.alarms[id]; showAlarms(c, Number(bed), m.alarms[id]); }
    if (m.patients && m.patients[id]) showBedside(c, Number(bed), id, m.patients[id]);
  }
  loudest = null;
  for (const id of Object.values(shown.admissions)) for (const a of (id && shown.alarms[id]) || []) if (!a.acknowledged && a.active) loudest = ['high', 'medium', 'low'].find(x => x === a.priority || x === loudest) || loudest;
  if (loudest && Date.now() - lastBeep > 5000) { lastBeep = Date.now(); alarmSound.beep(loudest); }
}

function showVitals(c, v) {
  c.nums.hr.textContent = fmt(v.hrPerMin, 0); c.nums.spo2.textContent = fmt(v.spo2Percent, 0) + (v.artefact ? '?' : '');
  c.nums.bp.textContent = `${fmt(v.sbpMmHg, 0)}/${fmt(v.dbpMmHg, 0)}`; c.nums.rr.textContent = fmt(v.rrPerMin, 0);
  c.pleth.data.datasets[0].data = plethPoints(v.hrPerMin, Date.now()); c.pleth.update('none');
}

function showAlarms(c, bed, alarms) {
  c.alarms.replaceChildren(...alarms.map(a => el('span', { class: `iec ${a.priority} ${a.acknowledged ? 'acked' : 'unacked'}` },
    `${a.category === 'technical' ? 'technical: ' : ''}${a.label || a.kind.replaceAll('_', ' ')} ${a.active ? '' : '(ended) '}`,
    a.acknowledged ? '✓' : el('button', { onclick: () => act(bed, 'acknowledge-alarm', undefined, { target: a.kind }) }, 'ack'))));
}

function showBedside(c, bed, id, p) {
  const s = p.state, pump = p.pump;
  c.title.textContent = `Bed ${bed} — ${id}${s.treatmentEnded ? ' (discharged)' : ''}`;
  const nearEmpty = pump.nearEmpty ? ', bag near empty' : '';
  c.pump.textContent = `pump ${pump.state}${nearEmpty}: ${fmt(pump.rateMgPerH, 1)} mg/h set, ${fmt(pump.deliveredRateMgPerH, 1)} delivered, ${fmt(pump.remainingMl, 0)} mL left; hard max ${fmt(pump.hardMaxMgPerH, 1)}${pump.softMaxMgPerH ? ', soft ' + fmt(pump.softMaxMgPerH, 1) : ''}`;
  const grades = Object.entries(s.sideEffectGrades).filter(([, g]) => g > 0);
  c.effects.replaceChildren(el('span', {}, `sedation: ${GRADES[s.sideEffectGrades.drowsiness || 0]} · side effects: `),
    ...(grades.length ? grades.map(([k, g]) => el('span', { class: 'grade g' + g }, `${k} ${GRADES[g]}`)) : [el('span', {}, 'none')]));
  // A review that has just passed stays due for 15 minutes; the protocol's answer is the trainee's to find.
  if (lastReview[bed] !== undefined && lastReview[bed] !== s.nextReviewWardH && lastReview[bed] !== null) dueSince[bed] = lastReview[bed];
  lastReview[bed] = s.nextReviewWardH;
  const nowH = wardNow ? wardNow.simTimeH : s.wardTimeH, due = dueSince[bed] !== undefined && nowH - dueSince[bed] < 0.25;
  c.review.textContent = due ? `Titration review due since ${dayClock(dueSince[bed], startClock)}: decide the rate now.`
    : s.nextReviewWardH ? `next titration review ${dayClock(s.nextReviewWardH, startClock)}` : '';
  if (shown.charted[id]) appendPoints(c, p.points);
}

// The chart's history once (one replay of the course), then the points the feed brings.
async function loadChart(c, id) {
  shown.charted[id] = false;
  const h = await api('GET', `/api/patients/${id.replace(/\/\d+$/, '')}/${id.split('/').pop()}/history`);
  if (!h.ok || c.admission !== id) return;
  c.chart.data.datasets.forEach(d => { d.data = []; });
  appendPoints(c, h.data);
  shown.charted[id] = true;
}

function appendPoints(c, points) {
  if (!points || points.length === 0) return;
  const d = c.chart.data.datasets, last = d[0].data.length ? d[0].data[d[0].data.length - 1].x : -Infinity;
  for (const x of points) {
    if (x.wardTimeH <= last) continue;
    d[0].data.push({ x: x.wardTimeH, y: x.deliveredRateMgPerH }); d[1].data.push({ x: x.wardTimeH, y: x.sKetamineNgPerMl });
    d[2].data.push({ x: x.wardTimeH, y: x.fastEffectNgPerMl });
    if (x.nrs !== null && (d[3].data.length === 0 || d[3].data[d[3].data.length - 1].y !== x.nrs || x.wardTimeH - d[3].data[d[3].data.length - 1].x > 1)) d[3].data.push({ x: x.wardTimeH, y: x.nrs });
  }
  c.chart.update('none');
}

(async () => {
  const v = await api('GET', `/api/training/${session}`), s = await api('GET', '/api/scenarios');
  if (v.ok && s.ok) startClock = (s.data.find(x => x.id === v.data.scenarioId) || {}).clock || startClock;
  new EventSource(`/api/wards/${encodeURIComponent(wardId)}/events`).onmessage = e => onFeed(JSON.parse(e.data));
})();
