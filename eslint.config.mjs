import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

// The layers, each importing only the ones below it (README, "How the code is laid out"):
//   app/, proxy.ts  →  components/  →  lib/server/, lib/api/  →  db/  →  lib/ (the rest)  →  lib/domain/
// scripts/ and tests/ may import anything. Each entry names a layer's folder by an import's specifier,
// written with the @/ alias or climbing out with ../ (cycles inside a layer are madge's, in `npm run lint`).
const layerRules = 'each layer imports only the ones below it: app → components → lib/server, lib/api → db → lib → lib/domain';
const above = {
  app: { regex: '^(@/|(\\.\\./)+)app(/|$)', message: `app/ is the top layer: nothing imports it (${layerRules}).` },
  components: { regex: '^(@/|(\\.\\./)+)components(/|$)', message: `components/ is imported by app/ only (${layerRules}).` },
  services: {
    regex: '^(@/lib/|(\\.\\./)+(lib/)?|\\./)(server|api)(/|$)',
    message: `lib/server/ and lib/api/ are services over the data layer: only app/ and components/ import them (${layerRules}).`,
  },
  db: { regex: '^(@/|(\\.\\./)+)db(/|$)', message: `db/ is the data layer: lib/ and lib/domain/ sit below it and do not import it (${layerRules}).` },
};

/** An error for an import of any of `layers` (one rule per file: a later block's options would replace an earlier's). */
function mayNotImport(layers) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns: layers }] };
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  // `const { secret, ...rest } = value` is how an object drops a field; the dropped name is not "unused".
  { rules: { '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }] } },
  // Components render what db/ returns, so they may name its types (import type); only pages and services call it.
  {
    files: ['components/**'],
    rules: mayNotImport([
      above.app,
      {
        ...above.db,
        allowTypeImports: true,
        message: `components/ may name db/'s types (import type) but not call it: pages and services fetch the data (${layerRules}).`,
      },
    ]),
  },
  { files: ['lib/server/**', 'lib/api/**'], rules: mayNotImport([above.app, above.components]) },
  { files: ['db/**'], rules: mayNotImport([above.app, above.components, above.services]) },
  { files: ['lib/**'], ignores: ['lib/server/**', 'lib/api/**', 'lib/domain/**'], rules: mayNotImport([above.app, above.components, above.services, above.db]) },
  {
    files: ['lib/domain/**'],
    rules: mayNotImport([
      {
        regex: '^(@/(?!lib/domain/)|\\.\\./)',
        message: 'lib/domain/ is the bottom layer: it imports only lib/domain/ (the layers: app → components → lib/server, lib/api → db → lib → lib/domain).',
      },
      {
        regex: '^(zod|server-only|next|next-auth|react|drizzle-orm|postgres|node:.*)(/|$)',
        message: 'lib/domain/ loads no zod and nothing of the server, so any code (client components too) can import it.',
      },
    ]),
  },
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
