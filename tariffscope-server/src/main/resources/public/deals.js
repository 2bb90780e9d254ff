// Tariffscope Deals chart: for each headline output, one bar per scenario, with the 5th-95th percentile band
// of the elasticity draws as a whisker. The data comes from the page (data-chart); the table below has the numbers.
'use strict';

(function () {
  const node = document.getElementById('deals-chart');
  if (!node || !window.echarts) return;
  const data = JSON.parse(node.dataset.chart);
  node.replaceChildren();
  const palette = ['#4C78A8', '#F58518', '#E45756', '#72B7B2', '#54A24B', '#B279A2'];
  const letters = 'ABCDEF';
  const narrow = window.matchMedia('(max-width: 640px)').matches;

  const series = [];
  data.series.forEach((s, i) => {
    series.push({
      name: letters[i] + ' ' + s.name,
      type: 'bar',
      itemStyle: { color: palette[i % palette.length] },
      data: s.values.map((v) => (v === null ? null : Number(v))),
      label: { show: !narrow, position: 'top', fontSize: 10, color: '#334155', formatter: () => letters[i] },
    });
  });
  // Whiskers: the 5th-95th percentile of each bar, drawn on top of the bars' positions.
  const barCount = data.series.length;
  series.push({
    type: 'custom',
    name: 'p5–p95',
    silent: true,
    renderItem: (params, api) => {
      const metric = api.value(0);
      const i = api.value(1);
      const lo = api.coord([metric, api.value(2)]);
      const hi = api.coord([metric, api.value(3)]);
      const band = api.size([1, 0])[0] * 0.8;
      const x = lo[0] - band / 2 + (band / barCount) * (i + 0.5);
      const style = { stroke: '#0b1220', lineWidth: 1.2 };
      return { type: 'group', children: [
        { type: 'line', shape: { x1: x, y1: lo[1], x2: x, y2: hi[1] }, style },
        { type: 'line', shape: { x1: x - 4, y1: lo[1], x2: x + 4, y2: lo[1] }, style },
        { type: 'line', shape: { x1: x - 4, y1: hi[1], x2: x + 4, y2: hi[1] }, style },
      ] };
    },
    data: data.series.flatMap((s, i) => s.values.map((v, m) => (s.p5[m] === null ? null
      : [m, i, Number(s.p5[m]), Number(s.p95[m])]))).filter((d) => d !== null),
    z: 10,
  });

  const chart = window.echarts.init(node, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: narrow ? 44 : 60, right: 16, top: narrow ? 150 : 80, bottom: narrow ? 56 : 40 },
    legend: { top: 0, left: 0, type: 'scroll', orient: narrow ? 'vertical' : 'horizontal', icon: 'roundRect',
      itemWidth: 12, itemHeight: 12, textStyle: { color: '#334155', fontSize: 12 }, data: series.slice(0, barCount).map((s) => s.name) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (v === null || v === undefined ? '' : '$' + Number(v).toFixed(1) + 'B') },
    xAxis: { type: 'category', data: data.metrics, axisLabel: { color: '#334155', interval: 0, width: narrow ? 84 : 220, overflow: 'break', fontSize: narrow ? 10 : 12 },
      axisLine: { lineStyle: { color: '#cbd5e1' } } },
    yAxis: { type: 'value', name: narrow ? '' : '$ billion a year', nameTextStyle: { color: '#64748b' },
      axisLabel: { color: '#64748b' }, splitLine: { lineStyle: { color: '#eef2f7' } } },
    series,
  });
  window.addEventListener('resize', () => chart.resize());
  window.tariffscopeDealsChart = chart;
})();
