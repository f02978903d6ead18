import { runIngestCli } from './runIngestCli.js';

// `npm run ingest -- --file rows.csv|rows.json --source-unit USCC`; see runIngestCli.
process.exitCode = await runIngestCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
