// Runs scripts/generate-sb-catalogue.mjs --check for catalogue.test.ts (Node built-ins are off limits in .ts).
const { execFileSync } = require('node:child_process');
const {
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
	mkdirSync,
} = require('node:fs');
const { join, resolve } = require('node:path');
const { tmpdir } = require('node:os');

const REPO = resolve(__dirname, '../../../..');
const SCRIPT = join(REPO, 'scripts/generate-sb-catalogue.mjs');
const SHARED = resolve(REPO, '../shared');
const SPEC = join(SHARED, 'afas-openapi', 'sb-6.0.0.json');

/** AFAS's spec lives next to the repository, not in it: a plain clone skips the check. */
function sharedSpecAvailable() {
	return existsSync(SPEC);
}

function run(args) {
	try {
		const stdout = execFileSync(process.execPath, [SCRIPT, ...args], {
			cwd: REPO,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return { status: 0, output: stdout };
	} catch (failure) {
		return {
			status: failure.status ?? -1,
			output: `${failure.stdout ?? ''}${failure.stderr ?? ''}`,
		};
	}
}

/** `--check` against the real spec: the committed catalogue must be current. */
function checkCommitted() {
	return run(['--check']);
}

/**
 * `--check` against a copy of the spec with one Accept-Version changed, so the check is shown to fail when the
 * spec moves on. Writes only into a temporary folder.
 */
function checkAgainstChangedSpec() {
	const dir = mkdtempSync(join(tmpdir(), 'sb-catalogue-'));
	try {
		mkdirSync(join(dir, 'afas-openapi'));
		const spec = JSON.parse(readFileSync(SPEC, 'utf8'));
		spec.paths['/api/organisations'].get.operationId = 'get_organisations_9.0';
		writeFileSync(join(dir, 'afas-openapi', 'sb-6.0.0.json'), JSON.stringify(spec));
		return run(['--check', '--shared', dir]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = { sharedSpecAvailable, checkCommitted, checkAgainstChangedSpec };
