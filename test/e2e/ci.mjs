// `npm run test:e2e:ci` (called by .ci/run): the real-n8n E2E as CI runs it on every submission.
//   - headless workflows on n8n 1.123.81 (always) and 2.41.1 (unless AFAS_E2E_CI_VERSIONS says otherwise)
//   - the trigger nodes with activated workflows (test/e2e/triggers.mjs) on the same versions (unless
//     AFAS_E2E_CI_TRIGGERS=0); about 5 minutes per version because n8n polls at most once a minute
//   - the Chromium editor test on n8n 1.123.81 (unless AFAS_E2E_CI_BROWSER=0)
// On a fresh machine this installs Node 24, both n8n versions and Debian's chromium first (cached in
// test/e2e/.cache/ for later runs on the same machine). Prints what ran and how long each part took.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { E2E_DIR } from './install.mjs';

const versions = process.env.AFAS_E2E_CI_VERSIONS || '1.123.81,2.41.1';
const browser = process.env.AFAS_E2E_CI_BROWSER !== '0';
const parts = [
	{ name: `headless workflows on n8n ${versions}`, script: 'run.mjs', args: ['--versions', versions] },
	...(process.env.AFAS_E2E_CI_TRIGGERS !== '0'
		? [{ name: `trigger nodes, activated workflows, on n8n ${versions} (~5 min each)`, script: 'triggers.mjs', args: ['--versions', versions] }]
		: []),
	...(browser ? [{ name: 'Chromium editor test on n8n 1.123.81', script: 'browser.mjs', args: [] }] : []),
];

function run(script, args, env) {
	return new Promise((resolvePromise) => {
		const child = spawn(process.execPath, [join(E2E_DIR, script), ...args], {
			stdio: 'inherit',
			env: { ...process.env, ...env },
		});
		child.on('close', (code) => resolvePromise(code ?? 1));
	});
}

const summary = [];
let failed = false;
for (const [index, part] of parts.entries()) {
	console.log(`\n==== E2E: ${part.name}`);
	const started = Date.now();
	// The first part builds and packs the node; the others reuse that build.
	const code = await run(part.script, part.args, index > 0 ? { AFAS_E2E_SKIP_BUILD: '1' } : {});
	const seconds = Math.round((Date.now() - started) / 1000);
	summary.push(`${code === 0 ? 'OK  ' : 'FAIL'} ${part.name} (${seconds} s)`);
	if (code !== 0) failed = true;
}
if (!browser) summary.push('skipped: Chromium editor test (AFAS_E2E_CI_BROWSER=0)');
console.log(`\n==== E2E in CI: what ran\n${summary.join('\n')}`);
process.exitCode = failed ? 1 : 0;
