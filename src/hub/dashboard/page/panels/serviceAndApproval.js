/*
 * Service and approval indicators (政务服务与工程建设项目审批) of the selected area's people's government
 * (区人民政府; the city government for the whole city): how it handles applications and how applicants rate
 * it (办件与好差评), and its performance as an approving department.
 *
 * Placeholder until serviceReviewSummary and approvalPerformance take an area and a period: step 1,
 * DashboardServiceBodies.graphql, lists the bodies directly under the city government with their areas (once
 * per page); step 2, DashboardServiceIndicators.graphql, reads the chosen body's figures.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, formatOneDecimal, formatRate, figure, h } from '../format.js';

// 深圳市人民政府 in the hub's sample data (both sizes). TODO: remove with step 1 when the indicators take a
// district (issue 12 item 3); until then a deployment on other data shows "no body" here.
const CITY_GOVERNMENT = '114403000049454669';

let bodies = null;

/** The city government and the bodies directly under it, fetched once per page. */
function loadBodies(run) {
  bodies ??= run('DashboardServiceBodies', { root: CITY_GOVERNMENT }).then(({ data }) => data.subject)
    .catch((error) => {
      bodies = null;
      throw error;
    });
  return bodies;
}

/** The body whose figures stand for the area: the city itself, else the area's people's government. */
function pickBody(root, districtCode) {
  if (!root) return null;
  if (!districtCode) return { uscc: root.uscc, name: root.name };
  const inArea = (root.departments ?? []).filter((body) => body.district?.code === districtCode);
  return inArea.find((body) => body.name.endsWith('人民政府')) ?? inArea[0] ?? null;
}

export const serviceAndApproval = {
  id: 'service-approval',
  title: 'Service and approval 政务服务与审批',
  source: 'DashboardServiceBodies · subject(uscc).departments, then DashboardServiceIndicators · governmentBodiesByUscc { serviceReviewSummary approvalPerformance } — until serviceReviewSummary(from, to) and approvalPerformance(from, to) per district',
  followsDistrict: true,

  async load(run, selection) {
    const body = pickBody(await loadBodies(run), selection.districtCode);
    if (!body) return { body: null };
    const { data, errors } = await run('DashboardServiceIndicators', { usccs: [body.uscc] });
    const [indicators] = data.governmentBodiesByUscc;
    return { body: indicators ?? body, errors };
  },

  render(element, model) {
    if (!model.body) {
      fill(element, h('p', { class: 'empty', testid: 'service-no-body' }, 'No people\'s government is registered for this area. 本区域无区人民政府登记。'));
      return;
    }
    const service = model.body.serviceReviewSummary ?? null;
    const approval = model.body.approvalPerformance ?? null;
    const chart = h('div', { class: 'chart short' });
    fill(element,
      h('p', { class: 'panel-subject' }, h('span', { testid: 'service-body' }, model.body.name),
        service ? h('span', { class: 'period', testid: 'service-period' }, ` ${service.periodStart} – ${service.periodEnd}`) : null),
      service
        ? h('div', { class: 'figures' },
          figure('Cases handled 办件量', formatCount(service.casesHandled), 'service-cases-handled'),
          figure('On time 按时办结率', formatRate(service.onTimeRate), 'service-on-time-rate'),
          figure('Overdue cases 超期办件', formatCount(service.overdueCases), 'service-overdue-cases'),
          figure('Reviews 评价数', formatCount(service.reviewCount), 'service-review-count'),
          figure('Bad reviews 差评率', formatRate(service.badReviewRate), 'service-bad-review-rate'),
          figure('Overdue rectifications 差评整改超期', formatCount(service.overdueRectifications), 'service-overdue-rectifications'))
        : h('p', { class: 'empty', testid: 'service-none' }, 'No service statistics for this body. 无办件与评价统计。'),
      approval
        ? h('div', { class: 'figures' },
          figure('Approvals handled 审批件', formatCount(approval.approvalsHandled), 'approval-handled'),
          figure('In progress 在办', formatCount(approval.approvalsInProgress), 'approval-in-progress'),
          figure('Overdue 超期', formatCount(approval.overdueApprovals), 'approval-overdue'),
          figure('On time 按时率', formatRate(approval.onTimeRate), 'approval-on-time-rate'),
          figure('Average working days 平均工作日', formatOneDecimal(approval.averageWorkingDays), 'approval-average-days'))
        : h('p', { class: 'empty', testid: 'approval-none' }, 'No approval statistics for this body. 无审批统计。'),
      model.errors.length > 0 ? h('p', { class: 'note', testid: 'service-errors' }, model.errors.map((error) => error.message).join('; ')) : null,
      chart,
    );
    drawChart(chart, {
      grid: { left: 120, right: 30, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => `${value}%` },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: ['Approvals on time 审批按时', 'Cases on time 办件按时', 'Good reviews 非差评'] },
      series: [{
        type: 'bar', name: '%',
        data: [approval?.onTimeRate, service?.onTimeRate, service?.badReviewRate === null || service?.badReviewRate === undefined ? null : 1 - service.badReviewRate]
          .map((rate) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10)),
      }],
    });
  },
};
