import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * `npm start`: the desktop app when Electron's binary is installed; otherwise
 * the same interface in the browser (replay, practice calls, workbench,
 * history), so that the README's run command works on any machine.
 */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(__filename)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): void {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (electronBinary()) {
  run(npx, ['electron-vite', 'preview']);
} else {
  console.log(
    'Electron is not installed on this machine, so Steady opens in your browser instead.\n' +
      'For the desktop app, fetch Electron once with a network connection: npx install-electron\n',
  );
  run(npx, ['vite', '--config', 'vite.web.config.ts', '--open']);
}
