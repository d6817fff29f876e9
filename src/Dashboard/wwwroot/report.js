// A planner's report for a board: words, tables and plots from a cohort run (comparison.json and each summary.json)
// and/or a capacity run (capacity.json). The page and the exported report.html share it. Intervals are drawn as the
// tables state them: 95 % intervals as floating bars behind the means.
function renderReport(data, root) {
  const C = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#0a7ea4'];
  const cmp = data.comparison, summaries = data.summaries || {}, cap = data.capacity;
  const pct = x => (x * 100).toFixed(0) + ' %', money = (x, cur) => `${Math.round(x).toLocaleString('en-GB')} ${cur || ''}`.trim();
  const sec = (title, ...c) => el('section', { class: 'report-section' }, el('h2', {}, title), ...c);
  const table = (head, rows) => el('table', {}, el('tr', {}, ...head.map(h => el('th', {}, h))), ...rows.map(r => el('tr', {}, ...r.map(c => el('td', {}, String(c))))));
  const chartBox = (id, height = 320) => { const b = el('div', { class: 'chartbox', style: `height:${height}px`, 'data-chart': id }); const c = el('canvas', { id }); b.append(c); return [b, c]; };
  const charts = [];
  const chart = (canvas, config) => { config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options }; charts.push(new Chart(canvas, config)); };
  const ci = (mean, low, high) => `${mean} (${low} to ${high})`;
  // An interval drawn as a thin dark bar from low to high over its category's bar, as the tables state it.
  const errorBars = (label, ranges) => ({ label, data: ranges, backgroundColor: '#111111cc', barPercentage: 0.08, categoryPercentage: 1, grouped: false, order: 0 });
  // An ICER in words: a ratio alone hides whether it is a price per gain or a saving per loss, and a dominated option has none worth printing.
  const icerLabel = (dCost, dEffect, icer, cur) =>
    dCost <= 0 && dEffect >= 0 && !(dCost === 0 && dEffect === 0) ? 'dominant (cheaper, at least as effective)'
    : dCost >= 0 && dEffect <= 0 && !(dCost === 0 && dEffect === 0) ? 'dominated (dearer, no more effective)'
    : !Number.isFinite(icer) ? 'same cost and effect'
    : dCost > 0 ? `${money(icer, cur)} per extra responder` : `${money(icer, cur)} saved per responder forgone`;
  // The common follow-up week's column (responders_week_<W>_2pt): its week is whatever the run asked for.
  const weekKey = r => Object.keys(r).find(k => /^responders_week_\d+_2pt$/.test(k));
  const weekOf = r => weekKey(r)?.match(/\d+/)[0];
  root.replaceChildren();
  root.append(el('h1', {}, data.title || 'WardTwin planner report'));

  if (cmp) {
    renderDecision(cmp, summaries, { el, sec, table, pct, money, chartBox, chart, C, root });
    const rows = cmp.protocols, cur = rows[0]?.currency;
    const words = rows.map(r => `${r.protocol}: ${pct(r.responders_t1_2pt)} responders at the end of treatment (95 % ${pct(r.responders_t1_2pt_ci[0])}–${pct(r.responders_t1_2pt_ci[1])}), ` +
      `${pct(r[weekKey(r)])} still at week ${weekOf(r)}, side effects in ${pct(r.any_side_effect)}, ${r.bed_days_mean.toFixed(1)} bed-days and ${r.chair_hours_mean.toFixed(0)} chair-hours a patient, ` +
      `${money(r.cost_per_patient, cur)} a patient.`);
    const inc = cmp.psa?.incremental?.map(i => i.in_words) || [];
    root.append(sec('Summary', ...words.map(w => el('p', {}, w)), ...inc.map(w => el('p', {}, w + ' (probabilistic analysis).')),
      el('p', {}, `Comparator: ${cmp.comparator}. ${rows.map(r => r.patients).join(' and ')} virtual patients; seed ${cmp.provenance.seed}.`)));
    const status = p => cmp.frontier?.find(f => f.protocol === p)?.status;
    root.append(sec('Protocols compared', table(['protocol', 'patients', 'responders T1 (95 % CI)', 'responders T2', `week ${weekOf(rows[0])}`, 'any side effect', 'bed-days', 'chair-hours', `cost/patient (${cur})`, `cost/responder (${cur})`, `ICER vs ${cmp.comparator} (per extra T1 responder)`],
      rows.map(r => [r.protocol, r.patients, ci(pct(r.responders_t1_2pt), pct(r.responders_t1_2pt_ci[0]), pct(r.responders_t1_2pt_ci[1])), pct(r.responders_t2_2pt),
        pct(r[weekKey(r)]), pct(r.any_side_effect), r.bed_days_mean.toFixed(2), r.chair_hours_mean.toFixed(1), money(r.cost_per_patient), r.cost_per_responder_t1 == null ? 'no responders' : money(r.cost_per_responder_t1),
        r.vs === undefined ? 'comparator' : icerLabel(r.incremental_cost, r.incremental_responders_t1, r.cost_per_extra_responder_t1, cur) + (status(r.protocol) === 'extendedly dominated' ? '; extendedly dominated on the frontier' : '')])),
      ...(cmp.frontier?.length > 1 ? [el('h3', {}, 'Efficiency frontier (cheapest first; each ICER against the next cheaper option on the frontier)'),
        table(['protocol', `cost/patient (${cur})`, 'responders T1', 'status', 'ICER (per extra T1 responder)'], cmp.frontier.map(f => [f.protocol, money(f.cost_per_patient), pct(f.responders_t1_2pt), f.status,
          f.status !== 'frontier' ? f.status : f.compared_with ? `${money(f.icer_per_extra_responder_t1, cur)} vs ${f.compared_with}` : 'cheapest: the start of the frontier']))] : [])));

    // Responders with their 95 % intervals (floating bars) behind the rates.
    const [b1, c1] = chartBox('chart-responders'); root.append(sec('Responders (≥ 2 NRS points below baseline; bars: rate, black: 95 % interval)', b1));
    const times = [['t1_2pt', 'T1'], ['t2_2pt', 'T2'], ['week_12_2pt', `week ${weekOf(rows[0])}`]];
    // Week 12 has no interval in the files (a rate only): drawn without one.
    const cells = rows.flatMap((r, i) => times.map(t => ({ label: `${r.protocol} ${t[1]}`, color: C[i % 6],
      s: summaries[r.protocol]?.responders?.[t[0]] ?? (t[0] === 'week_12_2pt' ? { rate: r[weekKey(r)] } : null) })));
    chart(c1, { type: 'bar', data: { labels: cells.map(c => c.label), datasets: [
      { label: 'responders (%)', data: cells.map(c => 100 * (c.s?.rate ?? 0)), backgroundColor: cells.map(c => c.color), order: 1 },
      errorBars('95 % interval', cells.map(c => c.s?.ci_low !== undefined ? [100 * c.s.ci_low, 100 * c.s.ci_high] : null))] },
      options: { scales: { y: { title: { display: true, text: 'responders (%)' }, min: 0, max: 100 } } } });

    // NRS during treatment and in the weeks after.
    const [b2, c2] = chartBox('chart-nrs'); root.append(sec('Pain (mean NRS) during treatment and after', b2));
    chart(c2, { type: 'line', data: { datasets: rows.flatMap((r, i) => {
      const n = summaries[r.protocol]?.nrs; if (!n) return [];
      // The protocol's outcome measure only (a day can have current and worst-of-24-h scores).
      const measure = n.t0.measure;
      const during = n.by_treatment_day.filter(d => d.measure === measure).map(d => ({ x: d.day - 1, y: d.mean }));
      const last = during.length ? during[during.length - 1].x : 0;
      const after = n.by_week_after.filter(w => w.measure === measure).map(w => ({ x: last + 7 * w.week, y: w.mean }));
      return [{ label: `${r.protocol} (NRS 0-10)`, data: [{ x: -0.5, y: n.t0.mean }, ...during, ...after], borderColor: C[i % 6], backgroundColor: C[i % 6], pointRadius: 2 }];
    }) }, options: { parsing: false, scales: { x: { type: 'linear', min: -1, title: { display: true, text: 'days from the first infusion (T0 at -0.5; after treatment, one point a week)' } },
      y: { title: { display: true, text: 'mean NRS (0-10)' }, min: 0, max: 10 } } } });

    // Side-effect load.
    const kinds = ['dizziness', 'drowsiness', 'nausea', 'headache', 'psychotomimetic', 'restlessness'];
    const [b3, c3] = chartBox('chart-side-effects'); root.append(sec('Side effects (share of patients, worst grade mild or more)', b3));
    chart(c3, { type: 'bar', data: { labels: kinds, datasets: rows.map((r, i) => ({ label: `${r.protocol} (%)`, data: kinds.map(k => 100 * (summaries[r.protocol]?.side_effects?.[k] ?? 0)), backgroundColor: C[i % 6] })) },
      options: { scales: { y: { title: { display: true, text: 'patients (%)' }, min: 0 } } } });

    // Costs a patient: this run's mean with the interval of the mean (how precisely the patients simulated pin it down),
    // and beside it the PSA's mean with the 95 % interval of its draws (what the evidence's uncertainty allows).
    const psaCost = p => cmp.psa?.protocols?.find(x => x.protocol === p)?.cost;
    const costBars = rows.flatMap((r, i) => {
      const c = summaries[r.protocol]?.cost?.per_patient, d = psaCost(r.protocol);
      return [{ label: `${r.protocol}: this run (${r.patients} patients)`, psa: false, mean: r.cost_per_patient, range: c ? [c.mean_ci_low, c.mean_ci_high] : null, color: C[i % 6] },
        ...(d ? [{ label: `${r.protocol}: PSA (${cmp.psa.draws} draws)`, psa: true, mean: d.mean, range: [d.ci_low, d.ci_high], color: C[i % 6] + '88' }] : [])];
    });
    const [b4, c4] = chartBox('chart-costs');
    root.append(sec(`Cost per patient (${cur}): this run's mean with the 95 % interval of the mean` + (cmp.psa ? '; the PSA\'s mean with the 95 % interval of its draws' : ''), b4,
      table(['', `mean cost/patient (${cur})`, '95 % interval', 'the interval is'], costBars.map(b => [b.label, money(b.mean), b.range ? `${money(b.range[0])} to ${money(b.range[1])}` : '–',
        b.psa ? 'of the draws: the evidence\'s uncertainty (parameters and prices)' : 'of the mean: the precision of this run\'s patients']))));
    chart(c4, { type: 'bar', data: { labels: costBars.map(b => b.label), datasets: [
      { label: `mean cost a patient (${cur})`, data: costBars.map(b => b.mean), backgroundColor: costBars.map(b => b.color), order: 1 },
      errorBars('95 % interval (this run: of the mean; PSA: of the draws)', costBars.map(b => b.range))] },
      options: { scales: { y: { title: { display: true, text: `cost a patient (${cur})` }, min: 0 } } } });

    if (cmp.psa) {
      const psa = cmp.psa;
      const [b5, c5] = chartBox('chart-ce-plane', 380);
      const [b6, c6] = chartBox('chart-ceac');
      root.append(sec(`Cost-effectiveness plane (${psa.draws} draws of the evidence, against ${psa.comparator}) and acceptability`, b5, b6,
        table(['protocol', 'Δ cost (95 %)', `Δ ${psa.effect} (95 %)`, 'in words'], psa.incremental.map(i => [i.protocol,
          ci(Math.round(i.delta_cost.mean), Math.round(i.delta_cost.ci_low), Math.round(i.delta_cost.ci_high)),
          ci(i.delta_effect.mean.toFixed(3), i.delta_effect.ci_low.toFixed(3), i.delta_effect.ci_high.toFixed(3)), i.in_words]))));
      chart(c5, { type: 'scatter', data: { datasets: (data.psaDraws || []).map((d, i) => ({ label: `${d.protocol} vs ${psa.comparator}`, data: d.points, backgroundColor: C[(i + 1) % 6] + 'aa', pointRadius: 3 })) },
        options: { scales: { x: { title: { display: true, text: `Δ ${psa.effect} per patient` } }, y: { title: { display: true, text: `Δ cost per patient (${psa.currency})` } } } } });
      const strategies = Object.keys(psa.ceac[0].probability_cost_effective);
      // The acceptability frontier: at each willingness to pay, the probability for the option with the highest expected net benefit (the one to choose).
      const frontier = { label: 'acceptability frontier (the option to choose)', data: psa.ceac.map(p => ({ x: p.wtp, y: p.probability_cost_effective[p.optimal] })), borderColor: '#111111', backgroundColor: '#111111', borderWidth: 4, borderDash: [2, 3], pointRadius: 0, order: 0 };
      chart(c6, { type: 'line', data: { datasets: [...strategies.map((s, i) => ({ label: `${s} (probability)`, data: psa.ceac.map(p => ({ x: p.wtp, y: p.probability_cost_effective[s] })), borderColor: C[i % 6], backgroundColor: C[i % 6], pointRadius: 0 })), frontier] },
        options: { parsing: false, scales: { x: { type: 'linear', title: { display: true, text: `willingness to pay per unit of ${psa.effect} (${psa.currency})` } }, y: { title: { display: true, text: 'probability cost-effective' }, min: 0, max: 1 } } } });
    }

    if (cmp.one_way) {
      // Each end is a bar from the base's net benefit to that end's, so a row whose one end equals the base (or whose
      // input has one alternative value) still shows its other end; a row that moves nothing gets a thin grey mark.
      const o = cmp.one_way, t = o.tornado.slice(0, 12), base = o.base.incremental_net_benefit;
      const reach = Math.max(1, ...t.map(r => Math.max(Math.abs(r.at_low.incremental_net_benefit - base), Math.abs(r.at_high.incremental_net_benefit - base))));
      const still = r => Math.abs(r.at_low.incremental_net_benefit - base) < reach / 500 && Math.abs(r.at_high.incremental_net_benefit - base) < reach / 500;
      const end = side => t.map(r => still(r) ? null : [base, r[side].incremental_net_benefit]);
      const [b7, c7] = chartBox('chart-tornado', 80 + 28 * t.length);
      root.append(sec(`One-way sensitivity: net benefit of ${o.protocol} against ${o.comparator} at ${money(o.wtp, o.currency)} per responder`, b7));
      chart(c7, { type: 'bar', data: { labels: t.map(r => `${r.input} (${+r.low.toPrecision(4)} to ${+r.high.toPrecision(4)})${still(r) ? ': no change' : ''}`), datasets: [
        { label: `input at its low end (${o.currency})`, data: end('at_low'), backgroundColor: C[0] + 'aa', grouped: false },
        { label: `input at its high end (${o.currency})`, data: end('at_high'), backgroundColor: C[1] + '88', grouped: false },
        { label: 'no change at either end', data: t.map(r => still(r) ? [base - reach / 200, base + reach / 200] : null), backgroundColor: '#888888', grouped: false }] },
        options: { indexAxis: 'y', scales: { x: { title: { display: true, text: `incremental net benefit (${o.currency}); bars start at the base, ${Math.round(base)}` } } } } });
    }

    if (cmp.scenarios?.length) {
      // Each scenario's overrides run together; every protocol re-run under it, read against the comparator.
      const over = sc => [...Object.entries(sc.prices || {}).map(([k, v]) => `price ${k} = ${v}`), ...Object.entries(sc.parameters || {}).map(([k, v]) => `${k} = ${v}`)].join(', ') || 'none';
      root.append(sec('Scenarios (several inputs changed together; every protocol re-run)', table(['scenario', 'changed', 'protocol', `cost/patient (${cur})`, 'responders T1', `Δ cost (${cur})`, 'Δ responders T1', 'ICER vs comparator'],
        cmp.scenarios.flatMap(sc => sc.protocols.map(p => [sc.name, over(sc), p.protocol, money(p.cost), pct(p.responders_t1),
          p.vs === undefined ? '–' : money(p.incremental_cost), p.vs === undefined ? '–' : (p.incremental_responders_t1 * 100).toFixed(1) + ' per 100',
          p.vs === undefined ? 'comparator' : icerLabel(p.incremental_cost, p.incremental_responders_t1, p.icer, cur)])))));
    }
  }

  if (cap) {
    const q = cap.question, res = cap.results;
    const m = (r, name) => r.summary.find(e => e.measure === name);
    const need = n => n ?? 'more than 200';
    // An overloaded unit's waits are where a growing queue had got to when the simulation stopped: said so, never as a settled mean.
    const waitWords = r => r.overloaded
      ? `${r.protocol} on ${r.capacity} ${r.resource}: ${r.overloaded_in_words}. After ${q.years} years the mean wait had reached ${m(r, 'mean_wait').mean.toFixed(0)} days and ${m(r, 'still_waiting_at_end').mean.toFixed(0)} patients were still waiting; both grow with the years simulated.`
      : `${r.protocol}: mean wait ${m(r, 'mean_wait').mean.toFixed(1)} days (95 % ${m(r, 'mean_wait').low.toFixed(1)}–${m(r, 'mean_wait').high.toFixed(1)}), 90th centile ${m(r, 'p90_wait').mean.toFixed(1)}, utilisation of its ${r.capacity} ${r.resource} ${pct(m(r, 'utilisation').mean)}.`;
    const metOn = r => r.target_met_on_mean_wait === undefined ? '–' : [r.target_met_on_mean_wait ? 'mean' : null, r.target_met_on_p90_wait ? '90th centile' : null].filter(x => x).join(' and ') || 'neither';
    root.append(sec('Capacity', el('p', {}, `${q.patients_per_year} patients a year, ${q.beds} beds and ${q.chairs} day-care chairs, open ${q.opening}, ${q.replications} replications of ${q.years} years; target wait ${q.target_wait_days} days, read on the mean wait and on the 90th centile.`),
      ...res.flatMap(r => [el('p', { class: r.overloaded ? 'overloaded' : '' }, waitWords(r)), ...(r.target_in_words ? [el('p', {}, r.target_in_words + '.')] : [])]),
      table(['protocol', 'resource', 'mean wait (days, 95 %)', '90th centile (days)', 'utilisation', 'demand / capacity', 'queue', 'treated a year', 'target met on', 'needed: mean within target', 'needed: 90th centile within target'],
        res.map(r => [r.protocol, `${r.capacity} ${r.resource}`,
          r.overloaded ? `grows without bound (${m(r, 'mean_wait').mean.toFixed(0)} after ${q.years} years)` : ci(m(r, 'mean_wait').mean.toFixed(1), m(r, 'mean_wait').low.toFixed(1), m(r, 'mean_wait').high.toFixed(1)),
          r.overloaded ? `grows (${m(r, 'p90_wait').mean.toFixed(0)} after ${q.years} years)` : m(r, 'p90_wait').mean.toFixed(1),
          pct(m(r, 'utilisation').mean), m(r, 'offered_load') ? m(r, 'offered_load').mean.toFixed(2) + (r.overloaded ? ' (overloaded)' : '') : '–',
          m(r, 'mean_queue').mean.toFixed(2), m(r, 'treated_per_year').mean.toFixed(1), metOn(r), need(r.needed_for_target_wait), need(r.needed_for_target_p90_wait)]))));
    const [b8, c8] = chartBox('chart-capacity');
    root.append(sec('Waiting time (days; bars: mean with 95 % interval, marks: 90th centile; an overloaded unit: where its growing queue had got to, no interval)', b8));
    chart(c8, { type: 'bar', data: { labels: res.map(r => `${r.protocol} (${r.capacity} ${r.resource})${r.overloaded ? ': OVERLOADED, grows' : ''}`), datasets: [
      { label: 'mean wait (days)', data: res.map(r => m(r, 'mean_wait').mean), backgroundColor: res.map(r => r.overloaded ? C[1] + '66' : C[0]), order: 1 },
      errorBars('95 % interval of the mean wait', res.map(r => r.overloaded ? null : [m(r, 'mean_wait').low, m(r, 'mean_wait').high])),
      { type: 'line', label: '90th centile (days)', data: res.map(r => m(r, 'p90_wait').mean), borderColor: C[1], backgroundColor: C[1], showLine: false, pointRadius: 6, pointStyle: 'rectRot' },
      { type: 'line', label: `target (${q.target_wait_days} days)`, data: res.map(() => q.target_wait_days), borderColor: C[2], backgroundColor: C[2], borderDash: [6, 4], pointRadius: 0 }] },
      options: { scales: { y: { title: { display: true, text: 'wait (days)' }, min: 0 } } } });
  }

  const prov = cmp?.provenance;
  root.append(sec('Assumptions and provenance',
    el('ul', {}, ...[
      'Virtual patients are drawn from each protocol\'s published cohort; the clinical model, its parameters and their sources are in the model card and data/params (values marked assumed are named there).',
      cmp ? `Costs: ${cmp.protocols[0]?.currency} prices; perspective and price basis as in the provenance below.` : null,
      cmp?.psa ? `Probabilistic analysis: ${cmp.psa.draws} draws of ${cmp.psa.patients_per_draw} patients; parameters drawn: ${cmp.psa.parameters_drawn.length}, held at their values: ${(cmp.psa.parameters_held.names ?? cmp.psa.parameters_held).length}; prices gamma with CV ${cmp.psa.price_cv}.` : null,
      cmp?.decision && summaries[cmp.protocols[0]?.protocol]?.horizon ? `Years followed: relief lost (NRS back within the loss margin of baseline) is retreated as each protocol's retreatment block says; the margin, uptake and wait are assumed (data/params, with ranges); utilities ${summaries[cmp.protocols[0].protocol].horizon.utility_mapping}; each course is priced as the first.` : null,
      cap ? 'Capacity: beds admit at the protocol\'s start time on open days, first come first served; chairs hold one session a day at the protocol\'s session time; simulations start empty.' : null,
    ].filter(x => x).map(x => el('li', {}, x))),
    prov ? el('pre', { class: 'provenance' }, JSON.stringify(prov, null, 2)) : el('p', {}, 'capacity run: see capacity.json for its question and seed')));
  return charts;
}
