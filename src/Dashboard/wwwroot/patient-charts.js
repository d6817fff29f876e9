// The patient page's charts: Chart.js line charts against ward time, one y axis per unit (heart rate and blood
// pressure, saturation and breathing rate do not share a scale), made once and fed in place at each pushed update.
const PALETTE = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#0a7ea4'];

// axes: [{ id, title, min?, max?, suggestedMin?, step? }]; lines: [{ label, axis, stepped? }]
function wardTimeChart(canvas, axes, lines) {
  const scales = { x: { type: 'linear', title: { display: true, text: 'ward time (h)' }, ticks: { maxTicksLimit: 8 } } };
  axes.forEach((a, i) => {
    scales[a.id] = {
      type: 'linear', position: i % 2 ? 'right' : 'left', title: { display: true, text: a.title },
      grid: { drawOnChartArea: i === 0 }, min: a.min, max: a.max, suggestedMin: a.suggestedMin, ticks: a.step ? { stepSize: a.step } : {},
    };
  });
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: lines.map((l, i) => ({
        label: l.label, yAxisID: l.axis, data: [], stepped: l.stepped || false,
        borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], pointRadius: 0, borderWidth: 2,
      })),
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
      scales,
    },
  });
}

// Each line's points as [{x, y}] from the same rows; nulls (an NRS not asked at that tick) are left out.
function feedChart(chart, rows, pickers) {
  chart.data.datasets.forEach((d, i) => {
    d.data = rows.map(r => ({ x: r[0], y: pickers[i](r[1]) })).filter(p => p.y !== null && p.y !== undefined);
  });
  chart.update('none');
}

function patientCharts() {
  const c = id => document.getElementById(id);
  return {
    rate: wardTimeChart(c('chart-rate'), [{ id: 'mgh', title: 'mg/h', min: 0 }], [{ label: 'delivered', axis: 'mgh', stepped: true }]),
    plasma: wardTimeChart(c('chart-plasma'), [{ id: 'ng', title: 'ng/mL', min: 0 }],
      [{ label: 'S-ketamine', axis: 'ng' }, { label: 'R-ketamine', axis: 'ng' }, { label: 'norketamine', axis: 'ng' }]),
    effect: wardTimeChart(c('chart-effect'), [{ id: 'ng', title: 'ng/mL S-equivalent', min: 0 }],
      [{ label: 'slow (pain)', axis: 'ng' }, { label: 'fast (side effects)', axis: 'ng' }]),
    nrs: wardTimeChart(c('chart-nrs'), [{ id: 'nrs', title: 'NRS (0-10)', min: 0, max: 10, step: 1 }], [{ label: 'NRS', axis: 'nrs', stepped: true }]),
    sideEffects: wardTimeChart(c('chart-side-effects'), [{ id: 'grade', title: 'worst grade', min: 0, max: 3, step: 1 }],
      [{ label: 'worst grade', axis: 'grade', stepped: true }]),
    circulation: wardTimeChart(c('chart-circulation'), [{ id: 'hr', title: 'heart rate (/min)', suggestedMin: 40 }, { id: 'bp', title: 'blood pressure (mmHg)', suggestedMin: 40 }],
      [{ label: 'HR /min', axis: 'hr' }, { label: 'SBP mmHg', axis: 'bp' }, { label: 'DBP mmHg', axis: 'bp' }]),
    breathing: wardTimeChart(c('chart-breathing'), [{ id: 'spo2', title: 'SpO2 (%)', suggestedMin: 85, max: 100 }, { id: 'rr', title: 'respiratory rate (/min)', min: 0, suggestedMin: 0 }],
      [{ label: 'SpO2 %', axis: 'spo2' }, { label: 'RR /min', axis: 'rr' }]),
  };
}

function drawPatientCharts(charts, hist, vitals) {
  const h = hist.map(x => [x.wardTimeH, x]), v = vitals.map(x => [x.simTimeH, x]);
  feedChart(charts.rate, h, [x => x.deliveredRateMgPerH]);
  feedChart(charts.plasma, h, [x => x.sKetamineNgPerMl, x => x.rKetamineNgPerMl, x => x.norketamineNgPerMl]);
  feedChart(charts.effect, h, [x => x.slowEffectNgPerMl, x => x.fastEffectNgPerMl]);
  feedChart(charts.nrs, h, [x => x.nrs]);
  feedChart(charts.sideEffects, h, [x => x.worstSideEffectGrade]);
  feedChart(charts.circulation, v, [x => x.hrPerMin, x => x.sbpMmHg, x => x.dbpMmHg]);
  feedChart(charts.breathing, v, [x => x.spo2Percent, x => x.rrPerMin]);
}
