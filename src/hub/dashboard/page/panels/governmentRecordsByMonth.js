/*
 * Records against government bodies by month (政府机构失信, 按月) for the selected area: new judgment-defaulter
 * listings of government bodies (USCC 11…) and of public institutions (12…), enforcement cases against
 * bodies filed and closed. Operation: DashboardGovernmentRecordsByMonth.graphql (enforcementIndicator);
 * districtCode null is the whole city.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, figure, h, table } from '../format.js';

export const governmentRecordsByMonth = {
  id: 'government-records',
  title: 'Records against government bodies by month 政府机构失信（按月）',
  source: 'DashboardGovernmentRecordsByMonth · enforcementIndicator(districtCode, from, to) — until creditStatistics(groupBy: [MONTH], filter: { subjectKinds: [GOVERNMENT_BODY] })',
  followsDistrict: true,

  async load(run, selection) {
    const { data } = await run('DashboardGovernmentRecordsByMonth', { districtCode: selection.districtCode, from: selection.from, to: selection.to });
    return data.enforcementIndicator;
  },

  render(body, months) {
    const total = (key) => months.reduce((sum, month) => sum + month[key], 0);
    const chart = h('div', { class: 'chart' });
    fill(body,
      h('div', { class: 'figures' },
        figure('New listings of bodies 机关新增失信', formatCount(total('newListings')), 'records-total-new-listings'),
        figure('Of public institutions 事业单位', formatCount(total('newInstitutionListings')), 'records-total-institution-listings'),
        figure('Zero-growth months 零增长月数', `${months.filter((month) => month.zeroGrowth).length}/${months.length}`, 'records-zero-growth-months')),
      chart,
      table(['Month 月份', 'Bodies 机关', 'Institutions 事业单位', 'Cases filed 立案', 'Cases closed 结案'],
        months.map((month) => h('tr', { testid: `month-row-${month.month}` },
          h('td', {}, month.month),
          h('td', { class: 'num', testid: `month-${month.month}-new-listings` }, formatCount(month.newListings)),
          h('td', { class: 'num', testid: `month-${month.month}-institution-listings` }, formatCount(month.newInstitutionListings)),
          h('td', { class: 'num', testid: `month-${month.month}-filed` }, formatCount(month.filed)),
          h('td', { class: 'num', testid: `month-${month.month}-closed` }, formatCount(month.closed)))),
        { class: 'dash-table compact' }),
    );
    drawChart(chart, {
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: months.map((month) => month.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: 'Bodies 机关', stack: 'listings', data: months.map((month) => month.newListings) },
        { type: 'bar', name: 'Institutions 事业单位', stack: 'listings', data: months.map((month) => month.newInstitutionListings) },
        { type: 'line', name: 'Filed 立案', data: months.map((month) => month.filed) },
        { type: 'line', name: 'Closed 结案', data: months.map((month) => month.closed) },
      ],
    });
  },
};
