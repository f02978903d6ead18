import { readFileSync } from 'node:fs';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

describe('generated operation types', () => {
  it('test/__generated__/operations.ts is up to date (run `npm run codegen`)', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const previous = process.cwd();
    process.chdir(root); // codegen.yml's paths are relative to the project root
    try {
      const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
      const outputs = (await generate({ ...config, cwd: root, silent: true }, false)) as { filename: string; content: string }[];
      const output = outputs.find((o) => o.filename.endsWith('test/__generated__/operations.ts'));
      expect(output).toBeDefined();
      expect(readFileSync(new URL('../__generated__/operations.ts', import.meta.url), 'utf8')).toBe(output!.content);
    } finally {
      process.chdir(previous);
    }
  });
});
