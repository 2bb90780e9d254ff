// Tariffscope effective-rates charts: the overall rate stacked by authority over time (events and
// the chosen day marked; a click picks another day), the split on the day as stacked bars, and the
// largest partners or sectors over time as lines. Data comes from the page (data-chart); the same
// numbers are in the table and the CSV downloads.
'use strict';

(function () {
  if (!window.echarts) return;
  const css = getComputedStyle(document.documentElement);
  const colour = (key) => (css.getPropertyValue('--a-' + key) || '#475569').trim();
  const narrow = window.matchMedia('(max-width: 640px)').matches;
  const LINE_COLOURS = ['#2563eb', '#e11d48', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d',
    '#475569', '#b45309'];
  const axisText = { color: '#64748b' };
  const fmt = (v) => (+v.toFixed(2)) + '%';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function row(name, value, color, cls) {
    const r = el('div', 'tt-row' + (cls ? ' ' + cls : ''));
    const n = el('span', '', name);
    if (color) n.style.color = color;
    r.append(n, el('span', '', value));
    return r;
  }

  function dayText(ms) {
    return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }

  const timeAxis = (data) => ({
    type: 'time', min: data.start, max: data.end,
    axisLabel: Object.assign({ hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM}', day: '{d} {MMM}' } }, axisText),
    axisLine: { lineStyle: { color: '#cbd5e1' } }, splitLine: { show: false },
  });
  const valueAxis = { type: 'value', min: 0, axisLabel: Object.assign({ formatter: '{value}%' }, axisText),
    splitLine: { lineStyle: { color: '#eef2f6' } } };
  // On a phone the legend wraps (every colour named at once) and the plot starts below it.
  const legend = { top: 0, left: 0, type: narrow ? 'plain' : 'scroll', icon: 'roundRect', itemWidth: 12,
    itemHeight: 12, itemGap: narrow ? 8 : 10, textStyle: { color: '#334155', fontSize: narrow ? 11 : 12 } };
  // How many rows a plain legend of these names takes in a chart this wide (an estimate: ECharts lays it out).
  const legendRows = (names, node, always) => {
    if (!narrow && !always) return 1;
    let rows = 1;
    let x = 0;
    const width = (node && node.clientWidth) || window.innerWidth - 60;
    names.forEach((n) => {
      const w = 20 + n.length * (narrow ? 5.6 : 6.3) + (narrow ? 8 : 10);
      if (x + w > width && x > 0) { rows += 1; x = 0; }
      x += w;
    });
    return rows;
  };

  // The chosen day (solid) and the events (dashed, numbered), on the first series of a time chart.
  function marks(data, withEvents) {
    const items = [];
    if (withEvents) {
      (data.events || []).forEach((e, k) => items.push({ xAxis: e.date, n: String(e.number),
        label: { distance: [0, 4 + (k % 3) * 20] } }));
    }
    items.push({ xAxis: data.selected, n: data.selectedText, lineStyle: { color: '#0b1220', type: 'solid', width: 1.5 },
      label: { position: 'insideEndTop', backgroundColor: 'transparent', color: '#0b1220', padding: 0, distance: 6 } });
    return {
      silent: true, symbol: ['none', 'none'],
      lineStyle: { color: '#64748b', type: 'dashed', width: 1, opacity: 1 },
      label: { show: true, position: 'end', formatter: (p) => p.data.n, color: '#fff', backgroundColor: '#0b1220',
        borderRadius: 9, padding: [3, 6], fontSize: 11, fontWeight: 'bold' },
      data: items,
    };
  }

  // A click on a time chart opens the page on that day.
  function pickDay(chart) {
    chart.getZr().on('click', (e) => {
      if (!chart.containPixel('grid', [e.offsetX, e.offsetY])) return;
      const ms = chart.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY])[0];
      const day = new Date(ms).toISOString().slice(0, 10);
      const form = document.querySelector('form.etr-form');
      const date = form && form.querySelector('#date');
      if (!date) return;
      date.value = day;
      form.submit();
    });
    chart.getZr().setCursorStyle && chart.getZr().on('mousemove', (e) => {
      chart.getZr().setCursorStyle(chart.containPixel('grid', [e.offsetX, e.offsetY]) ? 'pointer' : 'default');
    });
  }

  function stack(node, data) {
    const chart = window.echarts.init(node, null, { renderer: 'canvas' });
    const series = data.series.map((s, i) => ({
      id: s.key, name: s.label, type: 'line', step: 'end', stack: 'total', symbol: 'none',
      lineStyle: { width: 0 }, itemStyle: { color: colour(s.key) },
      areaStyle: { color: colour(s.key), opacity: s.key === 'mfn' ? 0.45 : 0.82 },
      emphasis: { focus: 'series' },
      data: s.points.map((p) => [p[0], p[1]]),
      markLine: i === 0 ? marks(data, true) : undefined,
    }));
    chart.setOption({
      animation: false,
      grid: { left: narrow ? 40 : 52, right: narrow ? 14 : 28, top: 20 * legendRows(data.series.map((s) => s.label), node) + 76,
        bottom: 32 },
      legend: legend,
      tooltip: { trigger: 'axis', axisPointer: { type: 'line' }, formatter: (params) => {
        const box = el('div', 'tt');
        box.appendChild(el('div', 'tt-date', params.length ? dayText(params[0].axisValue) : ''));
        let total = 0;
        params.forEach((p) => {
          total += p.value[1];
          if (p.value[1] !== 0) box.appendChild(row(p.seriesName, fmt(p.value[1]), p.color));
        });
        box.appendChild(row('Effective rate', fmt(total), null, 'tt-total'));
        return box;
      } },
      xAxis: timeAxis(data), yAxis: valueAxis, series: series,
    });
    pickDay(chart);
    return chart;
  }

  function bars(node, data) {
    const chart = window.echarts.init(node, null, { renderer: 'canvas' });
    const n = data.categories.length;
    const top = data.single ? 8 : 20 * legendRows(data.series.map((s) => s.label), node) + 16;
    node.style.height = Math.max(220, top + 40 + n * (narrow ? 26 : 28)) + 'px';
    chart.resize();
    // Largest first, from the top.
    const cats = data.categories.slice().reverse();
    const rev = (a) => a.slice().reverse();
    let series;
    if (data.single) {
      series = [{ type: 'bar', name: 'Points of the effective rate', barMaxWidth: 18,
        data: rev(data.totals).map((v, i) => ({ value: v, itemStyle: { color: colour(rev(data.keys)[i]) } })),
        label: { show: true, position: 'right', formatter: (p) => fmt(p.value), color: '#334155', fontSize: 12 } }];
    } else {
      series = data.series.map((s, i) => ({ id: s.key, name: s.label, type: 'bar', stack: 'rate', barMaxWidth: 18,
        itemStyle: { color: colour(s.key) }, emphasis: { focus: 'series' }, data: rev(s.values),
        label: i === data.series.length - 1 ? { show: true, position: 'right', color: '#334155', fontSize: 12,
          formatter: (p) => fmt(rev(data.totals)[p.dataIndex]) } : undefined }));
    }
    chart.setOption({
      animation: false,
      grid: { left: 8, right: narrow ? 56 : 64, top: top,
        bottom: 8, containLabel: true },
      legend: data.single ? undefined : legend,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params) => {
        const box = el('div', 'tt');
        const i = params.length ? params[0].dataIndex : 0;
        box.appendChild(el('div', 'tt-date', cats[i]));
        params.forEach((p) => { if (p.value !== 0) box.appendChild(row(p.seriesName, fmt(p.value), p.color)); });
        if (!data.single) box.appendChild(row('Effective rate', fmt(rev(data.totals)[i]), null, 'tt-total'));
        return box;
      } },
      xAxis: Object.assign({}, valueAxis, { splitNumber: narrow ? 3 : 6 }),
      yAxis: { type: 'category', data: cats, axisTick: { show: false }, axisLine: { lineStyle: { color: '#cbd5e1' } },
        axisLabel: { color: '#334155', fontSize: 12, width: narrow ? 110 : 200, overflow: 'truncate' } },
      series: series,
    });
    return chart;
  }

  function lines(node, data) {
    const chart = window.echarts.init(node, null, { renderer: 'canvas' });
    const series = data.series.map((s, i) => ({
      id: s.key, name: s.label, type: 'line', step: 'end', symbol: 'none', emphasis: { focus: 'series' },
      lineStyle: { width: 2 }, itemStyle: { color: LINE_COLOURS[i % LINE_COLOURS.length] },
      data: s.points.map((p) => [p[0], p[1]]),
      markLine: i === 0 ? marks(data, false) : undefined,
    }));
    series.push({ id: 'all', name: data.overall.label, type: 'line', step: 'end', symbol: 'none',
      lineStyle: { width: 2, type: 'dashed' }, itemStyle: { color: '#0b1220' },
      data: data.overall.points.map((p) => [p[0], p[1]]) });
    chart.setOption({
      animation: false,
      grid: { left: narrow ? 40 : 52, right: narrow ? 14 : 28,
        top: 20 * legendRows(data.series.map((s) => s.label).concat([data.overall.label]), node, true) + 44,
        bottom: 32 },
      // Every line named at once: the legend wraps.
      legend: Object.assign({}, legend, { type: 'plain' }),
      tooltip: { trigger: 'axis', axisPointer: { type: 'line' }, formatter: (params) => {
        const box = el('div', 'tt');
        box.appendChild(el('div', 'tt-date', params.length ? dayText(params[0].axisValue) : ''));
        params.slice().sort((a, b) => b.value[1] - a.value[1])
          .forEach((p) => box.appendChild(row(p.seriesName, fmt(p.value[1]), p.color)));
        return box;
      } },
      xAxis: timeAxis(data), yAxis: valueAxis, series: series,
    });
    pickDay(chart);
    return chart;
  }

  const draw = { stack: stack, bars: bars, lines: lines };
  const charts = {};
  document.querySelectorAll('[data-etr-chart]').forEach((node) => {
    const kind = node.dataset.etrChart;
    if (!draw[kind]) return;
    const data = JSON.parse(node.dataset.chart);
    node.replaceChildren();
    charts[kind] = draw[kind](node, data);
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  window.tariffscopeCharts = charts;
})();
