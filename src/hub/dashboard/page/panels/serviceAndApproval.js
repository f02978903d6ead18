/*
 * Service and approval indicators (政务服务与工程建设项目审批) of the selected area over the window: how its
 * departments handle applications and how applicants rate them (办件与好差评), and their performance as
 * approving departments (审批效能), with the monthly series. For the whole city the panel asks for every area
 * (440300 being the city's own departments) and shows each area's row and the city's sums. Operation:
 * DashboardServiceAndApproval.graphql (districtServiceReviews(districts, from, to) and
 * districtApprovalPerformance(districts, from, to), each with summary and monthly), one request.
 *
 * Sums over areas are of counts only, and of the bad-review rate, which is exact from its counts (bad reviews /
 * reviews); the on-time rates and average working days are each area's own, in the table.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, formatOneDecimal, formatRate, figure, h, table } from '../format.js';
import { firstDay, lastDay } from '../period.js';

const sum = (items, read) => items.reduce((total, item) => total + read(item), 0);

/** Month "YYYY-MM" → the sum over `areas` of `read(period)` for that month's period, oldest first. */
function monthlySums(areas, read) {
  const months = new Map();
  for (const area of areas ?? []) {
    for (const period of area.monthly) {
      const month = period.periodStart.slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + read(period));
    }
  }
  return new Map([...months].sort(([a], [b]) => a.localeCompare(b)));
}

export const serviceAndApproval = {
  id: 'service-approval',
  title: 'Service and approval 政务服务与审批',
  source: 'DashboardServiceAndApproval · districtServiceReviews(districts, from, to) and districtApprovalPerformance(districts, from, to) { summary monthly }',
  followsDistrict: true,

  async load(run, selection) {
    const districts = selection.districtCode ? [selection.districtCode] : selection.districts.map((district) => district.code);
    const { data, errors } = await run('DashboardServiceAndApproval', { districts, from: firstDay(selection.from), to: lastDay(selection.to) });
    return { service: data.districtServiceReviews, approval: data.districtApprovalPerformance, errors };
  },

  render(element, { service, approval, errors }) {
    const chart = h('div', { class: 'chart short' });
    const approvalOf = new Map((approval ?? []).map((area) => [area.districtCode, area.summary]));
    const codes = (service ?? approval ?? []).map((area) => ({ code: area.districtCode, name: area.districtName ?? area.districtCode }));
    const serviceOf = new Map((service ?? []).map((area) => [area.districtCode, area.summary]));
    const reviews = service ? sum(service, (area) => area.summary.reviewCount) : 0;
    const badReviews = service ? sum(service, (area) => area.summary.badReviewCount) : 0;
    const cell = (value, format, testid) => h('td', { class: 'num', testid }, value === undefined ? '—' : format(value));
    fill(element,
      service
        ? h('div', { class: 'figures' },
          figure('Cases handled 办件量', formatCount(sum(service, (area) => area.summary.casesHandled)), 'service-cases-handled'),
          figure('Overdue cases 超期办件', formatCount(sum(service, (area) => area.summary.overdueCases)), 'service-overdue-cases'),
          figure('Reviews 评价数', formatCount(reviews), 'service-review-count'),
          figure('Bad reviews 差评率', formatRate(reviews === 0 ? null : badReviews / reviews), 'service-bad-review-rate'),
          figure('Overdue rectifications 差评整改超期', formatCount(sum(service, (area) => area.summary.overdueRectifications)), 'service-overdue-rectifications'))
        : h('p', { class: 'empty', testid: 'service-none' }, 'The government service platform did not answer. 政务服务平台未返回数据。'),
      approval
        ? h('div', { class: 'figures' },
          figure('Approvals handled 审批件', formatCount(sum(approval, (area) => area.summary.approvalsHandled)), 'approval-handled'),
          figure('In progress 在办', formatCount(sum(approval, (area) => area.summary.approvalsInProgress)), 'approval-in-progress'),
          figure('Overdue 超期', formatCount(sum(approval, (area) => area.summary.overdueApprovals)), 'approval-overdue'))
        : h('p', { class: 'empty', testid: 'approval-none' }, 'The approval system did not answer. 审批系统未返回数据。'),
      errors.length > 0 ? h('p', { class: 'note', testid: 'service-errors' }, errors.map((error) => error.message).join('; ')) : null,
      chart,
      h('div', { class: 'table-scroll' }, table(['Area 区域', 'Cases 办件', 'On time 按时办结率', 'Bad reviews 差评率', 'Approvals 审批件', 'On time 审批按时率', 'Avg. days 平均工作日'],
        codes.map(({ code, name }) => {
          const s = serviceOf.get(code);
          const a = approvalOf.get(code);
          return h('tr', { testid: `service-row-${code}` },
            h('td', { title: code }, name),
            cell(s?.casesHandled, formatCount, `service-${code}-cases`),
            cell(s?.onTimeRate, formatRate, `service-${code}-on-time-rate`),
            cell(s?.badReviewRate, formatRate, `service-${code}-bad-review-rate`),
            cell(a?.approvalsHandled, formatCount, `approval-${code}-handled`),
            cell(a?.onTimeRate, formatRate, `approval-${code}-on-time-rate`),
            cell(a?.averageWorkingDays, formatOneDecimal, `approval-${code}-average-days`));
        }),
        { class: 'dash-table compact' })),
    );
    const cases = monthlySums(service, (period) => period.casesHandled);
    const approvals = monthlySums(approval, (period) => period.approvalsHandled);
    const months = [...new Set([...cases.keys(), ...approvals.keys()])].sort();
    drawChart(chart, {
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: 'Cases 办件', data: months.map((month) => cases.get(month) ?? null) },
        { type: 'line', name: 'Approvals 审批件', data: months.map((month) => approvals.get(month) ?? null) },
      ],
    });
  },
};
