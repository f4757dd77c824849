import { build } from 'esbuild';

// Our workspace packages (@pm/*) are TypeScript sources: bundle them. npm packages stay external.
await build({
  // The workers that read uploaded workbooks and plan documents are loaded by file name, beside
  // main.js and cli.js.
  entryPoints: {
    main: 'src/main.ts',
    cli: 'src/cli.ts',
    'workbook-worker': '../../packages/api/src/values/workbook-worker.ts',
    'document-worker': '../../packages/api/src/plans/document-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@pm/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
