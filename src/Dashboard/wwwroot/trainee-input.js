// What a trainee types, read strictly and the same way the API reads it (ClinicalNumber.cs has the same pattern):
// digits with an optional decimal point and exponent. No hex ('0x10' is not 16), no thousands separators or decimal
// commas, no sign, spaces or words. A number that parses is sent whatever its size: the pump judges it against its limits.
const CLINICAL_NUMBER = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
function clinicalNumber(text, what, unit, show) {
  const t = String(text);
  if (CLINICAL_NUMBER.test(t)) return Number(t);
  const shown = t.length > 24 ? t.slice(0, 24) + '…' : t;
  show(t.trim().startsWith('-') ? `${what}: '${shown}' is negative: give 0 or more`
    : `${what}: '${shown}' is not a number of ${unit}: write digits with a decimal point if needed (12.5), without hex, spaces, signs or thousands separators`);
  return null;
}

// One action on a bed. Above the soft limit the pump asks; a confirmation carries the revision the trainee saw, so a pump
// someone changed meanwhile refuses it. The answer is said in the message line; the bed's log is asked for again.
async function act(bed, action, value, extra = {}) {
  const r = await api('POST', `/api/training/${session}/act`, { trainee, bed, action, value, ...extra });
  if (r.status === 409 && r.data && r.data.outcome === 'needsconfirmation') {
    if (confirm(`${r.data.message}\nConfirm ${value} mg/h?`)) return act(bed, action, value, { confirm: true, revision: r.data.pumpRevision });
    return say('not confirmed: rate unchanged', 'confirm');
  }
  const words = r.data && r.data.message && r.data.message !== 'ok' ? `: ${r.data.message}` : '';
  const what = value === undefined || value === null ? action : `${action} ${value}`;
  say(r.ok ? `bed ${bed}: ${what} done${words}` : `bed ${bed}: ${what} refused: ${reason(r.data)}`, r.ok ? 'ok' : 'refused');
  if (r.data && typeof r.data.message === 'string' && r.data.message.includes('critical error')) loadSession();
  refreshLog(bed);
}
