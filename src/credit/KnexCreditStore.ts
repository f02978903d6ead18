import type { Knex } from 'knex';
import type {
  CatalogItemRow, CivilServantRow, CreditStore, DistrictRow, FieldProgressCount, OrganisationFilter, OrganisationPage,
  OrganisationPageRequest, OrganisationRow, PageRequest, RecordFilter, RecordOwner, RecordPage, RecordPageOptions, StatisticsDimension,
  SearchMatch, StatisticsOptions, StatisticsRow, SubjectSearchFilter, SubjectSearchPage, SubjectSearchRequest,
} from './CreditStore.js';
import { rankSql, whereSearchFilter, whereSearchMatches } from './subjectSearchSql.js';
import { UNDISCLOSED_STATUSES } from './creditVisibility.js';
import type { IdNumberVault } from './idNumberVault.js';
import { RECORD_DIMENSION_SQL, rollupStatisticsQuery } from './rollupStatistics.js';
import {
  CIVIL_SERVANT_COLUMNS, ORGANISATION_COLUMNS, organisationColumnsReading, RECORD_COLUMNS, recordColumnsReading, toCatalogItem, toCivilServant, toCreditRecord,
  toDecimal, toDistrict, toOrganisation,
} from './rowMappers.js';

type Row = Record<string, unknown>;

const ownerKey = (owner: RecordOwner): string => (owner.type === 'subject' ? `s:${owner.uscc}` : `c:${owner.id}`);
// Literals, not bindings, so that the planner matches the partial indexes of migration
// 20261127000800_record_disclosure_index, whose predicate is this very condition.
const DISCLOSED_STATUS_SQL = `NOT IN (${UNDISCLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const OWNER_KEY_SQL = "CASE WHEN r.subject_uscc IS NOT NULL THEN 's:' || r.subject_uscc ELSE 'c:' || r.civil_servant_id END";

// The day a record left publicity (公示结束): the removal, repair or withdrawal date its source reported
// (details), else the day after its window ended, else (status changed in the hub) the day of the change.
// Null while the record is still in publicity on `today` (the one binding).
const ISO_DAY = "'^\\d{4}-\\d{2}-\\d{2}$'";
const detailDay = (path: string) => `CASE WHEN r.details #>> '{${path}}' ~ ${ISO_DAY} THEN (r.details #>> '{${path}}')::date END`;
const CLOSED_ON_SQL = `CASE WHEN r.status IN (${UNDISCLOSED_STATUSES.map((s) => `'${s}'`).join(', ')}) OR r.publicity_end < ?::date THEN coalesce(
    ${detailDay('removedOn')}, ${detailDay('repair,decidedOn')}, ${detailDay('withdrawnOn')},
    CASE WHEN r.status = 'EXPIRED' OR r.publicity_end < ?::date THEN r.publicity_end + 1 END,
    (r.updated_at AT TIME ZONE 'Asia/Shanghai')::date) END`;

// The organisations a record names, joined as `<alias>_<column>` when a page is read with its parties.
const PARTY_JOINS = [['pa', 'authority_uscc', 'authority'], ['ps', 'source_unit_uscc', 'sourceUnit']] as const;
type PartyJoin = (typeof PARTY_JOINS)[number];

type PartyColumns = ReadonlyMap<string, readonly (readonly [string, string])[]>;
const partyColumnsOf = (columns: readonly string[]): PartyColumns => new Map(PARTY_JOINS.map(([alias]) => [alias, columns.map((c) => [c, `${alias}_${c}`] as const)]));
// Each alias's columns as [column, `<alias>_<column>`], worked out once for whole organisations.
const PARTY_COLUMNS = partyColumnsOf(ORGANISATION_COLUMNS);

/**
 * Adds the parties joined to `row` to `parties`, each organisation once (an authority names many records of a page, and
 * a page of 100 subjects has a few hundred rows).
 */
function collectParties(row: Row, joins: readonly PartyJoin[], partyColumns: PartyColumns, parties: Map<string, OrganisationRow>, converted: Map<string, OrganisationRow>): void {
  for (const [alias] of joins) {
    const columns = partyColumns.get(alias)!;
    const value = row[columns[0]![1]];
    if (value === null || value === undefined) continue;
    const uscc = String(value);
    if (parties.has(uscc)) continue;
    let party = converted.get(uscc);
    if (!party) {
      const fields: Row = {};
      for (const [column, aliased] of columns) fields[column] = row[aliased];
      party = toOrganisation(fields);
      converted.set(uscc, party);
    }
    parties.set(uscc, party);
  }
}

/** Orders `values` like `keys`, by `keyOf`; missing keys give null. */
function inKeyOrder<T>(keys: readonly string[], values: T[], keyOf: (v: T) => string): (T | null)[] {
  const byKey = new Map(values.map((v) => [keyOf(v), v]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Options of KnexCreditStore.create. */
export interface KnexCreditStoreOptions {
  /** Decrypts citizen ID numbers for entitled consumers; without it `idNumbersById` rejects. */
  vault?: IdNumberVault;
  /**
   * Read `recordStatistics` from the rollups of migration 20261202010000 where they answer exactly (default
   * true); false always counts credit_records directly (the reference the rollups are tested against).
   */
  statisticsRollup?: boolean;
}

/** The credit store on PostgreSQL (server or PGlite) through knex. */
export class KnexCreditStore implements CreditStore {
  private constructor(
    private readonly knex: Knex,
    private readonly vault: IdNumberVault | null,
    private readonly statisticsRollup: boolean,
  ) {}

  /** Wraps a migrated database; pass the vault the ID numbers were encrypted with to be able to unmask them. */
  static create(knex: Knex, options: KnexCreditStoreOptions = {}): KnexCreditStore {
    return new KnexCreditStore(knex, options.vault ?? null, options.statisticsRollup ?? true);
  }

  async organisationsByUscc(usccs: readonly string[]): Promise<(OrganisationRow | null)[]> {
    if (usccs.length === 0) return [];
    const rows: Row[] = await this.knex('organisations').select(ORGANISATION_COLUMNS).whereIn('uscc', [...usccs]);
    return inKeyOrder(usccs, rows.map(toOrganisation), (o) => o.uscc);
  }

  async departmentsOf(parentUsccs: readonly string[]): Promise<OrganisationRow[][]> {
    if (parentUsccs.length === 0) return [];
    const rows: Row[] = await this.knex('organisations')
      .select(ORGANISATION_COLUMNS)
      .whereIn('parent_uscc', [...parentUsccs])
      .orderBy('name');
    const orgs = rows.map(toOrganisation);
    return parentUsccs.map((p) => orgs.filter((o) => o.parentUscc === p));
  }

  async civilServantsById(ids: readonly string[]): Promise<(CivilServantRow | null)[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await this.knex('civil_servants').select(CIVIL_SERVANT_COLUMNS).whereIn('id', [...ids]);
    return inKeyOrder(ids, rows.map(toCivilServant), (c) => c.id);
  }

  async idNumbersById(ids: readonly string[]): Promise<(string | null)[]> {
    if (ids.length === 0) return [];
    const vault = this.vault;
    if (!vault) {
      throw new Error('this KnexCreditStore has no vault to decrypt ID numbers: create it with KnexCreditStore.create(knex, { vault: createIdNumberVault(dataKey) })');
    }
    const rows: Row[] = await this.knex('civil_servants').select('id', 'id_number_ciphertext').whereIn('id', [...ids]);
    const byId = new Map(rows.map((r) => [String(r.id), r.id_number_ciphertext]));
    return ids.map((id) => {
      const sealed = byId.get(id);
      // PGlite returns BYTEA as a Uint8Array, node-postgres as a Buffer.
      return sealed === undefined || sealed === null ? null : vault.decrypt(Buffer.from(sealed as Uint8Array));
    });
  }

  async catalogItemsByCode(codes: readonly string[]): Promise<(CatalogItemRow | null)[]> {
    if (codes.length === 0) return [];
    const rows: Row[] = await this.knex('catalog_items').select('*').whereIn('code', [...codes]);
    return inKeyOrder(codes, rows.map(toCatalogItem), (c) => c.code);
  }

  async listCatalogItems(recordKind?: string): Promise<CatalogItemRow[]> {
    const query = this.knex('catalog_items').select('*').orderBy('code');
    if (recordKind) query.where('record_kind', recordKind);
    return ((await query) as Row[]).map(toCatalogItem);
  }

  async listDistricts(): Promise<DistrictRow[]> {
    return ((await this.knex('districts').select('*').orderBy('code')) as Row[]).map(toDistrict);
  }

  async recordPagesByOwner(owners: readonly RecordOwner[], page: PageRequest, options: RecordPageOptions = {}): Promise<RecordPage[]> {
    if (owners.length === 0) return [];
    const inner = this.filtered(page.filter, 'r')
      .modify((q) => this.whereOwners(q, owners))
      .modify((q) => this.whereAfter(q, page))
      .select((options.reads ? recordColumnsReading(options.reads) : RECORD_COLUMNS).map((c) => `r.${c}`))
      .select(this.knex.raw(`${OWNER_KEY_SQL} AS owner_key`))
      .select(this.knex.raw(`row_number() OVER (PARTITION BY ${OWNER_KEY_SQL} ORDER BY r.decision_date DESC, r.id DESC) AS rn`))
      // The window already numbers every matching record of the owner, so counting them costs nothing more and
      // spares the connection's totalCount a statement of its own.
      .select(this.knex.raw(`count(*) OVER (PARTITION BY ${OWNER_KEY_SQL}) AS total`));
    const outer = this.knex
      .from(inner.as('p'))
      .select('p.*')
      .where('rn', '<=', page.limit + 1)
      .orderBy([{ column: 'owner_key' }, { column: 'rn' }]);
    const joins = PARTY_JOINS.filter(([, , role]) => options.parties?.includes(role));
    const partyColumns = options.partyReads ? partyColumnsOf(organisationColumnsReading(options.partyReads)) : PARTY_COLUMNS;
    if (joins.length > 0) {
      // The authority and the source unit of each record on the page, by primary key: cheaper here than in a
      // statement of their own after the page.
      for (const [alias, column] of joins) {
        outer.leftJoin(`organisations as ${alias}`, `${alias}.uscc`, `p.${column}`)
          .select(partyColumns.get(alias)!.map(([c, as]) => `${alias}.${c} as ${as}`));
      }
    }
    const rows: Row[] = await outer;
    const grouped = new Map<string, Row[]>();
    for (const row of rows) {
      const key = String(row.owner_key);
      const list = grouped.get(key);
      if (list) list.push(row);
      else grouped.set(key, [row]);
    }
    const converted = new Map<string, OrganisationRow>();
    return owners.map((owner) => {
      const ownerRows = grouped.get(ownerKey(owner)) ?? [];
      const pageRows = ownerRows.slice(0, page.limit);
      const result: RecordPage = { rows: pageRows.map(toCreditRecord), hasNextPage: ownerRows.length > page.limit };
      // After a cursor the window counts only the records past it.
      if (page.after === undefined) result.totalCount = Number(ownerRows[0]?.total ?? 0);
      if (joins.length > 0) {
        const parties = new Map<string, OrganisationRow>();
        for (const row of pageRows) collectParties(row, joins, partyColumns, parties, converted);
        if (!options.partyReads) {
          result.parties = [...parties.values()];
        } else {
          // Parts of organisations: on the rows that name them, never mistaken for whole ones.
          result.rows.forEach((record, i) => {
            const row = pageRows[i]!;
            record.partiesRead = Object.fromEntries(joins.flatMap(([alias, , role]) => {
              const uscc = row[`${alias}_uscc`];
              const party = uscc === null || uscc === undefined ? undefined : parties.get(String(uscc));
              return party ? [[role, party]] : [];
            }));
          });
        }
      }
      return result;
    });
  }

  async recordCountsByOwner(owners: readonly RecordOwner[], filter: RecordFilter): Promise<number[]> {
    if (owners.length === 0) return [];
    const rows: Row[] = await this.filtered(filter, 'r')
      .modify((q) => this.whereOwners(q, owners))
      .select(this.knex.raw(`${OWNER_KEY_SQL} AS owner_key`))
      .count({ n: '*' })
      .groupByRaw(OWNER_KEY_SQL);
    const counts = new Map(rows.map((r) => [String(r.owner_key), Number(r.n)]));
    return owners.map((o) => counts.get(ownerKey(o)) ?? 0);
  }

  async recordPage(page: PageRequest): Promise<RecordPage> {
    const rows: Row[] = await this.filtered(page.filter, 'r')
      .modify((q) => this.whereAfter(q, page))
      .select(RECORD_COLUMNS.map((c) => `r.${c}`))
      .orderBy([{ column: 'r.decision_date', order: 'desc' }, { column: 'r.id', order: 'desc' }])
      .limit(page.limit + 1);
    return { rows: rows.slice(0, page.limit).map(toCreditRecord), hasNextPage: rows.length > page.limit };
  }

  async countRecords(filter: RecordFilter): Promise<number> {
    const [row] = (await this.filtered(filter, 'r').count({ n: '*' })) as Row[];
    return Number(row?.n ?? 0);
  }

  async recordStatistics(groupBy: readonly StatisticsDimension[], filter: RecordFilter, options: StatisticsOptions): Promise<StatisticsRow[]> {
    const fromRollup = this.statisticsRollup ? rollupStatisticsQuery(this.knex, (f) => this.filtered(f, 'r'), groupBy, filter, options) : null;
    const rows: Row[] = await (fromRollup ?? this.directStatisticsQuery(groupBy, filter, options));
    return rows.map((row) => ({
      keys: Object.fromEntries(groupBy.map((d, i) => [d, row[`k${i}`] === null || row[`k${i}`] === undefined ? null : String(row[`k${i}`])])),
      count: Number(row.n),
      fineTotal: options.withFines ? toDecimal(row.fine_total) : null,
    }));
  }

  /** recordStatistics as one GROUP BY over credit_records. */
  private directStatisticsQuery(groupBy: readonly StatisticsDimension[], filter: RecordFilter, options: StatisticsOptions): Knex.QueryBuilder {
    const expressions = groupBy.map((d) => RECORD_DIMENSION_SQL[d]);
    const q = this.filtered(filter, 'r').count({ n: '*' });
    expressions.forEach((sql, i) => q.select(this.knex.raw(`${sql} AS k${i}`)));
    if (options.withFines) q.select(this.knex.raw('sum(r.fine_amount) AS fine_total'));
    if (expressions.length) {
      q.groupByRaw(expressions.join(', '))
        .orderByRaw(expressions.map((sql) => `${sql} NULLS LAST`).join(', '))
        .limit(options.maxRows + 1);
    }
    return q;
  }

  async fieldProgressCounts(filter: RecordFilter, until: string, today: string): Promise<FieldProgressCount[]> {
    const closedIn = `to_char(${CLOSED_ON_SQL}, 'YYYY-MM')`;
    const rows: Row[] = await this.filtered(filter, 'r')
      .whereNotNull('r.governance_field')
      .where('r.decision_date', '<=', until)
      .select('r.governance_field', this.knex.raw("to_char(r.decision_date, 'YYYY-MM') AS decided_in"))
      .select(this.knex.raw(`${closedIn} AS closed_in`, [today, today]))
      .count({ n: '*' })
      .groupByRaw(`1, 2, 3`);
    return rows.map((row) => ({
      governanceField: String(row.governance_field), decidedIn: String(row.decided_in),
      closedIn: row.closed_in === null || row.closed_in === undefined ? null : String(row.closed_in), count: Number(row.n),
    }));
  }

  async organisationPage(page: OrganisationPageRequest): Promise<OrganisationPage> {
    const q = this.organisations(page.filter).select(ORGANISATION_COLUMNS.map((c) => `o.${c}`)).orderBy('o.uscc').limit(page.limit + 1);
    if (page.after !== undefined) q.where('o.uscc', '>', page.after);
    const rows: Row[] = await q;
    return { rows: rows.slice(0, page.limit).map(toOrganisation), hasNextPage: rows.length > page.limit };
  }

  async countOrganisations(filter: OrganisationFilter): Promise<number> {
    const [row] = (await this.organisations(filter).count({ n: '*' })) as Row[];
    return Number(row?.n ?? 0);
  }

  async searchSubjects(request: SubjectSearchRequest): Promise<SubjectSearchPage> {
    const { rank, match, bindings, matchBindings } = rankSql(request.query);
    const inner = this.knex('organisations as o')
      .select(ORGANISATION_COLUMNS.map((c) => `o.${c}`))
      .select(this.knex.raw(`${rank} AS search_rank`, bindings), this.knex.raw(`${match} AS search_match`, matchBindings));
    whereSearchMatches(inner, request.query);
    whereSearchFilter(inner, request.filter);
    const q = this.knex.from(inner.as('m')).select('*').orderBy([
      { column: 'm.search_rank' }, { column: 'm.name' }, { column: 'm.uscc' },
    ]).limit(request.limit + 1);
    const { after } = request;
    if (after) q.whereRaw('(m.search_rank, m.name, m.uscc) > (?::int, ?::text, ?::text)', [after.rank, after.name, after.uscc]);
    const rows: Row[] = await q;
    return {
      hits: rows.slice(0, request.limit).map((row) => ({
        row: toOrganisation(row), rank: Number(row.search_rank), match: String(row.search_match) as SearchMatch,
      })),
      hasNextPage: rows.length > request.limit,
    };
  }

  async countSubjectSearch(query: string, filter: SubjectSearchFilter): Promise<number> {
    const q = this.knex('organisations as o');
    whereSearchMatches(q, query);
    whereSearchFilter(q, filter);
    const [row] = (await q.count({ n: '*' })) as Row[];
    return Number(row?.n ?? 0);
  }

  async ping(): Promise<void> {
    await this.knex.raw('select 1');
  }

  /** Base query on credit_records aliased `alias`, with the filter applied. */
  private filtered(filter: RecordFilter, alias: string): Knex.QueryBuilder {
    const q = this.knex(`credit_records as ${alias}`);
    const col = (c: string) => `${alias}.${c}`;
    if (filter.kinds?.length) q.whereIn(col('kind'), filter.kinds);
    if (filter.severities?.length) q.whereIn(col('severity'), filter.severities);
    if (filter.statuses?.length) q.whereIn(col('status'), filter.statuses);
    if (filter.governanceFields?.length) q.whereIn(col('governance_field'), filter.governanceFields);
    if (filter.sourceUnits?.length) q.whereIn(col('source_unit_uscc'), filter.sourceUnits);
    // Generated by the database from subject_uscc / civil_servant_id (migration 20261201002000).
    if (filter.subjectKinds?.length) q.whereIn(col('subject_kind'), filter.subjectKinds);
    if (filter.decidedFrom) q.where(col('decision_date'), '>=', filter.decidedFrom);
    if (filter.decidedTo) q.where(col('decision_date'), '<=', filter.decidedTo);
    // A record's district is its subject's; a civil servant's record takes the employer's (filled in
    // by the database on insert, see migration 20261127000600).
    if (filter.districts?.length) q.whereIn(col('district_code'), filter.districts);
    if (filter.disclosedOn) {
      // Not repaired, withdrawn or expired, and inside the window (公示截止期 on or after the day). Kinds
      // without a window (licences, commendations, commitments) have no end: only their status (EXPIRED
      // once a term has passed) takes them out of view.
      q.whereRaw(`${col('status')} ${DISCLOSED_STATUS_SQL}`);
      q.whereRaw(`(${col('publicity_end')} IS NULL OR ${col('publicity_end')} >= ?::date)`, [filter.disclosedOn]);
    }
    if (filter.disclosureClasses) {
      // The catalogue item's disclosure attribute, copied onto the record by the database (migration
      // 20261130000200) and included in the partial indexes of the public's view.
      const { disclosureClasses: classes, ownSubjects = [], ownSubjectClasses = [] } = filter;
      q.where((w) => {
        w.whereIn(col('disclosure'), classes);
        if (ownSubjects.length && ownSubjectClasses.length) {
          w.orWhere((own) => own.whereIn(col('subject_uscc'), ownSubjects).whereIn(col('disclosure'), ownSubjectClasses));
        }
      });
    }
    return q;
  }

  /** Base query of the directory on organisations aliased `o`, with the filter applied. */
  private organisations(filter: OrganisationFilter): Knex.QueryBuilder {
    const q = this.knex('organisations as o');
    if (filter.kinds?.length) q.whereIn('o.kind', filter.kinds);
    if (filter.districts?.length) q.whereIn('o.district_code', filter.districts);
    if (filter.parents?.length) q.whereIn('o.parent_uscc', filter.parents);
    if (filter.level) {
      const cityAreas = this.knex('districts').select('code').where('area_type', 'CITY');
      if (filter.level === 'CITY') q.whereIn('o.district_code', cityAreas);
      else q.whereNotIn('o.district_code', cityAreas);
    }
    return q;
  }

  private whereOwners(q: Knex.QueryBuilder, owners: readonly RecordOwner[]): void {
    const usccs = owners.flatMap((o) => (o.type === 'subject' ? [o.uscc] : []));
    const ids = owners.flatMap((o) => (o.type === 'civilServant' ? [o.id] : []));
    q.where((w) => {
      if (usccs.length) w.orWhereIn('r.subject_uscc', usccs);
      if (ids.length) w.orWhereIn('r.civil_servant_id', ids);
    });
  }

  private whereAfter(q: Knex.QueryBuilder, page: PageRequest): void {
    if (!page.after) return;
    q.whereRaw('(r.decision_date, r.id) < (?::date, ?::bigint)', [page.after.decisionDate, page.after.id]);
  }
}
