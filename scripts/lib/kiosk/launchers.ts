/**
 * The files a hall's staff touch in a 查阅点 package: the launchers (`启动查阅点.bat` and
 * `停止查阅点.bat` on Windows, `start-kiosk.sh` and `stop-kiosk.sh` on Linux) and `使用说明.txt`.
 * The launchers only find the package's Node and a browser and call `app/kiosk.mjs`
 * (scripts/lib/kiosk/terminal.ts), which does the work the same way on both systems.
 */
export type Platform = 'win-x64' | 'linux-x64';
export const PLATFORMS: readonly Platform[] = ['win-x64', 'linux-x64'];

/**
 * Chromium-family flags for an unattended full-screen terminal: no first-run or default-browser
 * screens, no translation prompt, no error or crash-restore dialogs, no history kept (incognito in
 * Chrome and Chromium, InPrivate in Edge; each ignores the other's flag), no swipe-back or
 * pinch-zoom out of the page, nothing fetched in the background. Chromium on Linux speaks (语音阅读,
 * the Web Speech API) only through the system's speech-dispatcher and only with
 * `--enable-speech-dispatcher`; Windows browsers ignore the flag and use the system's voices.
 */
export const BROWSER_FLAGS = [
  '--kiosk',
  '--edge-kiosk-type=fullscreen',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-translate',
  '--disable-features=Translate',
  '--noerrdialogs',
  '--disable-session-crashed-bubble',
  '--hide-crash-restore-bubble',
  '--disable-infobars',
  '--incognito',
  '--inprivate',
  '--overscroll-history-navigation=0',
  '--disable-pinch',
  '--disable-background-networking',
  '--disable-sync',
  '--enable-speech-dispatcher',
] as const;

/** Where the running instance records itself; one per user, shared by every copy of the package. */
const WINDOWS_RUN_DIR = '%LOCALAPPDATA%\\zwgk-kiosk';
const LINUX_RUN_DIR = '${XDG_RUNTIME_DIR:-/tmp}/zwgk-kiosk-$(id -u)';

/** Windows reads batch files line by line with CRLF; Notepad wants a BOM to take text as UTF-8. */
export const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

const WINDOWS_BROWSERS = [
  '%ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe',
  '%ProgramFiles%\\Microsoft\\Edge\\Application\\msedge.exe',
  '%LOCALAPPDATA%\\Microsoft\\Edge\\Application\\msedge.exe',
  '%ProgramFiles%\\Google\\Chrome\\Application\\chrome.exe',
  '%ProgramFiles(x86)%\\Google\\Chrome\\Application\\chrome.exe',
  '%LOCALAPPDATA%\\Google\\Chrome\\Application\\chrome.exe',
];
const LINUX_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/**
 * 启动查阅点.bat. ASCII only: cmd.exe reads a batch file in the console's code page (936 on
 * Chinese Windows), so Chinese text here would be garbled. The package folder (`%~dp0`, which may
 * hold Chinese and spaces) is only ever used inside double quotes; Node prints the messages.
 */
export function windowsLauncher(settings: { port: number; idle: number }): string {
  return crlf(`@echo off
rem Starts this kiosk package: checks its files, stops an older copy that is running,
rem serves site\\ on 127.0.0.1 with no window, and keeps Edge (or Chrome) open in kiosk mode on it.
rem Set KIOSK_RUN_DIR to keep the run folder elsewhere. See the text file next to this one.
setlocal
set "KIOSK_HOME=%~dp0"
if not defined KIOSK_RUN_DIR set "KIOSK_RUN_DIR=${WINDOWS_RUN_DIR}"
if not exist "%KIOSK_HOME%app\\node.exe" goto broken
set "KIOSK_BROWSER="
for %%B in (${WINDOWS_BROWSERS.map((b) => `"${b}"`).join(' ')}) do if not defined KIOSK_BROWSER if exist "%%~B" set "KIOSK_BROWSER=%%~B"
"%KIOSK_HOME%app\\node.exe" "%KIOSK_HOME%app\\kiosk.mjs" start --run-dir "%KIOSK_RUN_DIR%" --port ${settings.port} --idle ${settings.idle} --browser "%KIOSK_BROWSER%" -- ${BROWSER_FLAGS.join(' ')}
if errorlevel 1 pause
exit /b
:broken
echo app\\node.exe is missing: copy the whole folder again from the original zip file.
pause
`);
}

/** 停止查阅点.bat: stops the running kiosk (server and browser), whichever copy started it. */
export function windowsStopper(): string {
  return crlf(`@echo off
rem Stops the running kiosk (its server and browser), whichever copy of the package started it.
setlocal
if not defined KIOSK_RUN_DIR set "KIOSK_RUN_DIR=${WINDOWS_RUN_DIR}"
"%~dp0app\\node.exe" "%~dp0app\\kiosk.mjs" stop --run-dir "%KIOSK_RUN_DIR%"
pause
`);
}

/**
 * start-kiosk.sh; `--server-only` starts the server without a browser (for a terminal whose
 * browser is started some other way, and for tests). Needs nothing but sh and id.
 */
export function linuxLauncher(settings: { port: number; idle: number }): string {
  return `#!/bin/sh
# Starts this kiosk package: checks its files, stops an older copy that is running, serves site/
# on 127.0.0.1 in the background, and keeps Chromium (or Chrome, Edge) open in kiosk mode on it.
#   sh start-kiosk.sh                 server and browser
#   sh start-kiosk.sh --server-only   server only; prints its address
# Set KIOSK_RUN_DIR to keep the run folder elsewhere. See 使用说明.txt.
case "$0" in */*) KIOSK_HOME=\${0%/*} ;; *) KIOSK_HOME=. ;; esac
KIOSK_HOME=$(cd "$KIOSK_HOME" && pwd) || exit 1
KIOSK_RUN_DIR=\${KIOSK_RUN_DIR:-${LINUX_RUN_DIR}}
NODE="$KIOSK_HOME/app/node"
[ -x "$NODE" ] || chmod +x "$NODE" 2>/dev/null
if [ "\${1:-}" = "--server-only" ]; then
  exec "$NODE" "$KIOSK_HOME/app/kiosk.mjs" start --run-dir "$KIOSK_RUN_DIR" --port ${settings.port} --idle ${settings.idle} --server-only
fi
KIOSK_BROWSER=
for b in ${LINUX_BROWSERS.join(' ')}; do
  if command -v "$b" >/dev/null 2>&1; then KIOSK_BROWSER=$(command -v "$b"); break; fi
done
exec "$NODE" "$KIOSK_HOME/app/kiosk.mjs" start --run-dir "$KIOSK_RUN_DIR" --port ${settings.port} --idle ${settings.idle} --browser "$KIOSK_BROWSER" -- ${BROWSER_FLAGS.join(' ')}
`;
}

/** stop-kiosk.sh */
export function linuxStopper(): string {
  return `#!/bin/sh
# Stops the running kiosk (its server and browser), whichever copy of the package started it.
case "$0" in */*) KIOSK_HOME=\${0%/*} ;; *) KIOSK_HOME=. ;; esac
KIOSK_RUN_DIR=\${KIOSK_RUN_DIR:-${LINUX_RUN_DIR}}
exec "$KIOSK_HOME/app/node" "$KIOSK_HOME/app/kiosk.mjs" stop --run-dir "$KIOSK_RUN_DIR"
`;
}

export interface PackageDocument {
  title: string;
  docNumber?: string;
  publishedAt?: string;
}

/** Windows marks files from a downloaded zip and asks before running them. */
const UNBLOCK = `  压缩包来自网络时，请先右键压缩包 →“属性”→ 勾选“解除锁定”再解压，否则双击时 Windows 会提示
  “已保护你的电脑”（也可点“更多信息”→“仍要运行”）。
`;

/** 使用说明.txt, in plain Chinese for the staff of the hall. */
export function instructions(info: {
  platform: Platform;
  siteName: string;
  buildDate: string;
  nodeVersion: string;
  idle: number;
  port: number;
  documents: PackageDocument[];
}): string {
  const win = info.platform === 'win-x64';
  const start = win ? '启动查阅点.bat' : 'start-kiosk.sh';
  const stop = win ? '停止查阅点.bat' : 'stop-kiosk.sh';
  const run = win ? WINDOWS_RUN_DIR : '/tmp/zwgk-kiosk-<用户编号>（设置了 XDG_RUNTIME_DIR 时在该目录下）';
  const browser = win ? 'Microsoft Edge（Windows 10、11 自带）或 Google Chrome' : 'Chromium、Google Chrome 或 Microsoft Edge';
  const documents = info.documents.map(
    (d) => `  · ${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}${d.publishedAt ? `，${d.publishedAt} 发布` : ''}`,
  );
  const text = `${info.siteName} 查阅点使用说明

本文件夹是一个完整的查阅点：网站、运行程序和启动文件都在里面。
不需要安装任何软件，不需要联网。电脑上只需要有 ${browser}。

网站生成日期：${info.buildDate}
收录的文件：
${documents.join('\n')}

一、安装
  解压压缩包（或拿到已解压的文件夹），把整个文件夹复制到查阅点电脑上（例如 ${win ? 'D:\\查阅点\\' : '/opt/查阅点/'}）。
  不要只复制其中的部分文件，也不要修改里面的任何文件：启动时会逐一核对，
  文件缺少或被改动时查阅点会拒绝启动并在屏幕上说明原因。
${win ? UNBLOCK : ''}
二、启动
  双击 ${start}${win ? '' : '（或在终端中运行 sh start-kiosk.sh）'}。
  几秒钟后浏览器全屏打开网站。浏览器被关闭后会自动重新打开。
  读者 ${info.idle} 秒没有操作时，页面回到首页，并清除字号、对比度等阅读设置和搜索内容。
  ${win ? '开机自动启动：按 Win+R，输入 shell:startup 回车，把“启动查阅点.bat”的快捷方式放进打开的文件夹。' : '开机自动启动：在桌面环境的“开机启动程序”中添加 start-kiosk.sh。'}

三、更新
  收到新版文件夹后，把它复制到电脑上（可以和旧版放在一起），双击新版里的 ${start}。
  它会自动关闭正在运行的旧版，再启动新版。确认新版正常后，删除旧版文件夹${win ? '，并把开机启动的快捷方式改为新版' : ''}。

四、停止
  ${win ? '按 Alt+Tab 或 Windows 键切换到本文件夹' : '切换到本文件夹'}，双击 ${stop}。
  浏览器和后台程序都会关闭。

五、屏幕空白或打不开时
  1. 等待 10 秒：第一次启动时核对文件需要一点时间。
  2. 屏幕显示“查阅点文件不完整或已被改动”：从原始压缩包重新复制整个文件夹，再启动。
  3. 提示“找不到浏览器”：请安装 ${browser}。
  4. 仍然空白：双击 ${stop}，再双击 ${start}；还不行就重启电脑。
  5. 需要联系技术人员时，请提供运行目录（见下方技术说明）中的 kiosk.log
     （只记录程序错误，不记录读者查看或搜索的内容）。

技术说明（供技术人员参考）
  · 网站只在本机地址 127.0.0.1 上提供，端口 ${info.port}（被占用时自动改用下一个空闲端口），
    局域网内其他电脑访问不到；不需要也不使用网络。
  · 运行程序是 Node.js ${info.nodeVersion}（npm 上的官方二进制包，许可证见 app${win ? '\\' : '/'}LICENSE-node.txt）。
  · manifest.sha256 列出每个文件的 SHA-256 校验值${win ? '' : '，可用 sha256sum -c manifest.sha256 核对'}。
  · 运行目录 ${run}：记录正在运行的查阅点，更新和停止靠它找到旧版；可用环境变量 KIOSK_RUN_DIR 改变。
`;
  return win ? `\uFEFF${crlf(text)}` : text;
}
