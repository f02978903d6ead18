/*
 * Charts through Apache ECharts, loaded by the page as the classic script echarts.min.js (global `echarts`),
 * served by the hub from node_modules. Charts illustrate; the figures they draw are also in the panel's
 * tables, which are what readers of numbers (and tests) use.
 */

const charts = new Set();
let resizing = false;

/** Draws `option` in `container`, reusing the container's chart; replaces the previous option whole. */
export function drawChart(container, option) {
  const chart = globalThis.echarts.getInstanceByDom(container) ?? globalThis.echarts.init(container, null, { renderer: 'canvas' });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  charts.add(chart);
  if (!resizing) {
    resizing = true;
    window.addEventListener('resize', () => charts.forEach((each) => each.resize()));
  }
  return chart;
}
