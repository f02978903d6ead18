/*
 * The 19 special-governance fields (专项治理, guiding opinion 三.5): how many publicly disclosed credit
 * records each field holds in the selected area. Operation: DashboardGovernanceFieldProgress.graphql
 * (governanceFields, and one aliased creditRecords totalCount per field, the alias being the field's code);
 * districts null is every area.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, figure, h, table } from '../format.js';

export const governanceFieldProgress = {
  id: 'governance-fields',
  title: 'The 19 governance fields 19个领域专项治理',
  source: 'DashboardGovernanceFieldProgress · governanceFields, creditRecords(filter: { governanceFields, districts }).totalCount per field — until governanceFieldProgress',
  followsDistrict: true,

  async load(run, selection) {
    const { data } = await run('DashboardGovernanceFieldProgress', { districts: selection.districtCode ? [selection.districtCode] : null });
    return [...data.governanceFields].sort((a, b) => a.number - b.number)
      .map((field) => ({ ...field, count: data[field.code] ? data[field.code].totalCount : null }));
  },

  render(body, fields) {
    const chart = h('div', { class: 'chart tall' });
    const total = fields.reduce((sum, field) => sum + (field.count ?? 0), 0);
    fill(body,
      h('div', { class: 'figures' }, figure('Records in the 19 fields 专项治理领域记录', formatCount(total), 'fields-total')),
      chart,
      table(['No. 序号', 'Field 领域', 'Records 记录数'],
        fields.map((field) => h('tr', { testid: `field-row-${field.code}` },
          h('td', { class: 'num' }, String(field.number)),
          h('td', { title: field.nameEn }, field.nameZh),
          h('td', { class: 'num', testid: `field-${field.code}-count` }, field.count === null ? '—' : formatCount(field.count)))),
        { class: 'dash-table compact' }),
    );
    const reversed = [...fields].reverse();
    drawChart(chart, {
      grid: { left: 40, right: 20, top: 10, bottom: 20 },
      tooltip: { trigger: 'item', formatter: (item) => `${reversed[item.dataIndex].nameZh}: ${formatCount(item.value)}` },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: reversed.map((field) => String(field.number)) },
      series: [{ type: 'bar', name: 'Records 记录数', data: reversed.map((field) => field.count ?? 0) }],
    });
  },
};
