// Page one of the board report: the decision in plain words before any table (comparison.json "decision"), what each
// option gives over the years followed (each summary.json "horizon"), what more evidence would be worth (EVPI, EVPPI)
// and what the hospital pays each year (budget_impact). renderReport calls it with its own helpers.
function renderDecision(cmp, summaries, h) {
  const { el, sec, table, pct, money, chartBox, chart, C } = h;
  const d = cmp.decision, cur = d?.currency || cmp.protocols[0]?.currency, parts = [];
  const num = (x, digits) => Number(x).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const horizons = cmp.protocols.map(r => ({ id: r.protocol, h: summaries[r.protocol]?.horizon })).filter(x => x.h);
  const years = horizons[0]?.h.years;

  if (!d) {
    parts.push(el('p', { class: 'decision-missing' }, 'No decision: the decision needs the probabilistic analysis (run cohort with --psa N, N ≥ 2). The figures below are this run\'s means without their uncertainty.'));
  } else if (d.why_not) {
    parts.push(el('p', { class: 'decision-missing' }, `No decision: ${d.why_not}.`));
  } else {
    const unit = d.effect.startsWith('qalys') ? 'QALY' : d.effect.startsWith('relief') ? 'week of relief' : 'responder';
    parts.push(el('p', { class: 'decision-headline' }, `Recommended: ${d.recommended}`));
    parts.push(el('p', { class: 'decision-words' }, d.in_words));
    const measure = /^qalys_\d+y_discounted$/.test(d.effect) ? `QALYs per patient over ${years} years, discounted (costs ${+(100 * horizons[0].h.discount_costs).toFixed(2)} %, effects ${+(100 * horizons[0].h.discount_effects).toFixed(2)} % a year)`
      : /^qalys_\d+w$/.test(d.effect) ? `QALYs per patient over the ${d.effect.match(/\d+/)[0]} weeks after the first course` : `${d.effect.replaceAll('_', ' ')} per patient`;
    parts.push(el('p', {}, `Read against ${d.comparator} (the comparator), on ${measure}. ` +
      `The threshold, ${money(d.threshold_used, cur)} per ${unit}: ${d.threshold_source}.`));
    if (d.at_thresholds?.length > 1) {
      parts.push(el('h3', {}, 'At each threshold'), table(['threshold', 'recommended', 'probability it is the cost-effective choice', `EVPI per patient (${cur})`],
        d.at_thresholds.map(t => [`${money(t.threshold, cur)} per ${unit}`, t.recommended, num(t.probability_cost_effective, 2), money(t.evpi_per_patient)])));
    }
    parts.push(el('h3', {}, `Net monetary benefit per patient at ${money(d.threshold_used, cur)} per ${unit} (the highest is recommended)`),
      table(['option', `net monetary benefit (${cur})`], Object.entries(d.net_monetary_benefit).map(([k, v]) => [k + (k === d.recommended ? ' (recommended)' : ''), money(v)])));
  }

  if (horizons.length) {
    parts.push(el('h3', {}, `Over ${years} years for each patient (retreated when relief is lost, as each protocol says; ${horizons[0].h.utility_mapping} utilities)`),
      table(['protocol', 'courses', 'retreated', 'booster sessions', 'bed-days', 'chair-hours', 'QALYs', 'QALYs discounted', `cost (${cur})`, `cost discounted (${cur})`],
        horizons.map(({ id, h: x }) => [id, num(x.courses_per_patient, 2), pct(x.retreated_share), num(x.booster_sessions_per_patient, 1), num(x.bed_days_per_patient, 1),
          num(x.chair_hours_per_patient, 1), num(x.qalys_per_patient, 3), num(x.qalys_per_patient_discounted, 3), money(x.cost_per_patient), money(x.cost_per_patient_discounted)])));
  }
  root().append(sec('Decision', ...parts));

  if (d && !d.why_not) {
    const groups = d.evppi || [];
    const [b, c] = chartBox('chart-evppi', 80 + 34 * Math.max(groups.length, 1));
    const population = d.evpi_population !== null && d.evpi_population !== undefined;
    root().append(sec('What more evidence would be worth', el('p', {},
      `Perfect information on everything (EVPI) is worth ${money(d.evpi_per_patient, cur)} per patient` +
      (population ? `, ${money(d.evpi_population, cur)} for the patients treated over ${years || 1} years (discounted).` : '.') +
      ' Per group of parameters (EVPPI, by regression on the draws, Strong, Oakley & Brennan 2014): research on a group is worth at most this; a group near zero does not change the decision.'),
    table(['parameter group', 'parameters', `EVPPI per patient (${cur})`, 'standard error', `population (${cur})`, 'note'],
      groups.map(g => [g.group, g.parameters, g.per_patient === null ? '–' : money(g.per_patient), g.standard_error === undefined ? '–' : money(g.standard_error),
        g.population === null || g.population === undefined ? '–' : money(g.population), g.why_not ?? (g.clipped ? `clipped (${g.clipped})` : '')])), b));
    chart(c, { type: 'bar', data: { labels: ['all parameters (EVPI)', ...groups.map(g => g.group)], datasets: [
      { label: `value per patient (${cur})`, data: [d.evpi_per_patient, ...groups.map(g => g.per_patient ?? 0)], backgroundColor: [C[1], ...groups.map(() => C[0])] }] },
      options: { indexAxis: 'y', scales: { x: { min: 0, title: { display: true, text: `expected value of information per patient (${cur})` } } } } });
  }

  const bi = cmp.budget_impact;
  if (bi) {
    const yearsOf = bi.strategies[0].cost_by_year.map((_, i) => `year ${i + 1}`);
    const [b, c] = chartBox('chart-budget');
    root().append(sec(`Budget impact: ${num(bi.patients_per_year, 0)} patients a year, ${bi.currency}, undiscounted (${bi.source})`,
      table(['protocol', ...yearsOf, 'total', `difference from ${cmp.comparator} (total)`], bi.strategies.map(s => [s.protocol, ...s.cost_by_year.map(v => money(v)), money(s.total),
        money(s.difference_vs_comparator_by_year.reduce((a, v) => a + v, 0))])), b));
    chart(c, { type: 'bar', data: { labels: yearsOf, datasets: bi.strategies.map((s, i) => ({ label: `${s.protocol} (${bi.currency})`, data: s.cost_by_year, backgroundColor: C[i % 6] })) },
      options: { scales: { y: { min: 0, title: { display: true, text: `the hospital's cost in the year (${bi.currency})` } } } } });
  }

  function root() { return h.root; }
}
