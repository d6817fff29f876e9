// Minimal SVG charts (no network: nothing is fetched from a CDN).
const palette = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#0a7ea4', '#bf3989'];
const NS = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs) { const e = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; }
function scale(d0, d1, r0, r1) { const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0); return v => r0 + (v - d0) * k; }

function lineChart(container, series, { xLabel = '', yLabel = '', width = 460, height = 220 } = {}) {
  container.innerHTML = '';
  const pts = series.flatMap(s => s.points);
  const svg = svgEl('svg', { width, height, class: 'chart' });
  container.append(svg);
  if (pts.length === 0) { svg.append(Object.assign(svgEl('text', { x: 10, y: 20 }), { textContent: 'no data yet' })); return svg; }
  const [ml, mr, mt, mb] = [48, 10, 10, 34];
  const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
  const x = scale(Math.min(...xs), Math.max(...xs), ml, width - mr);
  const y = scale(Math.min(0, ...ys), Math.max(...ys, 1e-9) * 1.05, height - mb, mt);
  svg.append(svgEl('line', { x1: ml, y1: height - mb, x2: width - mr, y2: height - mb, class: 'axis' }));
  svg.append(svgEl('line', { x1: ml, y1: mt, x2: ml, y2: height - mb, class: 'axis' }));
  for (const v of [Math.min(0, ...ys), Math.max(...ys)]) svg.append(Object.assign(svgEl('text', { x: 2, y: y(v) + 4 }), { textContent: fmt(v, 1) }));
  for (const v of [Math.min(...xs), Math.max(...xs)]) svg.append(Object.assign(svgEl('text', { x: x(v) - 10, y: height - mb + 14 }), { textContent: fmt(v, 1) }));
  svg.append(Object.assign(svgEl('text', { x: width / 2 - 30, y: height - 4 }), { textContent: xLabel }));
  svg.append(Object.assign(svgEl('text', { x: ml + 4, y: mt + 10 }), { textContent: yLabel }));
  series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const d = s.points.map((p, j) => (j ? 'L' : 'M') + x(p[0]).toFixed(1) + ',' + y(p[1]).toFixed(1)).join('');
    svg.append(svgEl('path', { d, fill: 'none', stroke: s.color || palette[i % palette.length], 'stroke-width': 1.6, 'data-series': s.name }));
    svg.append(Object.assign(svgEl('text', { x: width - mr - 150, y: mt + 12 + 13 * i, fill: s.color || palette[i % palette.length], class: 'legend' }), { textContent: s.name }));
  });
  return svg;
}

// groups: [{ label, bars: [{ name, value, lo, hi }] }]; lo/hi draw an interval whisker.
function barChart(container, groups, { yLabel = '', width = 460, height = 230, percent = false } = {}) {
  container.innerHTML = '';
  const svg = svgEl('svg', { width, height, class: 'chart' });
  container.append(svg);
  const values = groups.flatMap(g => g.bars.flatMap(b => [b.value, b.hi ?? b.value]));
  const [ml, mr, mt, mb] = [48, 10, 16, 40];
  const y = scale(0, Math.max(...values, 1e-9) * 1.1, height - mb, mt);
  const groupWidth = (width - ml - mr) / Math.max(groups.length, 1);
  svg.append(svgEl('line', { x1: ml, y1: height - mb, x2: width - mr, y2: height - mb, class: 'axis' }));
  svg.append(Object.assign(svgEl('text', { x: ml + 4, y: 11 }), { textContent: yLabel }));
  groups.forEach((g, gi) => {
    const barWidth = (groupWidth - 12) / Math.max(g.bars.length, 1);
    g.bars.forEach((b, bi) => {
      const x0 = ml + gi * groupWidth + 6 + bi * barWidth;
      svg.append(svgEl('rect', { x: x0, y: y(b.value), width: barWidth - 3, height: Math.max(0, height - mb - y(b.value)), fill: palette[bi % palette.length], 'data-name': b.name }));
      if (b.lo !== undefined) svg.append(svgEl('line', { x1: x0 + barWidth / 2, x2: x0 + barWidth / 2, y1: y(b.lo), y2: y(b.hi), stroke: '#222', 'stroke-width': 1.5 }));
      svg.append(Object.assign(svgEl('text', { x: x0, y: y(b.value) - 3 }), { textContent: percent ? fmt(100 * b.value, 0) + '%' : fmt(b.value, 0) }));
    });
    svg.append(Object.assign(svgEl('text', { x: ml + gi * groupWidth + 6, y: height - mb + 14 }), { textContent: g.label }));
  });
  const names = groups[0] ? groups[0].bars.map(b => b.name) : [];
  names.forEach((n, i) => svg.append(Object.assign(svgEl('text', { x: ml + 4 + 150 * i, y: height - 6, fill: palette[i % palette.length], class: 'legend' }), { textContent: n })));
  return svg;
}
