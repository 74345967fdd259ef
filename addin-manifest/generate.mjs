#!/usr/bin/env node
// Writes the Outlook add-in manifest for one deployment: every URL points at --base-url.
//   node addin-manifest/generate.mjs --base-url https://mailassist.kommune.no --client-id <GUID> [--shared-mailboxes] [--out FILE]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'client-id': { type: 'string', default: '00000000-0000-0000-0000-000000000000' },
    'addin-id': { type: 'string', default: '774f7e7a-ba51-4fad-b312-583681616b5d' },
    'shared-mailboxes': { type: 'boolean', default: false },
    out: { type: 'string', default: join(here, 'out', 'manifest.xml') },
  },
});

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(2);
}

if (!values['base-url']) fail('--base-url is required, e.g. --base-url https://mailassist.kommune.no');
let base;
try {
  base = new URL(values['base-url']);
} catch {
  fail(`--base-url is not a URL: ${values['base-url']}`);
}
if (base.protocol !== 'https:') fail('--base-url must use https: Outlook loads add-ins only over HTTPS.');
if (base.pathname !== '/' || base.search || base.hash) fail('--base-url must be an origin without a path, e.g. https://mailassist.kommune.no');
for (const name of ['client-id', 'addin-id']) if (!guid.test(values[name])) fail(`--${name} must be a GUID.`);

const replacements = {
  BASE_URL: base.origin,
  HOST: base.host,
  CLIENT_ID: values['client-id'].toLowerCase(),
  ADDIN_ID: values['addin-id'].toLowerCase(),
  // Lets the pane open in shared mailboxes such as postmottak (Mailbox 1.13); the schemas in
  // shared/office-manifest-schemas predate the element, so it is opt-in.
  SHARED_FOLDERS: values['shared-mailboxes'] ? '\n            <SupportsSharedFolders>true</SupportsSharedFolders>' : '',
};

const template = readFileSync(join(here, 'manifest.template.xml'), 'utf8');
const manifest = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key) => {
  if (!(key in replacements)) fail(`the template names an unknown placeholder {{${key}}}`);
  return replacements[key];
});

mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, manifest);
console.log(`Wrote ${values.out} for ${base.origin}`);
if (values['client-id'] === '00000000-0000-0000-0000-000000000000')
  console.log('Note: no --client-id given; single sign-on needs the client id of the API\'s Entra ID app registration.');
