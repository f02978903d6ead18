/*
 * District ranking (区域排名): the published integrity evaluation (政务诚信评价, guiding opinion 三.8) at
 * district level, as the hub stores it — the evaluation's own rank and score, best first, each indicator's
 * score on hover over the row (its title), and the period, the indicator catalogue version (指标体系版本)
 * and the data watermark (数据截止时点) in the table's caption. Operation: DashboardDistrictRanking.graphql
 * (integrityEvaluation(period, level: DISTRICT)), one request.
 *
 * The period: the last complete quarter before today in Asia/Shanghai (period.js lastCompleteQuarter). The
 * credit office publishes an evaluation some time after a quarter ends, so when that quarter has no snapshot
 * (NOT_FOUND) the panel asks once more for the quarter before and says that it shows it; when neither has
 * one, the panel says so (data-testid ranking-none) and is ready, not in error. Any other failure is an error.
 * It does not depend on the selected area, which it marks (class "selected" on ranking-row-<code>).
 *
 * A second tab, Departments 部门前十, shows the top ten government bodies of the same quarter's evaluation at
 * department level (DashboardDepartmentRanking.graphql, asked once the district evaluation is found); without
 * a department snapshot of that quarter the tab says so (departments-none).
 */
import { drawChart } from '../charts.js';
import { fill, h, table } from '../format.js';
import { lastCompleteQuarter, previousQuarter } from '../period.js';

/** Whether the hub answered NOT_FOUND (no snapshot of the period), as opposed to any other failure. */
function isNotFound(error) {
  return Array.isArray(error.errors) && error.errors.some((item) => item.extensions?.code === 'NOT_FOUND');
}

/** The row's hover text: every indicator of the catalogue with the unit's score, "n/a" when it does not apply. */
function indicatorScores(unit, indicators) {
  const names = new Map(indicators.map((indicator) => [indicator.id, indicator.nameZh]));
  return ['Indicator scores 指标得分:', ...unit.indicators.map((result) =>
    `${names.get(result.indicatorId) ?? result.indicatorId}: ${result.applicable ? result.score : '不适用 n/a'}`)].join('\n');
}

export const districtRanking = {
  id: 'district-ranking',
  title: 'District ranking 区域排名',
  source: 'DashboardDistrictRanking · integrityEvaluation(period, level: DISTRICT), the last complete quarter (Asia/Shanghai) or, unpublished, the one before',
  followsDistrict: false,

  async load(run) {
    const wanted = lastCompleteQuarter(new Date());
    const unpublished = [];
    for (const period of [wanted, previousQuarter(wanted)]) {
      let evaluation;
      try {
        evaluation = (await run('DashboardDistrictRanking', { period })).data.integrityEvaluation;
      } catch (error) {
        if (!isNotFound(error)) throw error;
        unpublished.push(period);
        continue;
      }
      let departments = null;
      try {
        departments = (await run('DashboardDepartmentRanking', { period })).data.integrityEvaluation;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      return { unpublished, evaluation, departments };
    }
    return { unpublished, evaluation: null, departments: null };
  },

  render(body, { unpublished, evaluation, departments }, selection) {
    if (evaluation === null) {
      fill(body, h('p', { class: 'empty', testid: 'ranking-none' },
        `No integrity evaluation published for ${unpublished.join(' or ')}. ${unpublished.join('、')} 尚未发布政务诚信评价。`));
      return;
    }
    const caption = h('caption', { class: 'note' },
      h('span', { testid: 'ranking-period' }, evaluation.period), ` (${evaluation.periodStart} – ${evaluation.periodEnd}) · `,
      'Rule version 指标体系版本 ', h('span', { testid: 'ranking-rule-version' }, evaluation.ruleVersion), ' · ',
      'Data as of 数据截止 ', h('span', { testid: 'ranking-data-as-of' }, evaluation.dataAsOf),
      unpublished.length > 0
        ? [' · ', h('span', { testid: 'ranking-fallback' }, `${unpublished.join(', ')} not yet published 尚未发布`)]
        : null);
    const rankTable = table(
      ['Rank 排名', 'Area 区域', 'Score 得分', 'Bodies 机构数'],
      evaluation.units.map((unit) => h('tr', {
        testid: `ranking-row-${unit.code}`, class: unit.code === selection.districtCode ? 'selected' : null,
        title: indicatorScores(unit, evaluation.indicators),
      },
      h('td', { class: 'num', testid: `ranking-${unit.code}-rank` }, String(unit.rank)),
      h('td', {}, unit.name),
      h('td', { class: 'num', testid: `ranking-${unit.code}-score` }, unit.score),
      h('td', { class: 'num', testid: `ranking-${unit.code}-bodies` }, String(unit.bodies)))),
    );
    rankTable.prepend(caption);
    const chart = h('div', { class: 'chart' });
    const districtTab = h('div', { testid: 'ranking-districts' }, chart, rankTable);
    const departmentTab = h('div', { testid: 'ranking-departments', hidden: true }, departments === null
      ? h('p', { class: 'empty', testid: 'departments-none' }, `No department evaluation published for ${evaluation.period}. ${evaluation.period} 尚未发布部门政务诚信评价。`)
      : table(['Rank 排名', 'Department 部门', 'Score 得分'], departments.units.map((unit) => h('tr', { testid: `department-row-${unit.code}` },
        h('td', { class: 'num', testid: `department-${unit.code}-rank` }, String(unit.rank)),
        h('td', {}, unit.name),
        h('td', { class: 'num', testid: `department-${unit.code}-score` }, unit.score)))));
    const tabs = [['districts', 'Districts 区域', districtTab], ['departments', 'Departments, top 10 部门前十', departmentTab]];
    const buttons = tabs.map(([key, label, panel]) => {
      const button = h('button', { type: 'button', class: 'tab', testid: `ranking-tab-${key}`, 'aria-pressed': String(key === 'districts') }, label);
      button.addEventListener('click', () => {
        for (const [, , other] of tabs) other.hidden = other !== panel;
        for (const each of buttons) each.setAttribute('aria-pressed', String(each === button));
      });
      return button;
    });
    fill(body, h('div', { class: 'tabs', role: 'group' }, buttons), districtTab, departmentTab);
    const reversed = [...evaluation.units].reverse();
    drawChart(chart, {
      grid: { left: 70, right: 20, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: reversed.map((unit) => unit.name) },
      series: [{
        type: 'bar', name: 'Score 得分',
        data: reversed.map((unit) => ({ value: Number(unit.score), itemStyle: { color: unit.code === selection.districtCode ? '#c23531' : '#5470c6' } })),
      }],
    });
  },
};
