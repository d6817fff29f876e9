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
  root.replaceChildren();
  root.append(el('h1', {}, data.title || 'WardTwin planner report'));

  if (cmp) {
    const rows = cmp.protocols, cur = rows[0]?.currency;
    const words = rows.map(r => `${r.protocol}: ${pct(r.responders_t1_2pt)} responders at the end of treatment (95 % ${pct(r.responders_t1_2pt_ci[0])}–${pct(r.responders_t1_2pt_ci[1])}), ` +
      `${pct(r.responders_week_12_2pt)} still at week 12, side effects in ${pct(r.any_side_effect)}, ${r.bed_days_mean.toFixed(1)} bed-days and ${r.chair_hours_mean.toFixed(0)} chair-hours a patient, ` +
      `${money(r.cost_per_patient, cur)} a patient.`);
    const inc = cmp.psa?.incremental?.map(i => i.in_words) || [];
    root.append(sec('Summary', ...words.map(w => el('p', {}, w)), ...inc.map(w => el('p', {}, w + ' (probabilistic analysis).')),
      el('p', {}, `Comparator: ${cmp.comparator}. ${rows.map(r => r.patients).join(' and ')} virtual patients; seed ${cmp.provenance.seed}.`)));
    root.append(sec('Protocols compared', table(['protocol', 'patients', 'responders T1 (95 % CI)', 'responders T2', 'week 12', 'any side effect', 'bed-days', 'chair-hours', `cost/patient (${cur})`, `cost/responder (${cur})`],
      rows.map(r => [r.protocol, r.patients, ci(pct(r.responders_t1_2pt), pct(r.responders_t1_2pt_ci[0]), pct(r.responders_t1_2pt_ci[1])), pct(r.responders_t2_2pt),
        pct(r.responders_week_12_2pt), pct(r.any_side_effect), r.bed_days_mean.toFixed(2), r.chair_hours_mean.toFixed(1), money(r.cost_per_patient), money(r.cost_per_responder_t1)]))));

    // Responders with their 95 % intervals (floating bars) behind the rates.
    const [b1, c1] = chartBox('chart-responders'); root.append(sec('Responders (≥ 2 NRS points below baseline; bars: rate, black: 95 % interval)', b1));
    const times = [['t1_2pt', 'T1'], ['t2_2pt', 'T2'], ['week_12_2pt', 'week 12']];
    // Week 12 has no interval in the files (a rate only): drawn without one.
    const cells = rows.flatMap((r, i) => times.map(t => ({ label: `${r.protocol} ${t[1]}`, color: C[i % 6],
      s: summaries[r.protocol]?.responders?.[t[0]] ?? (t[0] === 'week_12_2pt' ? { rate: r.responders_week_12_2pt } : null) })));
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

    // Costs a patient with the interval of the mean.
    const [b4, c4] = chartBox('chart-costs'); root.append(sec(`Cost per patient (${cur}, mean with the 95 % interval of the mean)`, b4));
    chart(c4, { type: 'bar', data: { labels: rows.map(r => r.protocol), datasets: [
      { label: `mean cost a patient (${cur})`, data: rows.map(r => r.cost_per_patient), backgroundColor: rows.map((_, i) => C[i % 6]), order: 1 },
      errorBars('95 % interval of the mean', rows.map(r => { const c = summaries[r.protocol]?.cost?.per_patient; return c ? [c.mean_ci_low, c.mean_ci_high] : null; }))] },
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
      chart(c6, { type: 'line', data: { datasets: strategies.map((s, i) => ({ label: `${s} (probability)`, data: psa.ceac.map(p => ({ x: p.wtp, y: p.probability_cost_effective[s] })), borderColor: C[i % 6], backgroundColor: C[i % 6], pointRadius: 0 })) },
        options: { parsing: false, scales: { x: { type: 'linear', title: { display: true, text: `willingness to pay per unit of ${psa.effect} (${psa.currency})` } }, y: { title: { display: true, text: 'probability cost-effective' }, min: 0, max: 1 } } } });
    }

    if (cmp.one_way) {
      const o = cmp.one_way, t = o.tornado.slice(0, 12);
      const [b7, c7] = chartBox('chart-tornado', 60 + 28 * t.length);
      root.append(sec(`One-way sensitivity: net benefit of ${o.protocol} against ${o.comparator} at ${money(o.wtp, o.currency)} per responder`, b7));
      chart(c7, { type: 'bar', data: { labels: t.map(r => r.input), datasets: [{ label: `incremental net benefit, low to high input (${o.currency})`,
        data: t.map(r => [r.at_low.incremental_net_benefit, r.at_high.incremental_net_benefit].sort((a, b) => a - b)), backgroundColor: C[0] + 'aa' }] },
        options: { indexAxis: 'y', scales: { x: { title: { display: true, text: `incremental net benefit (${o.currency}); base ${Math.round(o.base.incremental_net_benefit)}` } } } } });
    }
  }

  if (cap) {
    const q = cap.question, res = cap.results;
    const m = (r, name) => r.summary.find(e => e.measure === name);
    root.append(sec('Capacity', el('p', {}, `${q.patients_per_year} patients a year, ${q.beds} beds and ${q.chairs} day-care chairs, open ${q.opening}, ${q.replications} replications of ${q.years} years; target mean wait ${q.target_wait_days} days.`),
      ...res.map(r => el('p', {}, `${r.protocol}: mean wait ${m(r, 'mean_wait').mean.toFixed(1)} days (95 % ${m(r, 'mean_wait').low.toFixed(1)}–${m(r, 'mean_wait').high.toFixed(1)}), ` +
        `utilisation of its ${r.capacity} ${r.resource} ${pct(m(r, 'utilisation').mean)}; ${r.needed_for_target_wait ?? '>200'} ${r.resource} for the target.`)),
      table(['protocol', 'resource', 'mean wait (days, 95 %)', '90th centile', 'utilisation', 'queue', 'treated a year', 'needed for target'],
        res.map(r => [r.protocol, `${r.capacity} ${r.resource}`, ci(m(r, 'mean_wait').mean.toFixed(1), m(r, 'mean_wait').low.toFixed(1), m(r, 'mean_wait').high.toFixed(1)),
          m(r, 'p90_wait').mean.toFixed(1), pct(m(r, 'utilisation').mean), m(r, 'mean_queue').mean.toFixed(2), m(r, 'treated_per_year').mean.toFixed(1), r.needed_for_target_wait ?? '>200']))));
    const [b8, c8] = chartBox('chart-capacity');
    root.append(sec('Waiting time (days; bars: mean with 95 % interval, marks: 90th centile)', b8));
    chart(c8, { type: 'bar', data: { labels: res.map(r => `${r.protocol} (${r.capacity} ${r.resource})`), datasets: [
      { label: 'mean wait (days)', data: res.map(r => m(r, 'mean_wait').mean), backgroundColor: C[0], order: 1 },
      errorBars('95 % interval of the mean wait', res.map(r => [m(r, 'mean_wait').low, m(r, 'mean_wait').high])),
      { type: 'line', label: '90th centile (days)', data: res.map(r => m(r, 'p90_wait').mean), borderColor: C[1], backgroundColor: C[1], showLine: false, pointRadius: 6, pointStyle: 'rectRot' }] },
      options: { scales: { y: { title: { display: true, text: 'wait (days)' }, min: 0 } } } });
  }

  const prov = cmp?.provenance;
  root.append(sec('Assumptions and provenance',
    el('ul', {}, ...[
      'Virtual patients are drawn from each protocol\'s published cohort; the clinical model, its parameters and their sources are in the model card and data/params (values marked assumed are named there).',
      cmp ? `Costs: ${cmp.protocols[0]?.currency} prices; perspective and price basis as in the provenance below.` : null,
      cmp?.psa ? `Probabilistic analysis: ${cmp.psa.draws} draws of ${cmp.psa.patients_per_draw} patients; parameters drawn: ${cmp.psa.parameters_drawn.length}, held: ${cmp.psa.parameters_held.length}; prices gamma with CV ${cmp.psa.price_cv}.` : null,
      cap ? 'Capacity: beds admit at the protocol\'s start time on open days, first come first served; chairs hold one session a day at the protocol\'s session time; simulations start empty.' : null,
    ].filter(x => x).map(x => el('li', {}, x))),
    prov ? el('pre', { class: 'provenance' }, JSON.stringify(prov, null, 2)) : el('p', {}, 'capacity run: see capacity.json for its question and seed')));
  return charts;
}
