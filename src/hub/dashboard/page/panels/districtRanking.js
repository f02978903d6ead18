/*
 * District ranking (区域排名). Placeholder until the integrity evaluation (政务诚信评价, issue 12 item 4) is
 * published: it ranks the areas by new judgment-defaulter listings of government bodies in the window
 * (zero growth, 零增长, guiding opinion 三.4), fewest first, then by enforcement cases still open at the end
 * of the window; equal figures share a rank. Operation: DashboardDistrictRanking.graphql
 * (enforcementIndicator), once per area. It does not depend on the selected area, which it highlights.
 *
 * Seam for integrityEvaluation(period, level: DISTRICT): this module and DashboardDistrictRanking.graphql are
 * the whole panel. To switch, replace the document's query (one request, e.g. the window's quarter as
 * `period`), and here `load` (one run instead of one per area) and `rankRows` (the evaluation's own rank and
 * score); keep the testids ranking-<code>-rank and ranking-row-<code>, and update expectedFigures in
 * test/e2e/dashboard.e2e.ts.
 */
import { drawChart } from '../charts.js';
import { fill, formatCount, h, table } from '../format.js';

const AT_ONCE = 4;

function rankRows(rows) {
  const sorted = [...rows].sort((a, b) => a.newListings - b.newListings || a.openAtEnd - b.openAtEnd || a.code.localeCompare(b.code));
  return sorted.map((row, index) => {
    const first = sorted.findIndex((other) => other.newListings === row.newListings && other.openAtEnd === row.openAtEnd);
    return { ...row, rank: first === -1 ? index + 1 : first + 1 };
  });
}

export const districtRanking = {
  id: 'district-ranking',
  title: 'District ranking 区域排名',
  source: 'DashboardDistrictRanking · enforcementIndicator(districtCode, from, to), per area — until integrityEvaluation(period, level: DISTRICT)',
  followsDistrict: false,

  async load(run, selection) {
    const areas = selection.districts.filter((district) => district.areaType !== 'CITY');
    // A few at a time, not a dozen requests at once against one hub.
    const answers = [];
    for (let start = 0; start < areas.length; start += AT_ONCE) {
      answers.push(...await Promise.all(areas.slice(start, start + AT_ONCE).map((district) =>
        run('DashboardDistrictRanking', { districtCode: district.code, from: selection.from, to: selection.to }))));
    }
    return rankRows(areas.map((district, index) => {
      const months = answers[index].data.enforcementIndicator;
      return {
        code: district.code,
        name: district.nameZh,
        newListings: months.reduce((sum, month) => sum + month.newListings, 0),
        zeroGrowthMonths: months.filter((month) => month.zeroGrowth).length,
        months: months.length,
        openAtEnd: months.length > 0 ? months[months.length - 1].openAtEnd : 0,
      };
    }));
  },

  render(body, rows, selection) {
    const chart = h('div', { class: 'chart' });
    fill(body, chart, table(
      ['Rank 排名', 'Area 区域', 'New listings 新增失信', 'Zero-growth months 零增长月数', 'Open cases 未结案件'],
      rows.map((row) => h('tr', { testid: `ranking-row-${row.code}`, class: row.code === selection.districtCode ? 'selected' : null },
        h('td', { class: 'num', testid: `ranking-${row.code}-rank` }, String(row.rank)),
        h('td', {}, row.name),
        h('td', { class: 'num', testid: `ranking-${row.code}-new-listings` }, formatCount(row.newListings)),
        h('td', { class: 'num', testid: `ranking-${row.code}-zero-growth-months` }, `${row.zeroGrowthMonths}/${row.months}`),
        h('td', { class: 'num', testid: `ranking-${row.code}-open-cases` }, formatCount(row.openAtEnd)))),
    ));
    const reversed = [...rows].reverse();
    drawChart(chart, {
      grid: { left: 70, right: 20, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: reversed.map((row) => row.name) },
      series: [{
        type: 'bar', name: 'New listings 新增失信',
        data: reversed.map((row) => ({ value: row.newListings, itemStyle: { color: row.code === selection.districtCode ? '#c23531' : '#5470c6' } })),
      }],
    });
  },
};
