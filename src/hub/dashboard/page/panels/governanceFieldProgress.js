/*
 * Progress of the special governance of dishonesty in the 19 fields (专项治理进展, guiding opinion 三.5),
 * city-wide over the window: per field its lead unit (牵头单位), its negative records new and closed in the
 * window (the sums of its months) and still open at the end of the last month (存量). Operation:
 * DashboardGovernanceFieldProgress.graphql (governanceFieldProgress(from, to)), one request. The field
 * takes no area, so the panel covers the whole city whatever area is selected.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, figure, h, table } from '../format.js';

export const governanceFieldProgress = {
  id: 'governance-fields',
  title: 'The 19 governance fields 19个领域专项治理进展（全市）',
  source: 'DashboardGovernanceFieldProgress · governanceFieldProgress(from, to) { field leadUnit months { newRecords closedRecords openAtEnd } }',
  followsDistrict: false,

  async load(run, selection) {
    const { data } = await run('DashboardGovernanceFieldProgress', { from: selection.from, to: selection.to });
    return [...data.governanceFieldProgress].sort((a, b) => a.field.number - b.field.number).map((progress) => ({
      ...progress.field,
      leadUnit: progress.leadUnit,
      newRecords: progress.months.reduce((sum, month) => sum + month.newRecords, 0),
      closedRecords: progress.months.reduce((sum, month) => sum + month.closedRecords, 0),
      openAtEnd: progress.months.at(-1)?.openAtEnd ?? 0,
    }));
  },

  render(body, fields) {
    const chart = h('div', { class: 'chart tall' });
    const total = (key) => fields.reduce((sum, field) => sum + field[key], 0);
    fill(body,
      h('div', { class: 'figures' },
        figure('New records 新增失信记录', formatCount(total('newRecords')), 'fields-new'),
        figure('Closed 办结退出', formatCount(total('closedRecords')), 'fields-closed'),
        figure('Open at the end 期末存量', formatCount(total('openAtEnd')), 'fields-open')),
      chart,
      table(['No. 序号', 'Field 领域', 'Lead unit 牵头单位', 'New 新增', 'Closed 办结', 'Open 存量'],
        fields.map((field) => h('tr', { testid: `field-row-${field.code}` },
          h('td', { class: 'num' }, String(field.number)),
          h('td', { title: field.nameEn }, field.nameZh),
          h('td', { title: field.leadUnit.nameEn, testid: `field-${field.code}-lead` }, field.leadUnit.confirmed ? field.leadUnit.nameZh : `${field.leadUnit.nameZh}（待确认）`),
          h('td', { class: 'num', testid: `field-${field.code}-new` }, formatCount(field.newRecords)),
          h('td', { class: 'num', testid: `field-${field.code}-closed` }, formatCount(field.closedRecords)),
          h('td', { class: 'num', testid: `field-${field.code}-open` }, formatCount(field.openAtEnd)))),
        { class: 'dash-table compact' }),
    );
    const reversed = [...fields].reverse();
    drawChart(chart, {
      grid: { left: 40, right: 20, top: 30, bottom: 20 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: reversed.map((field) => `${field.number} ${field.nameZh}`) },
      series: [
        { type: 'bar', name: 'New 新增', data: reversed.map((field) => field.newRecords) },
        { type: 'bar', name: 'Closed 办结', data: reversed.map((field) => field.closedRecords) },
        { type: 'bar', name: 'Open 存量', data: reversed.map((field) => field.openAtEnd) },
      ],
    });
  },
};
