/*
 * Overdue commitments (政务承诺逾期): promises government bodies owe and have not kept by their due date in
 * the selected area, most overdue first, with those that outlived a change of leadership (新官不理旧账).
 * Operation: DashboardOverdueCommitments.graphql (overdueCommitments); districtCode null is the whole city.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, figure, h, sumDecimals, table } from '../format.js';

const SHOWN = 10;

export const overdueCommitments = {
  id: 'overdue-commitments',
  title: 'Overdue commitments 政务承诺逾期',
  source: 'DashboardOverdueCommitments · overdueCommitments(districtCode)',
  followsDistrict: true,

  async load(run, selection) {
    const { data } = await run('DashboardOverdueCommitments', { districtCode: selection.districtCode });
    return data.overdueCommitments;
  },

  render(body, commitments) {
    const byKind = new Map();
    for (const commitment of commitments) byKind.set(commitment.kind, (byKind.get(commitment.kind) ?? 0) + 1);
    const kinds = [...byKind.keys()].sort();
    const chart = h('div', { class: 'chart short' });
    fill(body,
      h('div', { class: 'figures' },
        figure('Overdue 逾期未履行', formatCount(commitments.length), 'overdue-count'),
        figure('Amount 涉及金额', sumDecimals(commitments.map((c) => c.amount)), 'overdue-amount', '万元'),
        figure('Across a leadership change 跨届', formatCount(commitments.filter((c) => c.leadershipChanged).length), 'overdue-leadership-changed')),
      chart,
      commitments.length === 0
        ? h('p', { class: 'empty', testid: 'overdue-empty' }, 'No overdue commitment. 无逾期承诺。')
        : table(['Commitment 承诺事项', 'Kind 类别', 'Due 到期', 'Days overdue 逾期天数', 'Amount 万元'],
          commitments.slice(0, SHOWN).map((c) => h('tr', { testid: `overdue-row-${c.id}` },
            h('td', { title: c.bodyUscc }, c.title),
            h('td', {}, c.kind),
            h('td', {}, c.dueOn),
            h('td', { class: 'num', testid: `overdue-${c.id}-days` }, formatCount(c.daysOverdue)),
            h('td', { class: 'num' }, c.amount ?? '—')))),
    );
    drawChart(chart, {
      grid: { left: 40, right: 20, top: 10, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: kinds },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: 'Overdue 逾期', data: kinds.map((kind) => byKind.get(kind)) }],
    });
  },
};
