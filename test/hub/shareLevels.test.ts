import 'reflect-metadata';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPlatformSettings } from '../../gateways/shared/index.js';
import { buildCreditSchema, type CreditStore } from '../../src/credit/index.js';
import { classifySchema, createGovernanceSubschema, shareLevelRank, unclassifiedFields, type ShareLevel } from '../../src/governance/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { CONNECTED_GATEWAYS } from '../../src/hub/connectedGateways.js';
import { readSchemaFile } from '../../schema/readSchemaFile.js';

// The catalogue reads the schema only; a store or platform call would be a bug.
const noStore = new Proxy({} as CreditStore, {
  get: (_target, property) => () => Promise.reject(new Error(`the catalogue must not query the store (called ${String(property)})`)),
});

/** The composed hub graph with the catalogue, platforms switched off. */
async function composeCatalogHub(maxShareLevel?: () => ShareLevel): Promise<GraphQLSchema> {
  const adapters = CONNECTED_GATEWAYS.map((gateway) => ({
    ...gateway.createSubschema({ ...defaultPlatformSettings(gateway.platform, 'http://catalogue.invalid', null), enabled: false }),
    subjectLinks: gateway.subjectLinks,
  }));
  const governance = createGovernanceSubschema({ classification: () => classifySchema(hub), ...(maxShareLevel ? { maxShareLevel } : {}) });
  const hub = composeHubSchema({ credit: { schema: await buildCreditSchema(noStore) }, adapters, extra: [governance] });
  return hub;
}

describe('share levels of schema/hub.graphql', () => {
  const committed = buildSchema(readSchemaFile('hub.graphql'));

  it('gives every field of every object and interface type a share level', () => {
    expect(unclassifiedFields(committed)).toEqual([]);
  });

  it('classifies every field holding personal data at least CONDITIONAL', () => {
    const personal = [...classifySchema(committed).values()].filter((field) => field.personal !== null);
    expect(personal.length).toBeGreaterThan(0);
    expect(personal.filter((field) => shareLevelRank(field.shareLevel) < shareLevelRank('CONDITIONAL')).map((f) => f.coordinate)).toEqual([]);
  });

  it('lets a field override its type and inherits the particulars it leaves out', () => {
    const classification = classifySchema(committed);
    expect(classification.get('Enterprise.serviceCases')?.shareLevel).toBe('CONDITIONAL');
    expect(classification.get('Enterprise.name')?.shareLevel).toBe('OPEN');
    // Stitching keeps the credit store's type-level @share on the merged key field, not an adapter's.
    expect(classification.get('Enterprise.uscc')?.sourceUnit).toMatch(/深圳市市场监督管理局/);
  });
});

describe('share levels in each subschema', () => {
  it('classifies every field of the credit store', async () => {
    expect(unclassifiedFields(await buildCreditSchema(noStore))).toEqual([]);
  });

  it.each(CONNECTED_GATEWAYS.map((gateway) => [gateway.platform, gateway] as const))('classifies every field of the %s adapter', (_platform, gateway) => {
    const { subschema } = gateway.createSubschema({ ...defaultPlatformSettings(gateway.platform, 'http://catalogue.invalid', null), enabled: false });
    expect(unclassifiedFields(subschema.schema)).toEqual([]);
  });
});

describe('fieldCatalog (共享目录) through the composed hub', () => {
  let hub: GraphQLSchema;
  beforeAll(async () => {
    hub = await composeCatalogHub();
  });

  it('lists a civil servant\'s masked ID number as conditional personal data with its particulars', async () => {
    const result = await graphql({
      schema: hub,
      source: '{ fieldCatalog(type: "CivilServant") { coordinate typeName fieldName shareLevel personal sourceUnit reportingCycle legalBasis description } }',
    });
    expect(result.errors).toBeUndefined();
    expect((result.data as { fieldCatalog: unknown[] }).fieldCatalog).toContainEqual({
      coordinate: 'CivilServant.idNumberMasked',
      typeName: 'CivilServant',
      fieldName: 'idNumberMasked',
      shareLevel: 'CONDITIONAL',
      personal: 'ID_NUMBER',
      sourceUnit: 'Organisation and personnel departments (组织人事部门) of the employing bodies, collected by the Shenzhen public credit information platform (深圳市公共信用信息平台)',
      reportingCycle: 'When a sanction, commendation or commitment is decided (实时)',
      legalBasis: 'Guiding Opinions on Strengthening Integrity in the Civil Service (关于加强公务员诚信建设的指导意见); Personal Information Protection Law (个人信息保护法)',
      description: 'Citizen ID number with birth month and day masked (脱敏身份证号), e.g. 3423011964****3224.',
    });
  });

  it('names the bidding platform as the source of an enterprise\'s bids', async () => {
    const result = await graphql({ schema: hub, source: '{ fieldCatalog(type: "Enterprise") { coordinate shareLevel sourceUnit } }' });
    const entries = (result.data as { fieldCatalog: { coordinate: string }[] }).fieldCatalog;
    expect(entries.find((entry) => entry.coordinate === 'Enterprise.bids')).toEqual({
      coordinate: 'Enterprise.bids',
      shareLevel: 'OPEN',
      sourceUnit: 'Shenzhen public bidding platform (招标投标公共服务平台), Shenzhen Public Resources Trading Centre (深圳公共资源交易中心)',
    });
  });

  it('filters by share level and type, sorted by coordinate', async () => {
    const result = await graphql({ schema: hub, source: '{ fieldCatalog(shareLevel: CONDITIONAL, type: "Enterprise") { coordinate personal } }' });
    expect(result).toEqual({ data: { fieldCatalog: [{ coordinate: 'Enterprise.serviceCases', personal: null }] } });
  });

  it('describes the graph it is part of, itself included, every field once', async () => {
    const result = await graphql({ schema: hub, source: '{ fieldCatalog { coordinate } }' });
    const coordinates = (result.data as { fieldCatalog: { coordinate: string }[] }).fieldCatalog.map((entry) => entry.coordinate);
    expect(coordinates).toContain('Query.fieldCatalog');
    expect(coordinates).toEqual([...classifySchema(hub).keys()].sort());
  });

  it('leaves out the fields above the caller\'s ceiling', async () => {
    const openOnly = await composeCatalogHub(() => 'OPEN');
    const result = await graphql({ schema: openOnly, source: '{ fieldCatalog(type: "CivilServant") { coordinate } }' });
    expect(result).toEqual({ data: { fieldCatalog: [] } });
  });
});
