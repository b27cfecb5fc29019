// The first step of `npm test`: in a second, either everything the tests need is here, or one line says exactly
// what to install (the list is scripts/test-requirements.mjs). `--apt-packages` prints the Debian packages of that
// list instead, for .ci/run to install.
import { NODE_REQUIREMENTS, REQUIREMENTS } from './test-requirements.mjs';

if (process.argv.includes('--apt-packages')) {
  console.log(REQUIREMENTS.map((r) => r.apt).join(' '));
  process.exit(0);
}

const node = NODE_REQUIREMENTS.filter((r) => !r.found());
if (node.length) {
  console.error(`npm test cannot start: ${node.map((r) => `${r.name} is missing — ${r.fix}`).join('; ')}`);
  process.exit(1);
}

const missing = REQUIREMENTS.filter((r) => !r.found());
if (missing.length) {
  const apt = missing.map((r) => r.apt).join(' ');
  const elsewhere = missing.map((r) => `${r.name}: ${r.hint}`).join('; ');
  console.error(`npm test needs ${missing.map((r) => r.name).join(', ')} — on Debian or Ubuntu: sudo apt-get install -y ${apt} (elsewhere — ${elsewhere}; what each is for: scripts/test-requirements.mjs)`);
  process.exit(1);
}
