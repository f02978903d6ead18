// The second step of `npm run build`, run compiled from the output folder after `tsc -p tsconfig.build.json`:
// `node <outDir>/src/hub/copyBuildAssets.js`, in the package root. The code reads its rule tables (JSON),
// SDL files, holiday calendars and explorer assets relative to itself (`import.meta.url`), so they are
// copied next to the compiled files, keeping the source tree's layout.
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The source folders whose non-TypeScript files the compiled code reads at run time. */
export const ASSET_FOLDERS = ['src', 'db', 'gateways', 'schema'] as const;

/** Whether a file is a run-time asset: anything but TypeScript sources and documentation. */
export function isBuildAsset(path: string): boolean {
  return !/\.(ts|md)$/.test(path);
}

/** Copies the assets of `root` into `outDir`; returns how many files were copied. */
export function copyBuildAssets(root: string, outDir: string): number {
  let copied = 0;
  for (const folder of ASSET_FOLDERS) {
    cpSync(join(root, folder), join(outDir, folder), {
      recursive: true,
      filter: (source) => {
        if (statSync(source).isDirectory()) return true;
        if (!isBuildAsset(source)) return false;
        copied += 1;
        return true;
      },
    });
  }
  return copied;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.cwd();
  const manifest = join(root, 'package.json');
  if (!existsSync(manifest) || (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name !== 'chengxin-hub') {
    console.error(`copyBuildAssets: run it in the package root (no chengxin-hub package.json in ${root})`);
    process.exit(1);
  }
  const outDir = fileURLToPath(new URL('../../', import.meta.url));
  console.log(`copied ${copyBuildAssets(root, outDir)} asset files to ${outDir}`);
}
