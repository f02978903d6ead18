/*
 * The integrity dashboard page, served as /dashboard/assets/dashboard.js by createDashboardRoutes.ts: a plain
 * ES module (not compiled), loaded after the ECharts bundle (global `echarts`). Settings come from the page's
 * <script type="application/json" id="dashboard-config"> element: the GraphQL path and the registered
 * operation texts (page/panels/*.graphql).
 *
 * A panel is a module in panels/ exporting an object with:
 *   id            — names its <section data-testid="panel-<id>">;
 *   title, source — the heading, and the operations and fields its figures come from;
 *   followsDistrict — whether it re-queries when the area changes (else it re-renders what it has);
 *   load(run, selection) — runs its operation(s) through `run(operationName, variables)` and returns a model;
 *   render(element, model, selection) — draws the model (figures in elements with data-testid).
 * `selection` is { districtCode (null: whole city), from, to ("YYYY-MM"), districts }.
 *
 * States for readers and tests: each panel section has data-state loading | ready | error and data-district
 * (the area it shows, "city" for the whole city); <body> has data-state ready once every panel has settled
 * for the current area, whose code is in data-district.
 */
import { createClient } from './graphql.js';
import { fill, h } from './format.js';
import { monthWindow } from './period.js';
import { fillDistrictSelect, loadDistricts } from './panels/districtSelector.js';
import { districtRanking } from './panels/districtRanking.js';
import { governmentRecordsByMonth } from './panels/governmentRecordsByMonth.js';
import { governanceFieldProgress } from './panels/governanceFieldProgress.js';
import { overdueCommitments } from './panels/overdueCommitments.js';
import { recordsByDistrictAndKind } from './panels/recordsByDistrictAndKind.js';
import { serviceAndApproval } from './panels/serviceAndApproval.js';

const PANELS = [districtRanking, governmentRecordsByMonth, recordsByDistrictAndKind, governanceFieldProgress, overdueCommitments, serviceAndApproval];

const config = JSON.parse(document.getElementById('dashboard-config').textContent);
const run = createClient(config);
const container = document.getElementById('panels');
const select = document.getElementById('district-select');

const sections = new Map(PANELS.map((panel) => {
  const body = h('div', { class: 'panel-body' }, h('p', { class: 'loading' }, 'Loading… 加载中…'));
  const section = h('section', { class: `panel panel-${panel.id}`, testid: `panel-${panel.id}`, data: { state: 'loading' } },
    h('h2', {}, panel.title), body, h('p', { class: 'panel-source', testid: `source-${panel.id}` }, `Source 数据来源: ${panel.source}`));
  return [panel.id, { section, body }];
}));
fill(container, ...[...sections.values()].map(({ section }) => section));

const models = new Map();
let generation = 0;

function areaKey(selection) {
  return selection.districtCode ?? 'city';
}

async function refreshPanel(panel, selection, reload, current) {
  const { section, body } = sections.get(panel.id);
  section.dataset.state = 'loading';
  try {
    const model = reload || !models.has(panel.id) ? await panel.load(run, selection) : models.get(panel.id);
    if (current !== generation) return;
    models.set(panel.id, model);
    panel.render(body, model, selection);
    section.dataset.state = 'ready';
  } catch (error) {
    if (current !== generation) return;
    fill(body, h('p', { class: 'error', testid: `error-${panel.id}` }, `Could not load: ${error.message}`));
    section.dataset.state = 'error';
  }
  section.dataset.district = areaKey(selection);
}

async function show(selection, first) {
  generation += 1;
  const current = generation;
  document.body.dataset.state = 'loading';
  await Promise.all(PANELS.map((panel) => refreshPanel(panel, selection, first || panel.followsDistrict, current)));
  if (current !== generation) return;
  document.body.dataset.district = areaKey(selection);
  document.body.dataset.state = 'ready';
}

async function start() {
  const { from, to } = monthWindow(new Date());
  document.querySelector('[data-testid="window"]').textContent = `Months 月份: ${from} – ${to} (Asia/Shanghai)`;
  let districts;
  try {
    districts = await loadDistricts(run);
  } catch (error) {
    fill(container, h('p', { class: 'error', testid: 'error-districts' }, `Could not load the areas: ${error.message}`));
    document.body.dataset.state = 'error';
    return;
  }
  fillDistrictSelect(select, districts);
  const selectionFor = (code) => ({ districtCode: code || null, from, to, districts });
  select.addEventListener('change', () => {
    show(selectionFor(select.value), false);
  });
  await show(selectionFor(select.value), true);
}

start();
