import { runCalendarAddCli } from './runCalendarAddCli.js';

// `npm run calendar:add -- --year 2027 --file notice.json [--write-file]`; see runCalendarAddCli.
process.exitCode = await runCalendarAddCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
