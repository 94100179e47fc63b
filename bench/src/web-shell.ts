import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The signed-in shell of the built web app, from the build manifest: the entry, the layout (menu,
 * header) and everything they import statically, the language's shell messages and antd's / dayjs's
 * locale data — what every signed-in page needs before its own code (issue 11: ≤ 350 KB gzip).
 */
export function shellSize(dist: string): { files: number; gzip: number } {
  const manifest: Record<string, ManifestChunk> = JSON.parse(
    fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'),
  );
  const keys = Object.keys(manifest);
  const roots = [
    ...keys.filter((k) => manifest[k].isEntry),
    'src/app/AppLayout.tsx',
    ...keys.filter((k) => /i18n-shell-zh-CN-|antd\/locale\/zh_CN\.js$|dayjs\/locale\/zh-cn\.js$/.test(k)),
  ];
  if (roots.length !== 5 || !manifest['src/app/AppLayout.tsx']) {
    throw new Error(`shell roots not found in the manifest: ${roots.join(', ')}`);
  }
  const shell = new Set<string>();
  const visit = (k: string) => {
    if (shell.has(k)) return;
    shell.add(k);
    for (const i of manifest[k].imports ?? []) visit(i);
  };
  roots.forEach(visit);
  let gzip = 0;
  for (const k of shell) gzip += zlib.gzipSync(fs.readFileSync(path.join(dist, manifest[k].file)), { level: 9 }).length;
  return { files: shell.size, gzip };
}
