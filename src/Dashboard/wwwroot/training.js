// Shared by the training pages: ward clock words, Chart.js line charts with one axis per unit, IEC alarm sounds.
const dayClock = (h, startClock = '09:00') => {
  const [hh, mm] = startClock.split(':').map(Number);
  const minutes = Math.round(hh * 60 + mm + h * 60);
  const day = Math.floor(minutes / 1440) + 1, m = ((minutes % 1440) + 1440) % 1440;
  return `day ${day} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const GRADES = ['none', 'mild', 'moderate', 'severe'];

// A score means something once an occasion has been decided (met, missed, or a penalty): before that there is none to show.
const scoreWords = (score, lines) => (lines || []).some(l => l.met + l.missed > 0 || l.penalty > 0)
  ? `score ${fmt(score, 0)} %` : 'score – (no occasion decided yet)';

// A line chart against ward time shown as time of day; each dataset names its axis (one per unit), units in the axis titles.
function timeChart(canvas, datasets, axes, startClock) {
  const scales = { x: { type: 'linear', title: { display: true, text: 'time of day (day of admission)' }, ticks: { callback: v => dayClock(v, startClock), maxTicksLimit: 8 } } };
  axes.forEach((a, i) => { scales[a.id] = { type: 'linear', position: i % 2 ? 'right' : 'left', title: { display: true, text: a.title }, grid: { drawOnChartArea: i === 0 }, min: a.min, max: a.max }; });
  return new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: { callbacks: { title: items => items.length ? dayClock(items[0].parsed.x, startClock) : '' } } },
      scales,
    },
  });
}
const series = (label, points, axis, color, extra = {}) => ({ label, data: points, yAxisID: axis, borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2, ...extra });

// IEC 60601-1-8 style bursts: high ten pulses, medium three, low one; repeated while an alarm is unacknowledged.
const alarmSound = {
  ctx: null, pausedUntil: 0,
  beep(priority) {
    if (Date.now() < this.pausedUntil) return;
    try { this.ctx = this.ctx || new AudioContext(); } catch { return; }
    const pulses = priority === 'high' ? 10 : priority === 'medium' ? 3 : 1;
    const f = priority === 'high' ? 880 : priority === 'medium' ? 660 : 520;
    for (let i = 0; i < pulses; i++) {
      const o = this.ctx.createOscillator(), g = this.ctx.createGain();
      const t = this.ctx.currentTime + i * 0.18 + (priority === 'high' && i >= 5 ? 0.35 : 0);
      o.frequency.value = f; g.gain.value = 0.05; o.connect(g).connect(this.ctx.destination); o.start(t); o.stop(t + 0.12);
    }
  },
  pause(minutes) { this.pausedUntil = Date.now() + minutes * 60000; },
};
