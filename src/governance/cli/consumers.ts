import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import { CONSUMER_KINDS, type ConsumerKind, type NewGrant } from '../ConsumerStore.js';
import { grantsForPurpose } from '../assertValidGrant.js';
import { KnexConsumerStore } from '../KnexConsumerStore.js';
import { permissionsOf } from '../roles.js';
import { runCli, UsageError, type CliResult } from './runCli.js';

// `npm run consumers -- <command> …`; database from DATABASE_URL or PGLITE_DIR; one line of JSON on stdout.

const USAGE = `usage: npm run consumers -- <command>
  create --id ID --name NAME --kind ${CONSUMER_KINDS.join('|')} --role ROLE… [--purpose P…] [--rate-limit N]
         [--subject USCC…] [--trusted-only]      (--purpose grants P the fields purposes.json lists for it;
                                                 the credit office gets its share level)
  list | revoke ID | revoke-key KEY_ID | add-key ID | add-subject ID --subject USCC…
  grant ID --purpose P --scope Type.field|Type.* [--authorisation TEXT]   (CONDITIONAL|RESTRICTED: credit office only)
  trust ID --file op.graphql [--name NAME]`;

const OPTIONS = {
  id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, role: { type: 'string', multiple: true },
  purpose: { type: 'string', multiple: true }, 'rate-limit': { type: 'string' }, subject: { type: 'string', multiple: true },
  'trusted-only': { type: 'boolean' }, scope: { type: 'string' }, authorisation: { type: 'string' }, file: { type: 'string' },
} as const;
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

const need = (value: string | undefined, option: string): string => {
  if (!value) throw new UsageError(`--${option} is required`);
  return value;
};

async function create(store: KnexConsumerStore, values: Values): Promise<CliResult> {
  const kind = need(values.kind, 'kind');
  if (!(CONSUMER_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${CONSUMER_KINDS.join(', ')}`);
  const roles = values.role ?? [];
  if (roles.length === 0) throw new UsageError('at least one --role is required');
  const rateLimit = values['rate-limit'];
  if (rateLimit !== undefined && !/^[1-9]\d*$/.test(rateLimit)) throw new UsageError(`--rate-limit must be a positive integer, got "${rateLimit}"`);
  if ((values.purpose ?? []).length > 0 && permissionsOf(roles).maxShareLevel === 'OPEN') throw new UsageError(`roles ${roles.join(', ')} read only open data; no purpose applies`);
  const grants: NewGrant[] = (values.purpose ?? []).flatMap((purpose) => grantsForPurpose(roles, purpose));
  const { consumer, apiKey } = await store.createConsumer({
    id: need(values.id, 'id'), name: need(values.name, 'name'), kind: kind as ConsumerKind, roles, grants,
    subjects: values.subject ?? [], trustedDocumentsOnly: values['trusted-only'] ?? false,
    ...(rateLimit ? { rateLimitPerMinute: Number(rateLimit) } : {}),
  });
  return { output: { command: 'create', consumer, apiKey, note: 'the key is shown only now; only its hash is stored' } };
}

async function run(store: KnexConsumerStore, command: string, target: string | undefined, values: Values): Promise<CliResult> {
  const id = (): string => {
    if (!target) throw new UsageError(`${command} needs an id`);
    return target;
  };
  switch (command) {
    case 'create': return create(store, values);
    case 'list': return { output: { command, consumers: await store.listConsumers() } };
    case 'revoke': return { output: { command, id: id(), revoked: await store.revokeConsumer(id()) } };
    case 'revoke-key': return { output: { command, keyId: id(), revoked: await store.revokeKey(id()) } };
    case 'add-key': return { output: { command, id: id(), ...(await store.addKey(id())), note: 'the key is shown only now' } };
    case 'add-subject':
      for (const uscc of values.subject ?? []) await store.addSubject(id(), uscc);
      return { output: { command, id: id(), subjects: values.subject ?? [] } };
    case 'grant': {
      const grant = { purpose: need(values.purpose?.[0], 'purpose'), scope: need(values.scope, 'scope'), authorisation: values.authorisation ?? null };
      await store.grant(id(), grant);
      return { output: { command, id: id(), grant } };
    }
    case 'trust': {
      const file = need(values.file, 'file');
      const documentHash = await store.registerTrustedDocument(id(), readFileSync(file, 'utf8'), values.name ?? basename(file));
      return { output: { command, id: id(), documentHash } };
    }
    default: throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs the command in `argv`; resolves to the exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  return runCli(USAGE, async (knex: Knex) => {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [command, target, ...rest] = parsed.positionals;
    if (!command) throw new UsageError('no command given');
    if (rest.length > 0) throw new UsageError(`unexpected "${rest.join(' ')}"`);
    return run(KnexConsumerStore.create(knex), command, target, parsed.values);
  });
}

process.exitCode = await main(process.argv.slice(2));
