// Builds the node package and produces exactly what a user installs: the `npm pack` tarball, unpacked.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, REPO_DIR, sh } from '../install.mjs';

/**
 * `npm run build` + `npm pack` in the repository, then unpack into test/e2e/.cache/pack/node_modules/n8n-nodes-afas/.
 * Set AFAS_E2E_SKIP_BUILD=1 to reuse an existing dist/ (e.g. right after CI's own build), AFAS_E2E_REPO=<dir> to
 * pack another checkout of the package.
 * Returns { dir, tarball, version, files }.
 */
export async function packNodePackage({ quiet = false } = {}) {
	const repo = process.env.AFAS_E2E_REPO || REPO_DIR;
	if (process.env.AFAS_E2E_SKIP_BUILD !== '1') {
		// `npm run demo` may be the very first command on a fresh clone: the build needs the dev dependencies.
		if (!existsSync(join(repo, 'node_modules', '.bin', 'tsc'))) {
			if (!quiet)
				console.log("• installing the package's dev dependencies (npm ci, first run only)");
			await sh('npm', ['ci', '--no-audit', '--no-fund'], {
				cwd: repo,
				label: 'npm ci',
				quiet: true,
			});
		}
		if (!quiet) console.log('• building the node package (npm run build)');
		await sh('npm', ['run', 'build'], { cwd: repo, label: 'build', quiet: true });
	}
	const packDir = join(CACHE_DIR, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	mkdirSync(packDir, { recursive: true });
	const out = await sh('npm', ['pack', '--json', '--pack-destination', packDir], {
		cwd: repo,
		label: 'pack',
		quiet: true,
	});
	const info = JSON.parse(out.slice(out.indexOf('[')))[0];
	const tarball = join(packDir, info.filename);
	// Under a node_modules folder so the repository's eslint, tsc and jest globs never pick up the built files.
	const dir = join(packDir, 'node_modules', 'n8n-nodes-afas');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	await sh('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], {
		label: 'unpack',
		quiet: true,
	});
	const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	if (!quiet) {
		console.log(
			`• packed ${info.filename} (${info.entryCount} files), installed as ${manifest.name}`,
		);
	}
	return { dir, tarball, version: manifest.version, files: info.entryCount, manifest };
}
