/**
 * Runs the 查阅点 program (scripts/lib/kiosk/terminal.ts) as the package's `app/kiosk.mjs` would,
 * for a package folder given first: `node terminalMain.ts HOME serve --run-dir DIR …`. Tests spawn
 * it to drive the real server process (with its own file limits) without bundling a package.
 */
import { join } from 'node:path';
import { main } from '../../../../scripts/lib/kiosk/terminal.ts';

const [home = '', ...argv] = process.argv.slice(2);
await main(argv, join(home, 'app/kiosk.mjs'));
