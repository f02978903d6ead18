import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { hashDocument, type ConsumerStore } from '../../governance/index.js';

/** One GraphQL operation the dashboard page runs, exactly as the page sends it. */
export interface DashboardDocument {
  /** The operation name, which is also the file name (`page/panels/<name>.graphql`). */
  name: string;
  /** The whole file: the text the page POSTs and whose SHA-256 a trusted-documents-only consumer is held to. */
  document: string;
  /** SHA-256 hex of `document` (`hashDocument`), as the trusted-documents check computes it. */
  hash: string;
}

const PANELS_DIR = fileURLToPath(new URL('./page/panels/', import.meta.url));

let documents: readonly DashboardDocument[] | null = null;

/**
 * The dashboard page's registry of operations: every `page/panels/*.graphql`, sorted by name. Each file
 * holds exactly one named query whose name is the file name; anything else throws naming the file, at
 * start. The page sends these texts and no other (its configuration carries them), so registering them
 * with `registerDashboardDocuments` lets a DASHBOARD consumer held to trusted documents run the page's
 * operations and nothing else. Read once and cached.
 */
export function readDashboardDocuments(): readonly DashboardDocument[] {
  if (documents) return documents;
  const files = readdirSync(PANELS_DIR).filter((file) => file.endsWith('.graphql')).sort();
  documents = Object.freeze(files.map((file) => {
    const document = readFileSync(`${PANELS_DIR}${file}`, 'utf8');
    const name = file.slice(0, -'.graphql'.length);
    const definitions = parse(document).definitions;
    const [operation] = definitions;
    if (definitions.length !== 1 || operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query' || operation.name?.value !== name) {
      throw new Error(`dashboard document ${file} must hold exactly one query named ${name}`);
    }
    return Object.freeze({ name, document, hash: hashDocument(document) });
  }));
  return documents;
}

/**
 * Registers every dashboard document as a trusted document of `consumerId` (idempotent); returns their
 * hashes in name order. Throws as `registerTrustedDocument` does when the consumer is unknown or revoked.
 */
export async function registerDashboardDocuments(store: Pick<ConsumerStore, 'registerTrustedDocument'>, consumerId: string): Promise<string[]> {
  const hashes: string[] = [];
  for (const { name, document } of readDashboardDocuments()) hashes.push(await store.registerTrustedDocument(consumerId, document, name));
  return hashes;
}
