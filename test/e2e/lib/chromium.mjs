// Debian's Chromium driven by playwright-core. No browser is ever downloaded: the project installs Debian's
// `chromium` package (apt) when /usr/bin/chromium is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sh } from '../install.mjs';

export const CHROMIUM = process.env.AFAS_E2E_CHROMIUM || '/usr/bin/chromium';

export async function ensureChromium() {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	console.log('• installing Debian chromium (apt-get)');
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const run = (args) =>
		sudo.length ? sh('sudo', args, { label: 'apt' }) : sh(args[0], args.slice(1), { label: 'apt' });
	await run(['apt-get', 'update']);
	await run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
	if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
	return CHROMIUM;
}

/**
 * Launches headless Chromium with a fresh profile directory (Playwright takes it as launchPersistentContext's
 * userDataDir and passes --user-data-dir itself); returns { context, close }.
 */
export async function launchChromium({ viewport = { width: 1440, height: 900 } } = {}) {
	await ensureChromium();
	const { chromium } = await import('playwright-core');
	const profile = mkdtempSync(join(tmpdir(), 'afas-e2e-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	return {
		context,
		close: async () => {
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
