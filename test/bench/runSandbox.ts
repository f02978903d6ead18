import { CONNECTED_GATEWAYS } from '../../src/hub/connectedGateways.js';

// `node --import tsx test/bench/runSandbox.ts <platform> <small|large> <token>`: one platform sandbox in a
// process of its own, so that building its fixtures, serving its JSON bodies and collecting its garbage
// are not charged to the process that measures the hub (in production the platforms are remote systems).
// Prints `{"platform","url","token"}` as one JSON line on stdout once it listens; request statistics are at
// the sandbox's admin endpoint `/__sandbox/stats`. Stops on SIGTERM, SIGINT or when stdin closes (its
// parent went away).
const [platform, size, token] = process.argv.slice(2);
const gateway = CONNECTED_GATEWAYS.find((g) => g.platform === platform);
if (!gateway || (size !== 'small' && size !== 'large') || !token) {
  console.error(`usage: runSandbox.ts <${CONNECTED_GATEWAYS.map((g) => g.platform).join('|')}> <small|large> <token>`);
  process.exit(2);
}
const sandbox = await gateway.startSandbox({ size, token });
console.log(JSON.stringify({ platform: sandbox.platform, url: sandbox.url, token: sandbox.token }));
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop).resume();
