// One bed on the trainee's page: monitor (large numerics, pleth-like trace), IEC-coloured alarms in words, what the
// titration rule reads (pain score, noticed relief, side effects and alarms since the last review), the pump's screen,
// actions, a chart of the course, a trend of the monitor's saturation and breathing rate, and the bed's log. An empty
// bed shows as empty: no numbers, trace, pump, controls or chart of anyone.
const cards = {}, lastReview = {}, dueSince = {};

function card(bed) {
  if (cards[bed]) return cards[bed];
  const input = (label, size, value) => el('input', { size, 'aria-label': `bed ${bed} ${label}`, ...(value ? { value } : {}) });
  const rate = input('rate mg/h', 5), dose = input('midazolam mg', 4, '2'), oxygen = input('oxygen L/min', 3, '2');
  const flumazenil = input('flumazenil mg', 4, '0.2'), ondansetron = input('ondansetron mg', 3, '4');
  const c = {
    root: el('section', { class: 'bed', 'data-bed': bed }), title: el('h2'), body: el('div', { class: 'bed-body' }), alarms: el('div', { class: 'alarms' }),
    handover: el('p', { class: 'handover' }),
    monitor: el('div', { class: 'monitor' }), review: el('div', { class: 'message confirm review' }), pain: el('div', { class: 'pain' }), effects: el('div', { class: 'effects' }),
    pump: el('div', { class: 'status pump' }), chartBox: el('div', { class: 'chartbox' }), breathBox: el('div', { class: 'chartbox' }), log: el('table', { class: 'record bed-log' }),
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
  // The monitor's recent readings of saturation and breathing rate: where midazolam's depression of breathing shows.
  const breathCanvas = el('canvas', { id: `breath-${bed}` }); c.breathBox.append(breathCanvas);
  c.breath = timeChart(breathCanvas, [series('SpO2 (%)', [], 'spo2', '#0a7ea4'), series('RR (/min)', [], 'rr', '#8250df')],
    [{ id: 'spo2', title: 'SpO2 (%)', max: 100 }, { id: 'rr', title: 'RR (/min)', min: 0 }], startClock);
  const typed = (box, what, unit) => clinicalNumber(box.value, what, unit, m => say(m, 'refused'));
  const button = (text, onclick) => el('button', { onclick }, text);
  const controls = el('div', { class: 'controls' },
    el('label', {}, 'rate mg/h ', rate), button('Set rate', () => { const v = typed(rate, 'rate', 'mg/h'); if (v !== null) act(bed, 'set-rate', v); }),
    button('Hold (keep rate)', () => act(bed, 'hold')),
    ...['start', 'pause', 'resume', 'stop', 'replace-bag'].map(a => button(a.replace('-', ' '), () => act(bed, a))),
    el('br'), ...[['midazolam', dose], ['flumazenil', flumazenil], ['ondansetron', ondansetron]].flatMap(([drug, box]) =>
      [el('label', {}, ` ${drug} mg `, box), button(drug === 'midazolam' ? 'Give' : `Give ${drug}`, () => { const v = typed(box, drug, 'mg'); if (v !== null) act(bed, drug, v); })]),
    el('br'), el('label', {}, 'oxygen L/min (0 = off) ', oxygen), button('Give oxygen', () => { const v = typed(oxygen, 'oxygen', 'L/min'); if (v !== null) act(bed, 'oxygen', v); }),
    button('Call doctor', () => act(bed, 'call-doctor')),
    button('Discharge', () => { if (confirm(`Discharge bed ${bed}? The pump stops and the treatment ends.`)) act(bed, 'discharge'); }));
  c.body.append(c.handover, c.alarms, c.monitor, c.review, c.pain, c.effects, c.pump, controls, c.chartBox, c.breathBox, el('h3', {}, 'medication and events'), c.log);
  c.root.append(c.title, c.body);
  document.getElementById('beds').append(c.root);
  return cards[bed] = c;
}

// The bed is empty: nothing of the last patient stays on it.
function showEmpty(c, bed) {
  c.title.textContent = `Bed ${bed}: empty`;
  c.root.classList.add('empty');
  c.body.hidden = true;
  c.admission = null;
  for (const n of Object.values(c.nums)) n.textContent = '–';
  c.pleth.data.datasets[0].data = []; c.pleth.update('none');
  c.chart.data.datasets.forEach(d => { d.data = []; }); c.chart.update('none');
  c.breath.data.datasets.forEach(d => { d.data = []; }); c.breath.update('none');
  for (const part of [c.alarms, c.review, c.pain, c.effects, c.pump, c.log]) part.replaceChildren();
  delete lastReview[bed]; delete dueSince[bed];
}

function showOccupied(c) { c.root.classList.remove('empty'); c.body.hidden = false; }

// A pleth-like trace from the heart rate: a systolic peak and a dicrotic notch per beat, over the last 5 seconds.
function plethPoints(hr, nowMs) {
  const pts = [], beat = 60 / Math.max(hr, 20);
  for (let i = 0; i <= 150; i++) {
    const t = nowMs / 1000 - 5 + i / 30, p = ((t % beat) + beat) % beat / beat;
    pts.push({ x: i, y: Math.exp(-(((p - 0.2) / 0.07) ** 2)) + 0.35 * Math.exp(-(((p - 0.5) / 0.08) ** 2)) });
  }
  return pts;
}

function showVitals(c, v) {
  c.nums.hr.textContent = fmt(v.hrPerMin, 0); c.nums.spo2.textContent = fmt(v.spo2Percent, 0) + (v.artefact ? '?' : '');
  c.nums.bp.textContent = `${fmt(v.sbpMmHg, 0)}/${fmt(v.dbpMmHg, 0)}`; c.nums.rr.textContent = fmt(v.rrPerMin, 0);
  c.pleth.data.datasets[0].data = plethPoints(v.hrPerMin, Date.now()); c.pleth.update('none');
  appendReadings(c, [v]);
}

// The trend keeps as many readings as the monitor's own ring (the patient page draws the same).
const TREND_READINGS = 180;
function appendReadings(c, readings) {
  const [spo2, rr] = c.breath.data.datasets, last = spo2.data.length ? spo2.data[spo2.data.length - 1].x : -Infinity;
  for (const v of readings) {
    if (v.simTimeH <= last) continue;
    spo2.data.push({ x: v.simTimeH, y: v.spo2Percent }); rr.data.push({ x: v.simTimeH, y: v.rrPerMin });
  }
  for (const d of [spo2, rr]) if (d.data.length > TREND_READINGS) d.data.splice(0, d.data.length - TREND_READINGS);
  c.breath.update('none');
}

function showAlarms(c, bed, alarms) {
  c.alarms.replaceChildren(...alarms.map(a => el('span', { class: `iec ${a.priority} ${a.acknowledged ? 'acked' : 'unacked'}`, title: a.kind },
    `${a.category === 'technical' ? 'technical: ' : ''}${a.label || a.kind.replaceAll('_', ' ')} (${a.priority}) ${a.active ? '' : '(ended) '}`,
    a.acknowledged ? '✓' : el('button', { onclick: () => act(bed, 'acknowledge-alarm', undefined, { target: a.kind }) }, 'ack'))));
}

const grades = g => Object.entries(g || {}).filter(([, x]) => x > 0);
const gradeTags = list => list.length ? list.map(([k, x]) => el('span', { class: 'grade g' + x }, `${k} ${GRADES[x]}`)) : [el('span', {}, 'none')];

function showBedside(c, bed, id, p) {
  const s = p.state, pump = p.pump;
  c.title.textContent = `Bed ${bed} — ${id}${s.treatmentEnded ? ' (discharged)' : ''}`;
  // The scenario's handover is of the patient the shift began with (the ward's first admissions fill beds 1, 2, ... in order).
  const first = Number(id.split('/').pop()) === bed - 1;
  c.handover.textContent = first && handover[bed] ? `Handover: ${handover[bed]}` : '';
  c.handover.hidden = !c.handover.textContent;
  const at = h => h === null || h === undefined ? '' : ` (${dayClock(h, startClock)})`;
  c.pain.replaceChildren(el('span', {}, `pain: NRS ${s.lastNrs ?? '–'}${at(s.lastReviewWardH)} · relief noticed at the last review: `),
    el('strong', { class: 'relief' }, s.noticedRelief === null || s.noticedRelief === undefined ? 'not asked yet' : s.noticedRelief ? 'yes' : 'no'),
    el('span', {}, ` · alarms since the last review: ${(s.alarmsSinceReview || []).length ? s.alarmsSinceReview.join(', ') : 'none'}`));
  c.effects.replaceChildren(el('span', {}, `sedation: ${GRADES[s.sideEffectGrades.drowsiness || 0]} · side effects now: `), ...gradeTags(grades(s.sideEffectGrades)),
    el('span', {}, ` · since the last review${at(s.lastReviewWardH)}: `), ...gradeTags(grades(s.sideEffectsSinceReview)));
  const vtbi = pump.vtbiMl ? `, VTBI ${fmt(pump.vtbiMl, 0)} mL (${fmt(pump.vtbiRemainingMl, 1)} mL to go)` : ', no VTBI set';
  c.pump.textContent = `pump ${pump.state}${pump.nearEmpty ? ', bag near empty' : ''}: ${fmt(pump.rateMgPerH, 1)} mg/h set, ${fmt(pump.deliveredRateMgPerH, 1)} delivered · `
    + `${pump.product} ${fmt(pump.concentrationMgPerMl, 2)} mg/mL · infused ${fmt(pump.infusedMl, 1)} mL (${fmt(pump.deliveredMg, 1)} mg), bag ${fmt(pump.remainingMl, 0)} mL left${vtbi} · `
    + `hard max ${fmt(pump.hardMaxMgPerH, 1)}${pump.softMaxMgPerH ? ', soft ' + fmt(pump.softMaxMgPerH, 1) : ''}`;
  // A review that has just passed stays due for 15 minutes; the protocol's answer is the trainee's to find.
  if (lastReview[bed] !== undefined && lastReview[bed] !== s.nextReviewWardH && lastReview[bed] !== null) dueSince[bed] = lastReview[bed];
  lastReview[bed] = s.nextReviewWardH;
  const nowH = wardNow ? wardNow.simTimeH : s.wardTimeH, due = dueSince[bed] !== undefined && nowH - dueSince[bed] < 0.25;
  c.review.textContent = due ? `Titration review due since ${dayClock(dueSince[bed], startClock)}: decide the rate now (set a rate, or hold).`
    : s.nextReviewWardH ? `next titration review ${dayClock(s.nextReviewWardH, startClock)}` : '';
  if (c.eventCount !== s.eventCount) { c.eventCount = s.eventCount; refreshLog(bed); }
  if (shown.charted[id]) appendPoints(c, p.points);
}

// The chart's history once (one replay of the course), then the points the feed brings.
async function loadChart(c, id) {
  shown.charted[id] = false;
  c.breath.data.datasets.forEach(d => { d.data = []; }); // the last patient's readings go before the first await
  const path = `/api/patients/${id.replace(/\/\d+$/, '')}/${id.split('/').pop()}`;
  const h = await api('GET', path + '/history');
  if (!h.ok || c.admission !== id) return;
  c.chart.data.datasets.forEach(d => { d.data = []; });
  appendPoints(c, h.data);
  shown.charted[id] = true;
  // The readings the monitor took before the page opened (once per admission; after that the feed brings each).
  const p = await api('GET', path);
  if (!p.ok || c.admission !== id) return;
  const pushed = c.breath.data.datasets[0].data;
  const before = pushed.length ? p.data.vitals.filter(v => v.simTimeH < pushed[0].x) : p.data.vitals;
  c.breath.data.datasets.forEach((d, i) => { d.data = before.map(v => ({ x: v.simTimeH, y: i === 0 ? v.spo2Percent : v.rrPerMin })).concat(d.data); });
  appendReadings(c, []);
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
