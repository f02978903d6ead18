import 'reflect-metadata';
import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { buildSchema, type ResolverData } from 'type-graphql';
import { CreditDeps } from './CreditDeps.js';
import type { CreditStore } from './CreditStore.js';
import { ConnectionResolver } from './resolvers/ConnectionResolver.js';
import { CatalogItemResolver, CivilServantResolver } from './resolvers/CivilServantResolver.js';
import { CreditRecordResolver } from './resolvers/CreditRecordResolver.js';
import { CreditSubjectResolver, GovernmentBodyResolver } from './resolvers/CreditSubjectResolver.js';
import { QueryResolver } from './resolvers/QueryResolver.js';
import { DirectoryResolver, GovernmentBodyConnectionResolver, OrganisationConnectionResolver } from './resolvers/DirectoryResolver.js';
import { GovernanceFieldProgressResolver } from './resolvers/GovernanceFieldProgressResolver.js';
import { StatisticsResolver } from './resolvers/StatisticsResolver.js';
import { SubjectSearchConnectionResolver, SubjectSearchResolver } from './resolvers/SubjectSearchResolver.js';
import { loadGovernanceDirectives } from './loadGovernanceDirectives.js';
import { withDatabaseErrors } from './withDatabaseErrors.js';
import type { OrganisationRow } from './CreditStore.js';
import { Enterprise, GovernmentBody, OtherOrganisation, PublicInstitution, SocialOrganisation, subjectTypeName } from './types/CreditSubject.js';

const RESOLVERS = [
  QueryResolver, CreditSubjectResolver, GovernmentBodyResolver, CreditRecordResolver, ConnectionResolver,
  CivilServantResolver, CatalogItemResolver, DirectoryResolver, GovernmentBodyConnectionResolver, OrganisationConnectionResolver,
  StatisticsResolver, GovernanceFieldProgressResolver, SubjectSearchResolver, SubjectSearchConnectionResolver,
] as const;

/**
 * Builds the executable credit subschema over a store. Resolvers are created once per schema with the
 * store injected; per-request state lives in loaders keyed by the request's context object.
 */
export async function buildCreditSchema(store: CreditStore): Promise<GraphQLSchema> {
  const deps = new CreditDeps(withDatabaseErrors(store));
  const instances = new Map<unknown, unknown>();
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [Enterprise, GovernmentBody, PublicInstitution, SocialOrganisation, OtherOrganisation],
    validate: false,
    // @share and @personal, applied with @Directive on the types and root fields (schema/governance.graphql).
    directives: loadGovernanceDirectives(),
    container: {
      get(someClass: new (deps: CreditDeps) => unknown, _data: ResolverData<object>) {
        if (!instances.has(someClass)) instances.set(someClass, new someClass(deps));
        return instances.get(someClass);
      },
    },
  });
  // type-graphql wraps resolveType in an async function; the compiled executor (createCompiledExecutor) needs the
  // concrete type at once, and the kind of subject is known from the row.
  const subject = schema.getType('CreditSubject');
  if (isInterfaceType(subject)) subject.resolveType = (row) => subjectTypeName(row as OrganisationRow);
  return schema;
}
