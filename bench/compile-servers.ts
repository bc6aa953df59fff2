import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The floor and PostGraphile servers run on plain `node`, not through a TypeScript loader, so
 * their memory figures carry no transpiler. Each is a single self-contained file; this
 * transpiles them to CommonJS under bench/out/servers (type-checking is `npm run typecheck`'s).
 */

export const SERVER_SOURCES = ['floor-server.ts', 'postgraphile-server.ts'] as const;
export type ServerSource = (typeof SERVER_SOURCES)[number];

export function compileServers(outDir: string): Record<ServerSource, string> {
  const target = path.join(outDir, 'servers');
  fs.mkdirSync(target, { recursive: true });
  // Plain .js files here are CommonJS whatever the root package.json says.
  fs.writeFileSync(path.join(target, 'package.json'), '{ "type": "commonjs" }\n');
  const compiled = {} as Record<ServerSource, string>;
  for (const source of SERVER_SOURCES) {
    const input = path.join(process.cwd(), 'bench', source);
    const { outputText } = ts.transpileModule(fs.readFileSync(input, 'utf8'), {
      fileName: input,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        sourceMap: false,
      },
    });
    const output = path.join(target, source.replace(/\.ts$/, '.js'));
    fs.writeFileSync(output, outputText);
    compiled[source] = output;
  }
  return compiled;
}
