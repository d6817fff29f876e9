// The ward a trainee sees (beds in trainee-bed.js, the log in trainee-log.js, typed numbers and actions in trainee-input.js).
// Everything comes from the ward's feed (server-sent events): the clock and beds, each monitor's readings and alarms, each
// bedside's state, pump and chart points. A chart's history is loaded once per admission, a bed's log when its course
// logs something; nothing is asked for on a timer. The session says once whether the clock has started and whether this
// trainee's scenario has ended.
const q = new URLSearchParams(location.search);
const session = q.get('session'), trainee = q.get('trainee'), wardId = `${session}.${trainee}`;
let startClock = '09:00', lastBeep = 0, sessionView = null, handover = {};
document.getElementById('head').textContent = `Ward of ${trainee} (${session})`;
document.getElementById('audio').onclick = () => { alarmSound.pause(2); say('alarm sound paused for 2 minutes', 'ok'); };
const say = (text, kind) => { const m = document.getElementById('msg'); m.textContent = text; m.className = 'message ' + (kind || ''); };
const shown = { admissions: {}, alarms: {}, charted: {} };
let wardNow = null, loudest = null, feedError = null;

// The banner tells the truth about the session: waiting for the instructor, or ended by a critical error and what now.
function showBanner() {
  const b = document.getElementById('banner'), me = sessionView && sessionView.trainees.find(t => t.trainee === trainee);
  if (me && me.ended) {
    b.className = 'banner ended';
    b.replaceChildren(el('strong', {}, `Your scenario has ended at ${dayClock(me.ended.simTimeH, startClock)}: `), me.ended.what, el('br'),
      'Nothing you do on this ward is carried out any more. ', me.ended.instructorCan.replace(/ \(\/debrief[^)]*\)/, ''), ' ',
      el('a', { href: `/debrief.html?session=${session}&trainee=${trainee}` }, 'Open your debrief'));
  } else if (me && !me.clockStarted && !(wardNow && wardNow.running)) {
    b.className = 'banner waiting';
    b.replaceChildren('The scenario has not started: the clock waits for your instructor. Look around your beds; nothing happens until then.');
  } else {
    b.className = 'banner'; b.replaceChildren();
  }
}

async function loadSession() {
  const v = await api('GET', `/api/training/${session}`);
  if (v.ok) sessionView = v.data;
  showBanner();
}

function onFeed(m) {
  if (m.error && !m.status) { feedError = m.error; return say(m.error, 'refused'); }
  if (feedError !== null && document.getElementById('msg').textContent === feedError) say('', '');
  feedError = null;
  if (m.status) {
    const wasRunning = wardNow && wardNow.running;
    wardNow = m.status;
    const me = sessionView && sessionView.trainees.find(t => t.trainee === trainee);
    if (me && wardNow.running) me.clockStarted = true; // a later pause is a pause, not a scenario that has not started
    const ended = sessionView && (sessionView.trainees.find(t => t.trainee === trainee) || {}).ended;
    document.getElementById('clock').textContent = `${dayClock(wardNow.simTimeH, startClock)} ${wardNow.running ? '' : ended ? '(paused: the scenario has ended)' : '(paused)'}`;
    if (wasRunning !== wardNow.running) showBanner();
  }
  for (const b of m.beds || []) {
    const bed = b.bed + 1, c = card(bed);
    shown.admissions[bed] = b.admissionId;
    if (!b.admissionId) { if (c.admission !== null || !c.root.classList.contains('empty')) showEmpty(c, bed); continue; }
    if (!c.admission || c.admission !== b.admissionId) { showOccupied(c); c.admission = b.admissionId; c.eventCount = undefined; loadChart(c, b.admissionId); refreshLog(bed); }
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

(async () => {
  const s = await api('GET', '/api/scenarios');
  await loadSession();
  const scenario = sessionView && s.ok ? s.data.find(x => x.id === sessionView.scenarioId) || {} : {};
  startClock = scenario.clock || startClock;
  for (const h of scenario.handover || []) handover[h.bed] = h.text;
  showBanner();
  new EventSource(`/api/wards/${encodeURIComponent(wardId)}/events`).onmessage = e => onFeed(JSON.parse(e.data));
})();
