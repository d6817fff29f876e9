// Renders a trainee's debrief (the page and the self-contained export share it): score, rubric evidence,
// alarms with time to acknowledge, every action, and per bed the course beside the protocol's own.
function renderDebrief(d, root, startClock) {
  const T = h => dayClock(h, startClock);
  const sec = (title, ...children) => el('section', {}, el('h2', {}, title), ...children);
  const table = (head, rows) => el('table', {}, el('tr', {}, ...head.map(h => el('th', {}, h))), ...rows.map(r => el('tr', {}, ...r.map(c => el('td', {}, c)))));
  root.replaceChildren();
  root.append(sec(`${d.title} — ${d.trainee}`,
    el('div', { class: 'score' + (d.criticalError ? ' critical' : ''), id: 'score' }, scoreWords(d.score, d.lines)),
    el('p', {}, d.ended ? `Critical error at ${T(d.ended.simTimeH)}: ${d.ended.what} — the scenario ended.` : `At ${T(d.simTimeH)} (session ${d.sessionId}, scenario ${d.scenarioId}).`)));
  root.append(sec('Rubric', ...d.lines.map(l => el('div', { class: 'rubric-line' },
    el('strong', {}, `${l.text} `), el('span', {}, l.critical ? '(critical) ' : `(weight ${fmt(l.weight, 0)}) `),
    el('span', { class: 'met' }, `${l.met} met `), el('span', { class: 'missed' }, `${l.missed} missed `), el('span', { class: 'open' }, `${l.pending} open`),
    l.penalty ? el('span', { class: 'missed' }, ` −${fmt(l.penalty, 0)}`) : '',
    l.answers ? el('div', { class: 'saw' }, `what answers it: ${l.answers}`) : '',
    el('ul', {}, ...(l.evidence.length ? l.evidence.map(e => el('li', { class: e.outcome },
      `bed ${e.bed} ${e.when} ${e.outcome}: ${e.what}`, el('div', { class: 'saw' }, `the page showed: ${e.saw}`))) : [el('li', {}, 'no occasion')]))))));
  const alarms = d.record.filter(e => e.kind === 'AlarmRaised');
  const acks = d.record.filter(e => e.kind === 'TraineeAction' && e.action === 'acknowledge-alarm' && e.accepted);
  root.append(sec('Alarms and time to acknowledge', table(['raised', 'bed', 'alarm', 'priority', 'acknowledged after'], alarms.map(a => {
    const ack = acks.find(x => x.bed === a.bed && x.target === a.target && x.simTimeH >= a.simTimeH);
    return [T(a.simTimeH), String(a.bed), a.what.replace(/^alarm /, ''), a.priority, ack ? `${fmt((ack.simTimeH - a.simTimeH) * 3600, 0)} s by ${ack.trainee}` : 'not acknowledged'];
  }))));
  for (const bed of d.beds) {
    const box = el('div', { class: 'chartbox' }), canvas = el('canvas'); box.append(canvas);
    const box2 = el('div', { class: 'chartbox' }), canvas2 = el('canvas'); box2.append(canvas2);
    const box3 = el('div', { class: 'chartbox' }), canvas3 = el('canvas'); box3.append(canvas3);
    root.append(sec(`Bed ${bed.bed + 1} (${bed.admissionId}): the trainee's course and the protocol's own`, box, box2, box3,
      table(['time', 'what (trainee\'s course)'], bed.events.map(e => [T(e.wardTimeH), e.detail]))));
    const pts = (c, f) => c.map(x => ({ x: x.wardTimeH, y: f(x) }));
    timeChart(canvas, [
      series('rate, trainee (mg/h)', pts(bed.chart, x => x.deliveredRateMgPerH), 'rate', '#1f6feb', { stepped: true }),
      series('rate, protocol (mg/h)', pts(bed.protocolChart, x => x.deliveredRateMgPerH), 'rate', '#8aa1ba', { stepped: true, borderDash: [6, 4] }),
      series('S-ketamine, trainee (ng/mL)', pts(bed.chart, x => x.sKetamineNgPerMl), 'conc', '#d1242f'),
      series('S-ketamine, protocol (ng/mL)', pts(bed.protocolChart, x => x.sKetamineNgPerMl), 'conc', '#f4a4a4', { borderDash: [6, 4] }),
      series('fast effect site, trainee (ng/mL)', pts(bed.chart, x => x.fastEffectNgPerMl), 'conc', '#9a6700'),
    ], [{ id: 'rate', title: 'rate (mg/h)', min: 0 }, { id: 'conc', title: 'concentration (ng/mL)', min: 0 }], startClock);
    timeChart(canvas2, [
      series('NRS, trainee', bed.chart.filter(x => x.nrs !== null).map(x => ({ x: x.wardTimeH, y: x.nrs })), 'nrs', '#1a7f37', { showLine: false, pointRadius: 3 }),
      series('NRS, protocol', bed.protocolChart.filter(x => x.nrs !== null).map(x => ({ x: x.wardTimeH, y: x.nrs })), 'nrs', '#7ee2a8', { showLine: false, pointRadius: 3, pointStyle: 'triangle' }),
      series('worst side effect, trainee (0-3)', pts(bed.chart, x => x.worstSideEffectGrade), 'grade', '#8250df', { stepped: true }),
      series('worst side effect, protocol (0-3)', pts(bed.protocolChart, x => x.worstSideEffectGrade), 'grade', '#c8b3f5', { stepped: true, borderDash: [6, 4] }),
    ], [{ id: 'nrs', title: 'NRS (0-10)', min: 0, max: 10 }, { id: 'grade', title: 'side-effect grade (0 none - 3 severe)', min: 0, max: 3 }], startClock);
    // The patient's true vital signs (what the monitor measured, before its noise and artefacts).
    timeChart(canvas3, [
      series('heart rate, trainee (/min)', pts(bed.chart, x => x.hrPerMin), 'rate', '#3fb950'),
      series('heart rate, protocol (/min)', pts(bed.protocolChart, x => x.hrPerMin), 'rate', '#a8e6b4', { borderDash: [6, 4] }),
      series('systolic BP, trainee (mmHg)', pts(bed.chart, x => x.sbpMmHg), 'bp', '#ff7b72'),
      series('SpO2, trainee (%)', pts(bed.chart, x => x.spo2Percent), 'spo2', '#58a6ff'),
    ], [{ id: 'rate', title: 'heart rate (/min)' }, { id: 'bp', title: 'blood pressure (mmHg)' }, { id: 'spo2', title: 'SpO2 (%)', max: 100 }], startClock);
  }
  const notes = d.record.filter(e => e.kind === 'Annotation');
  if (notes.length) root.append(sec("Instructor's notes and bookmarks", table(['sim time', 'bed', 'note'], notes.map(e => [T(e.simTimeH), e.bed ? String(e.bed) : 'ward', e.what]))));
  root.append(sec('Every action and event', table(['sim time', 'wall clock', 'bed', 'what'],
    d.record.map(e => [T(e.simTimeH), new Date(e.wallUnixMs).toISOString().slice(11, 19), e.bed ? String(e.bed) : 'ward', e.what]))));
}
