/*
 * Records by district and kind (信用信息 按区域 × 类别): every area's credit records decided in the window,
 * counted per area and kind of record, as a heat map and a table (areas down, kinds across), the selected
 * area's row marked. Operation: DashboardRecordsByDistrictAndKind.graphql (creditStatistics(groupBy:
 * [DISTRICT, RECORD_KIND], filter: { decidedFrom, decidedTo })), one request for the whole matrix. It covers
 * every area, so selecting one re-renders instead of asking again. Records without an area form the row
 * "none" (未归属).
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, figure, h, kindHeader, kindName, table } from '../format.js';
import { firstDay, lastDay } from '../period.js';

const NO_AREA = 'none';

export const recordsByDistrictAndKind = {
  id: 'district-kind',
  title: 'Records by district and kind 各区信用信息（按类别）',
  source: 'DashboardRecordsByDistrictAndKind · creditStatistics(groupBy: [DISTRICT, RECORD_KIND], filter: { decidedFrom, decidedTo })',
  followsDistrict: false,

  async load(run, selection) {
    const { data } = await run('DashboardRecordsByDistrictAndKind', { decidedFrom: firstDay(selection.from), decidedTo: lastDay(selection.to) });
    const { rows, totalCount } = data.creditStatistics;
    const kinds = [...new Set(rows.map((row) => row.keys.recordKind))].sort();
    const areas = new Map();
    for (const row of rows) {
      const code = row.keys.district ?? NO_AREA;
      if (!areas.has(code)) areas.set(code, { code, name: row.keys.districtName ?? (code === NO_AREA ? '未归属' : code), counts: {}, total: 0 });
      const area = areas.get(code);
      area.counts[row.keys.recordKind] = row.count;
      area.total += row.count;
    }
    return { totalCount, kinds, areas: [...areas.values()] };
  },

  render(body, { totalCount, kinds, areas }, selection) {
    const chart = h('div', { class: 'chart tall' });
    fill(body,
      h('div', { class: 'figures' },
        figure('Records 记录数', formatCount(totalCount), 'matrix-total'),
        figure('Areas 区域', formatCount(areas.length), 'matrix-areas')),
      chart,
      h('div', { class: 'table-scroll' }, table(['Area 区域', ...kinds.map(kindHeader), 'Total 合计'],
        areas.map((area) => h('tr', { testid: `matrix-row-${area.code}`, class: area.code === selection.districtCode ? 'selected' : null },
          h('td', { title: area.code }, area.name),
          kinds.map((kind) => h('td', { class: 'num', testid: `matrix-${area.code}-${kind}` }, formatCount(area.counts[kind] ?? 0))),
          h('td', { class: 'num', testid: `matrix-${area.code}-total` }, formatCount(area.total)))),
        { class: 'dash-table compact' })),
    );
    const data = areas.flatMap((area, y) => kinds.map((kind, x) => [x, y, area.counts[kind] ?? 0]));
    drawChart(chart, {
      grid: { left: 90, right: 20, top: 10, bottom: 110 },
      tooltip: { position: 'top', formatter: (item) => `${areas[item.value[1]].name} · ${kindName(kinds[item.value[0]])}: ${formatCount(item.value[2])}` },
      xAxis: { type: 'category', data: kinds.map(kindName), axisLabel: { rotate: 40, fontSize: 10 } },
      yAxis: { type: 'category', data: areas.map((area) => (area.code === selection.districtCode ? `▶ ${area.name}` : area.name)), inverse: true },
      visualMap: { min: 0, max: Math.max(1, ...data.map((cell) => cell[2])), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
      series: [{ type: 'heatmap', name: 'Records 记录数', data, label: { show: true, fontSize: 10 } }],
    });
  },
};
