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
  refresh();
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

async function refresh() {
  const r = await api('GET', `/api/training/${session}/${trainee}/beds`);
  if (!r.ok) return say(reason(r.data), 'refused');
  const ward = r.data.ward;
  document.getElementById('clock').textContent = `${dayClock(ward.simTimeH, startClock)} ${ward.running ? '' : '(paused)'}`;
  let loudest = null;
  for (const b of r.data.beds) {
    const c = card(b.bed);
    if (!b.admission) { c.title.textContent = `Bed ${b.bed}: empty`; continue; }
    const n = b.admission.split('/').pop(), s = b.state;
    const p = await api('GET', `/api/patients/${wardId}/${n}`);
    if (!p.ok) continue;
    const pump = p.data.pump, v = p.data.vitals.at(-1);
    c.title.textContent = `Bed ${b.bed} — ${b.admission}${s.treatmentEnded ? ' (discharged)' : ''}`;
    if (v) {
      c.nums.hr.textContent = fmt(v.hrPerMin, 0); c.nums.spo2.textContent = fmt(v.spo2Percent, 0) + (v.artefact ? '?' : '');
      c.nums.bp.textContent = `${fmt(v.sbpMmHg, 0)}/${fmt(v.dbpMmHg, 0)}`; c.nums.rr.textContent = fmt(v.rrPerMin, 0);
      c.pleth.data.datasets[0].data = plethPoints(v.hrPerMin, Date.now()); c.pleth.update('none');
    }
    c.alarms.replaceChildren(...p.data.alarms.map(a => el('span', { class: `iec ${a.priority} ${a.acknowledged ? 'acked' : 'unacked'}` },
      `${a.kind.replaceAll('_', ' ')} ${a.active ? '' : '(ended) '}`,
      a.acknowledged ? '✓' : el('button', { onclick: () => act(b.bed, 'acknowledge-alarm', undefined, { target: a.kind }) }, 'ack'))));
    for (const a of p.data.alarms) if (!a.acknowledged && a.active) loudest = ['high', 'medium', 'low'].find(x => x === a.priority || x === loudest) || loudest;
    const nearEmpty = pump.nearEmpty ? ', bag near empty' : '';
    c.pump.textContent = `pump ${pump.state}${nearEmpty}: ${fmt(pump.rateMgPerH, 1)} mg/h set, ${fmt(pump.deliveredRateMgPerH, 1)} delivered, ${fmt(pump.remainingMl, 0)} mL left; hard max ${fmt(pump.hardMaxMgPerH, 1)}${pump.softMaxMgPerH ? ', soft ' + fmt(pump.softMaxMgPerH, 1) : ''}`;
    const grades = Object.entries(s.sideEffectGrades).filter(([, g]) => g > 0);
    c.effects.replaceChildren(el('span', {}, `sedation: ${GRADES[s.sideEffectGrades.drowsiness || 0]} · side effects: `),
      ...(grades.length ? grades.map(([k, g]) => el('span', { class: 'grade g' + g }, `${k} ${GRADES[g]}`)) : [el('span', {}, 'none')]));
    // A review that has just passed stays due for 15 minutes; the protocol's answer is the trainee's to find.
    if (lastReview[b.bed] !== undefined && lastReview[b.bed] !== s.nextReviewWardH && lastReview[b.bed] !== null) dueSince[b.bed] = lastReview[b.bed];
    lastReview[b.bed] = s.nextReviewWardH;
    const due = dueSince[b.bed] !== undefined && ward.simTimeH - dueSince[b.bed] < 0.25;
    c.review.textContent = due ? `Titration review due since ${dayClock(dueSince[b.bed], startClock)}: decide the rate now.`
      : s.nextReviewWardH ? `next titration review ${dayClock(s.nextReviewWardH, startClock)}` : '';
    if (!c.drawnAt || Date.now() - c.drawnAt > 10000) {
      c.drawnAt = Date.now();
      const h = await api('GET', `/api/patients/${wardId}/${n}/history`);
      if (h.ok) {
        const d = c.chart.data.datasets;
        d[0].data = h.data.map(x => ({ x: x.wardTimeH, y: x.deliveredRateMgPerH })); d[1].data = h.data.map(x => ({ x: x.wardTimeH, y: x.sKetamineNgPerMl }));
        d[2].data = h.data.map(x => ({ x: x.wardTimeH, y: x.fastEffectNgPerMl })); d[3].data = h.data.filter(x => x.nrs !== null).map(x => ({ x: x.wardTimeH, y: x.nrs }));
        c.chart.update('none');
      }
    }
  }
  if (loudest && Date.now() - lastBeep > 5000) { lastBeep = Date.now(); alarmSound.beep(loudest); }
}

(async () => {
  const v = await api('GET', `/api/training/${session}`), s = await api('GET', '/api/scenarios');
  if (v.ok && s.ok) startClock = (s.data.find(x => x.id === v.data.scenarioId) || {}).clock || startClock;
  refresh(); setInterval(refresh, 1000);
})();
