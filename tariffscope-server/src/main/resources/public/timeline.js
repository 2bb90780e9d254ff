// Tariffscope timeline chart: the total rate as steps stacked by authority, with the events marked.
// The data comes from the page (data-chart); the same steps are in the table under the chart.
'use strict';

(function () {
  const node = document.getElementById('chart');
  if (!node || !window.echarts) return;
  const data = JSON.parse(node.dataset.chart);
  const css = getComputedStyle(document.documentElement);
  const colour = (key) => (css.getPropertyValue('--a-' + key) || '#475569').trim();
  node.replaceChildren();

  const series = data.series.map((s, i) => ({
    id: s.key,
    name: s.label,
    type: 'line',
    step: 'end',
    stack: 'total',
    symbol: 'none',
    lineStyle: { width: 0 },
    itemStyle: { color: colour(s.key) },
    areaStyle: { color: colour(s.key), opacity: s.key === 'mfn' ? 0.45 : 0.8 },
    emphasis: { focus: 'series' },
    data: s.points.map((p) => [p[0], Number(p[1])]),
    markLine: i === 0 ? {
      silent: true,
      symbol: ['none', 'none'],
      lineStyle: { color: '#64748b', type: 'dashed', width: 1, opacity: 1 },
      label: { show: true, position: 'end', formatter: (p) => String(p.data.n), color: '#fff',
        backgroundColor: '#0b1220', borderRadius: 9, padding: [3, 6], fontSize: 11, fontWeight: 'bold' },
      // Events days apart would print their numbers on top of each other: three rows of labels.
      data: data.events.map((e, k) => ({ xAxis: e.date, n: e.number, label: { distance: [0, 4 + (k % 3) * 20] } })),
    } : undefined,
  }));

  function tooltip(params) {
    const box = document.createElement('div');
    box.className = 'tt';
    const date = params.length ? params[0].axisValueLabel : '';
    const head = document.createElement('div');
    head.className = 'tt-date';
    head.textContent = date;
    box.appendChild(head);
    let total = 0;
    params.forEach((p) => {
      const v = p.value[1];
      total += v;
      if (v === 0) return;
      const row = document.createElement('div');
      row.className = 'tt-row';
      const name = document.createElement('span');
      name.textContent = p.seriesName;
      name.style.color = p.color;
      const val = document.createElement('span');
      val.textContent = +v.toFixed(4) + '%';
      row.append(name, val);
      box.appendChild(row);
    });
    const sum = document.createElement('div');
    sum.className = 'tt-row tt-total';
    const label = document.createElement('span');
    label.textContent = 'Total';
    const value = document.createElement('span');
    value.textContent = +total.toFixed(4) + '%';
    sum.append(label, value);
    box.appendChild(sum);
    return box;
  }

  const narrow = window.matchMedia('(max-width: 640px)').matches;
  const chart = window.echarts.init(node, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: narrow ? 44 : 56, right: narrow ? 12 : 24, top: 96, bottom: 36 },
    legend: { top: 0, left: 0, type: 'scroll', icon: 'roundRect', itemWidth: 12, itemHeight: 12,
      textStyle: { color: '#334155', fontSize: 12 } },
    tooltip: { trigger: 'axis', formatter: tooltip, axisPointer: { type: 'line' } },
    xAxis: { type: 'time', min: data.start, max: data.end,
      axisLabel: { color: '#64748b', hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM}', day: '{d} {MMM}' } },
      axisLine: { lineStyle: { color: '#cbd5e1' } }, splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, axisLabel: { color: '#64748b', formatter: '{value}%' },
      splitLine: { lineStyle: { color: '#eef2f6' } } },
    series: series,
  });
  window.addEventListener('resize', () => chart.resize());
  window.tariffscopeChart = chart;
})();
