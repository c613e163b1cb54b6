/**
 * `npm run kiosk:pack -- [--platform win-x64|linux-x64] [--idle 120] [--out DIR]` (after
 * `npm run build`): a 查阅点 package that a terminal runs from a copied folder, with no install and
 * no network. Writes `DIR/查阅点-<站名>-<生成日期>-<platform>/` and a `.zip` of it (default DIR:
 * kiosk-packages/): the built site, Node for that platform (from the npm registry), the server
 * (scripts/lib/kiosk/terminal.ts bundled into one file), the launchers, 使用说明.txt and
 * manifest.sha256. Nothing is written unless the whole package was made.
 */
import {
  chmodSync,
  copyFileSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { build } from 'esbuild';
import { ZipFile } from 'yazl';
import { site } from '../site.config.mjs';
import { swapDirectory } from './lib/build/swapDirectory.ts';
import { DEFAULT_IDLE_SECONDS, MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, parseIdleSeconds } from '../src/lib/kiosk/preferences.ts';
import {
  instructions,
  linuxLauncher,
  linuxStopper,
  PLATFORMS,
  windowsLauncher,
  windowsStopper,
  type PackageDocument,
  type Platform,
} from './lib/kiosk/launchers.ts';
import { listFiles, MANIFEST_FILE, manifestText } from './lib/kiosk/manifest.ts';
import { DEFAULT_PORT, SITE_DIR } from './lib/kiosk/terminal.ts';
import { resolveAsOf } from '../src/lib/ledger/lights.ts';
import { nodeRuntime } from './lib/nodeRuntime.ts';
import { refuseUnsafeEntries } from './lib/fileTree.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const platform = (option('platform') ?? 'win-x64') as Platform;
if (!PLATFORMS.includes(platform)) fail(`--platform 只能是 / must be one of ${PLATFORMS.join(', ')}, got "${platform}"`);
const idle = parseIdleSeconds(option('idle') ?? DEFAULT_IDLE_SECONDS);
if (idle === null)
  fail(
    `--idle 需要 ${MIN_IDLE_SECONDS} 到 ${MAX_IDLE_SECONDS} 之间的整数（秒）/ --idle needs ${MIN_IDLE_SECONDS}–${MAX_IDLE_SECONDS} whole seconds`,
  );
const out = resolve(option('out') ?? join(root, 'kiosk-packages'));
if (!existsSync(join(dist, 'index.html'))) fail('找不到 dist/：请先运行 npm run build / dist/ not found: run npm run build first');
// A link in dist/ would be copied as a link, left out of the manifest, and followed by the server.
try {
  refuseUnsafeEntries(dist, 'dist');
} catch (error) {
  fail(`查阅点包未生成 / the kiosk package was not written: ${(error as Error).message}`);
}
// The package ships the Node that runs this script: the project's pinned Node, an LTS release.
const nodeVersion = process.versions.node;
if (!process.release.lts)
  fail(`Node ${nodeVersion} 不是 LTS 版本：请用 npm run kiosk:pack 运行 / is not an LTS release: run through npm run kiosk:pack`);

/** The documents of the build, from its open-data exports (`dist/data/<id>/points.json`). */
function documents(): PackageDocument[] {
  return readdirSync(join(dist, 'data'))
    .filter((id) => existsSync(join(dist, 'data', id, 'points.json')))
    .sort()
    .map((id) => (JSON.parse(readFileSync(join(dist, 'data', id, 'points.json'), 'utf8')) as { document: PackageDocument }).document);
}

/** Zips `dir` as `name/…`, keeping each file's mode (the Linux launcher and Node must stay executable). */
async function zip(dir: string, name: string, target: string): Promise<void> {
  const zipFile = new ZipFile();
  const written = finished(zipFile.outputStream.pipe(createWriteStream(target)));
  for (const file of listFiles(dir)) zipFile.addFile(join(dir, file), `${name}/${file}`);
  zipFile.end();
  await written;
}

const buildDate = resolveAsOf(undefined, statSync(join(dist, 'index.html')).mtime);
const name = `查阅点-${site.name.replace(/[\\/:*?"<>|\s]+/g, '')}-${buildDate}-${platform}`;
const staged = join(out, `.${name}.${process.pid}`);
const zipStaged = `${staged}.zip`;
const win = platform === 'win-x64';
try {
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(join(staged, 'app'), { recursive: true });
  const runtime = await nodeRuntime(platform, nodeVersion, join(root, '.tmp/kiosk-node'));
  cpSync(dist, join(staged, SITE_DIR), { recursive: true });
  await build({
    stdin: {
      contents: `import { main } from './scripts/lib/kiosk/terminal.ts';\nawait main(process.argv.slice(2), process.argv[1]);\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${nodeVersion.split('.')[0]}`,
    outfile: join(staged, 'app/kiosk.mjs'),
    banner: { js: `// 查阅点 server, bundled from scripts/lib/kiosk/terminal.ts by npm run kiosk:pack. Run by the launchers.` },
    logLevel: 'error',
  });
  copyFileSync(runtime.binary, join(staged, 'app', win ? 'node.exe' : 'node'));
  copyFileSync(runtime.license, join(staged, 'app/LICENSE-node.txt'));
  const settings = { port: DEFAULT_PORT, idle };
  if (win) {
    writeFileSync(join(staged, '启动查阅点.bat'), windowsLauncher(settings));
    writeFileSync(join(staged, '停止查阅点.bat'), windowsStopper());
  } else {
    writeFileSync(join(staged, 'start-kiosk.sh'), linuxLauncher(settings));
    writeFileSync(join(staged, 'stop-kiosk.sh'), linuxStopper());
    for (const file of ['start-kiosk.sh', 'stop-kiosk.sh', 'app/node']) chmodSync(join(staged, file), 0o755);
  }
  writeFileSync(
    join(staged, '使用说明.txt'),
    instructions({ platform, siteName: site.name, buildDate, nodeVersion, idle, port: DEFAULT_PORT, documents: documents() }),
  );
  writeFileSync(join(staged, MANIFEST_FILE), manifestText(staged));
  await zip(staged, name, zipStaged);
  swapDirectory(staged, join(out, name));
  renameSync(zipStaged, join(out, `${name}.zip`));
} catch (error) {
  rmSync(staged, { recursive: true, force: true });
  rmSync(zipStaged, { force: true });
  fail(`查阅点包未生成 / the kiosk package was not written: ${(error as Error).message}`);
}

const folderBytes = listFiles(join(out, name)).reduce((sum, file) => sum + statSync(join(out, name, file)).size, 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`查阅点包已生成 / kiosk package written:
  ${join(out, name)}/  (${mb(folderBytes)})
  ${join(out, name)}.zip  (${mb(statSync(join(out, `${name}.zip`)).size)})`);
