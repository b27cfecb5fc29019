import type { packageZh } from '../zh/package.js';

export const packageEn: Record<keyof typeof packageZh, string> = {
  'package.not-approved': '{{period}} is {{status, label:periodStatus}}: a settlement package is written only for an approved (closed) month',
  'package.no-statements': '{{period}} has no approved statement to package',
  'package.file-not-found': 'no package file {{file}}',
  'package.not-json': '{{file}} is not a settlement package (not readable as JSON)',
  'package.bad-format': 'not a settlement package: {{path}} does not have the package format',
  'package.body-hash': 'the {{period}} package does not match its hash: the file was changed after it was signed',
  'package.statement-hash': 'the content of distributor {{distributor}} statement v{{version}} does not match its hash',
  'package.open-items-differ': 'distributor {{distributor}}: the statement closes receivables at {{closing, yuan}} but the open items sent with it add up to {{open, yuan}}',
  'package.sender-key': 'the package names a sender key other than the one it is signed with ({{keyId}})',
  'package.unknown-key': 'signing key {{keyId}}… is not registered: register the public key the distributor book exported first',
  'package.key-mismatch': 'the registered public key does not match key id {{keyId}}…',
  'package.bad-signature': 'the signature does not verify (key {{keyId}}…): the package was not signed by that book, or was changed after it was signed',
  'package.not-this-book': 'distributor {{distributor}} statement v{{version}} is not the version this book froze',
  'package.written': 'wrote the {{period}} settlement package (edition {{edition}}, {{statements}} statements): {{file}}, content hash {{sha256}}',
  'package.key-written': 'exported this book\'s public signing key {{keyId}}: {{file}} (the head office registers it once)',
  'package.verified': 'the package is sound: {{period}} edition {{edition}}, signature and hashes hold',
  'package.credits-cleared': 'the manufacturer credits cleared {{claims}} fee claims, {{amount, yuan}} in all',
} as const;
