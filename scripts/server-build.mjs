// The production build of the server: server/src/main.ts and the workspace code it imports (shared/)
// bundled by esbuild into one plain-JavaScript file, server/dist/main.mjs, run by plain node.
// Why: running TypeScript through tsx costs ~45 MiB of resident memory for as long as the server
// runs (tsx's module loader lives in a thread of its own, with a V8 heap of its own, and keeps the
// transpiled sources and their source maps): measured 150 MiB idle under tsx, 100 MiB bundled.
// Packages stay external: node loads them from server/node_modules, as it does under tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = join(ROOT, 'server/dist/main.mjs');
const BUNDLE_DIR = dirname(SERVER_BUNDLE);

/** esbuild as tsx has it: tsx is a dependency of the server and runs on esbuild. */
function loadEsbuild() {
  const tsx = createRequire(join(ROOT, 'server/package.json')).resolve('tsx/package.json');
  return createRequire(tsx)('esbuild');
}

/** Bare imports (packages, node: builtins) stay imports, except the workspace's TypeScript ones. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.startsWith('@torch/') ? undefined : { path, external: true },
    );
  },
};

/**
 * Each module keeps its own import.meta.url (the URL of its source file, relative to the bundle):
 * paths such as the migrations folder (db/migrate.ts) and the dashboard build (app.ts) are written
 * relative to the file that names them.
 */
const sourceImportMetaUrl = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(BUNDLE_DIR, path).split(sep).join('/');
      return {
        loader: 'ts',
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        ),
      };
    });
  },
};

/** Replaces a file only when its content changed, by a rename: a process starting meanwhile reads
 * the old file or the new one, never half of one. */
function writeIfChanged(path, contents) {
  if (existsSync(path) && Buffer.from(contents).equals(readFileSync(path))) return;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Builds server/dist/main.mjs from the current sources (a few hundred milliseconds). */
export async function buildServer() {
  const esbuild = loadEsbuild();
  const result = await esbuild
    .build({
      absWorkingDir: ROOT,
      entryPoints: ['server/src/main.ts'],
      outfile: SERVER_BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Readable stack traces without source maps: names and code as written.
      minify: false,
      banner: { js: '// Built by scripts/server-build.mjs from server/src: do not edit.' },
      plugins: [externalPackages, sourceImportMetaUrl],
      write: false,
      logLevel: 'warning',
    })
    // esbuild's service process would otherwise live as long as the process that built.
    .finally(() => esbuild.stop());
  for (const file of result.outputFiles) writeIfChanged(file.path, file.contents);
  return SERVER_BUNDLE;
}
