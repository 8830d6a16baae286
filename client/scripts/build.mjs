// Bundles the extension and the language server (with the engine and TypeScript) with
// esbuild, and copies what they read at run time: TypeScript's lib .d.ts files (next to the
// server bundle, where the bundled compiler looks for them) and the config JSON Schema.
// Output: client/dist/{extension.js,server.js,lib.*.d.ts}, client/schema/. Run: npm run build -w client
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const client = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(client, '..');
const dist = path.join(client, 'dist');
const require = createRequire(import.meta.url);

// The engine is bundled from its TypeScript sources, so no separate core build is needed.
const coreFromSource = {
  name: 'core-from-source',
  setup(build) {
    build.onResolve({ filter: /^@phi-guard\/core(\/dist\/src\/.*)?$/ }, (args) => {
      const sub = args.path.replace(/^@phi-guard\/core(\/dist\/src\/)?/, '');
      return { path: path.join(repo, 'core/src', `${sub || 'index'}.ts`) };
    });
  },
};

fs.rmSync(dist, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
await esbuild.build({ ...common, entryPoints: [path.join(client, 'src/extension.ts')], outfile: path.join(dist, 'extension.js'), external: ['vscode'] });
await esbuild.build({ ...common, entryPoints: [path.join(repo, 'server/src/server.ts')], outfile: path.join(dist, 'server.js'), plugins: [coreFromSource] });

const tsLib = path.dirname(require.resolve('typescript'));
for (const file of fs.readdirSync(tsLib)) if (/^lib\..*\.d\.ts$/.test(file)) fs.copyFileSync(path.join(tsLib, file), path.join(dist, file));
fs.mkdirSync(path.join(client, 'schema'), { recursive: true });
fs.copyFileSync(path.join(repo, 'core/schema/phi-guard.config.schema.json'), path.join(client, 'schema/phi-guard.config.schema.json'));

const size = (f) => `${(fs.statSync(path.join(dist, f)).size / 1024 / 1024).toFixed(1)} MB`;
console.log(`client/dist: extension.js ${size('extension.js')}, server.js ${size('server.js')}; schema copied`);
