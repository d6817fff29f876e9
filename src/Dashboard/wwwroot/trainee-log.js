// A bed's medication and event log: the patient's course (doses, pump keys and alarms, reviews due, side effects seen, the
// scenario's events) and what the session recorded on the bed (actions with their answers, monitor alarms), newest first,
// each with who did it. What the ward did on its own (the protocol's titration or co-medication, the ward nurse's bag) is
// marked, so nothing happens behind the trainee's back. Asked for when the course logs something new or after an action.
const logs = { inFlight: {}, again: {} };
const WHO = { Ward: 'ward (on its own)', Trainee: 'you', Scenario: 'event', Patient: 'patient' };

async function refreshLog(bed) {
  if (logs.inFlight[bed]) { logs.again[bed] = true; return; }
  logs.inFlight[bed] = true;
  try {
    const r = await api('GET', `/api/training/${session}/${trainee}/beds/${bed}/log`);
    const c = cards[bed];
    if (r.ok && c && r.data.admissionId && r.data.admissionId === c.admission) showLog(c, r.data);
  } finally {
    logs.inFlight[bed] = false;
    if (logs.again[bed]) { logs.again[bed] = false; refreshLog(bed); }
  }
}

function showLog(c, log) {
  const rows = log.events.map(e => ({
    h: e.wardTimeH, who: e.kind === 'ReviewDue' ? 'review' : WHO[e.by] || e.by, what: e.detail, ward: e.by === 'Ward',
  }));
  for (const r of log.record) {
    // The patient's log already has accepted pump keys and doses; the session adds alarms, refusals and what the pump does not see.
    const inCourse = r.kind === 'TraineeAction' && r.accepted && !['acknowledge-alarm', 'hold', 'oxygen', 'call-doctor'].includes(r.action);
    if (!inCourse) rows.push({ h: r.simTimeH, who: r.kind === 'AlarmRaised' ? 'monitor' : r.kind === 'EventFired' ? 'event' : `you (${r.trainee})`, what: r.what, ward: false });
  }
  // Newest first; entries of one instant (a review and the rate it set) keep their order of happening, reversed with the rest.
  rows.forEach((r, i) => { r.seq = i; });
  rows.sort((a, b) => b.h - a.h || b.seq - a.seq);
  c.log.replaceChildren(el('tr', {}, el('th', {}, 'time'), el('th', {}, 'who'), el('th', {}, 'what')),
    ...rows.slice(0, 40).map(r => el('tr', { class: r.ward ? 'by-ward' : '' }, el('td', {}, dayClock(r.h, startClock)), el('td', {}, r.who), el('td', {}, r.what))));
}
