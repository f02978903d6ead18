/*
 * Records against government bodies by month (政务失信, 按月) for the selected area: credit records whose
 * subject is a government body (机关, USCC 11…) decided in each month of the window, by kind of record, as a
 * stacked chart and a month × kind table. Operation: DashboardGovernmentRecordsByMonth.graphql
 * (creditStatistics(groupBy: [MONTH, RECORD_KIND], filter: { subjectKinds: [GOVERNMENT_BODY], districts,
 * decidedFrom, decidedTo })); districts null is every area. Months without records have no row in the
 * answer and show 0.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, figure, h, kindHeader, kindName, table } from '../format.js';
import { firstDay, lastDay, monthsBetween } from '../period.js';

export const governmentRecordsByMonth = {
  id: 'government-records',
  title: 'Records against government bodies by month 政务失信记录（按月）',
  source: 'DashboardGovernmentRecordsByMonth · creditStatistics(groupBy: [MONTH, RECORD_KIND], filter: { subjectKinds: [GOVERNMENT_BODY], districts, decidedFrom, decidedTo })',
  followsDistrict: true,

  async load(run, selection) {
    const { data } = await run('DashboardGovernmentRecordsByMonth', {
      districts: selection.districtCode ? [selection.districtCode] : null, decidedFrom: firstDay(selection.from), decidedTo: lastDay(selection.to),
    });
    const statistics = data.creditStatistics;
    // Kinds in the answer's order (enum order); each month's count per kind, 0 where there is no row.
    const kinds = [...new Set(statistics.rows.map((row) => row.keys.recordKind))];
    const cells = new Map(statistics.rows.map((row) => [`${row.keys.period} ${row.keys.recordKind}`, row.count]));
    const months = monthsBetween(selection.from, selection.to).map((month) => {
      const byKind = Object.fromEntries(kinds.map((kind) => [kind, cells.get(`${month} ${kind}`) ?? 0]));
      return { month, byKind, total: kinds.reduce((sum, kind) => sum + byKind[kind], 0) };
    });
    return { totalCount: statistics.totalCount, kinds, months };
  },

  render(body, { totalCount, kinds, months }) {
    const chart = h('div', { class: 'chart' });
    fill(body,
      h('div', { class: 'figures' },
        figure('Records against government bodies 政务失信记录', formatCount(totalCount), 'records-total'),
        figure('Months without a record 无新增记录月数', `${months.filter((month) => month.total === 0).length}/${months.length}`, 'records-empty-months')),
      chart,
      table(['Month 月份', ...kinds.map(kindHeader), 'Total 合计'],
        months.map((month) => h('tr', { testid: `month-row-${month.month}` },
          h('td', {}, month.month),
          kinds.map((kind) => h('td', { class: 'num', testid: `month-${month.month}-${kind}` }, formatCount(month.byKind[kind]))),
          h('td', { class: 'num', testid: `month-${month.month}-total` }, formatCount(month.total)))),
        { class: 'dash-table compact' }),
    );
    drawChart(chart, {
      grid: { left: 40, right: 20, top: 50, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: months.map((month) => month.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map((kind) => ({ type: 'bar', name: kindName(kind), stack: 'records', data: months.map((month) => month.byKind[kind]) })),
    });
  },
};
