// What both generators share: where the repository and AFAS's specs are, and writing (or, with --check, comparing)
// the files they derive, so a stale committed output fails the check instead of drifting.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `[--shared <folder holding afas-openapi/>] [--check]`; --shared defaults to ../shared next to the repository. */
export function parseArgs(argv) {
	const args = { shared: resolve(REPO, '../shared'), check: false };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--shared') args.shared = resolve(process.cwd(), argv[++i] ?? '');
		else if (argv[i] === '--check') args.check = true;
		else throw new Error(`Unknown argument ${argv[i]}; usage: [--shared ../shared] [--check]`);
	}
	return args;
}

/**
 * Writes each [file, text] that differs from what is committed; with `check`, writes nothing, says which files are
 * up to date or out of date (with `hint`), and exits 1 when any is stale.
 */
export function writeOrCheck(outputs, { check, hint = '' }) {
	let stale = 0;
	for (const [file, text] of outputs) {
		const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
		if (current === text) {
			if (check) console.log(`up to date: ${file}`);
			continue;
		}
		if (check) {
			stale++;
			console.error(`out of date: ${file}${hint}`);
			continue;
		}
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text);
		console.log(`wrote ${file}`);
	}
	if (check && stale) process.exit(1);
}
