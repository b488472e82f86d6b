// `npm run test:e2e:browser`: the AFAS credentials and node in n8n's real editor, in headless Chromium.
// `n8n start` with the packed package installed, the owner set up over REST, then (screenshots of every step in
// test/e2e/artifacts/<n8n version>/):
//   1. AFAS Profit API: fields show/hide with Environment and Auth Type, save -> "Connection tested successfully"
//      (token, then OAuth client credentials)
//   2. AFAS SB API: Server custom/AFAS, Token, save -> "Connection tested successfully"
//   3. AFAS SB OAuth2 API: "Connect my account" through the simulator's consent page -> "Account connected"; what
//      n8n's PKCE grant sent to the token endpoint is read from the simulator's log
//   4. A workflow with the AFAS node: the GetConnector list and the field list load from the simulator; run the node
//   5. An AFAS node on UpdateConnector → Insert, KnOrganisation: the Fields resource mapper loads the connector's
//      fields from /metainfo/update/KnOrganisation, mandatory ones marked, optional ones offered to add
//
//   node test/e2e/browser.mjs [--versions 1.123.81,2.41.1]     (default 1.123.81)
// Uses Debian's chromium (installed with apt-get when missing); never downloads a browser.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
	HOMES_DIR,
	DEFAULT_N8N_VERSION,
	E2E_DIR,
	ensureE2eDeps,
	ensureN8n,
	installedN8nVersion,
} from './install.mjs';
import { ensureChromium, launchChromium } from './lib/chromium.mjs';
import { N8nInstance } from './lib/n8n.mjs';
import { packNodePackage } from './lib/package.mjs';
import { simulatorCredentials, startSimulator } from './lib/simulator.mjs';

const ARTIFACTS = join(E2E_DIR, 'artifacts');
const TIMEOUT_MS = 20_000;

function parseVersions(argv) {
	const i = argv.indexOf('--versions');
	const raw = i >= 0 ? argv[i + 1] : process.env.AFAS_E2E_BROWSER_VERSIONS || DEFAULT_N8N_VERSION;
	return raw
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

/** Page helpers bound to one page and one screenshot folder. */
function ui(page, shotDir, baseUrl) {
	let shot = 0;
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	const field = (name) => modal.locator(`[data-test-id="parameter-input-${name}"]`);
	return {
		modal,
		field,
		baseUrl,
		shotDir,
		async screenshot(name) {
			shot += 1;
			const file = join(shotDir, `${String(shot).padStart(2, '0')}-${name}.png`);
			await page.waitForTimeout(400); // let dropdown and toast animations settle so the picture is readable
			await page.screenshot({ path: file });
			return file;
		},
		async choose(name, optionText) {
			await field(name).click();
			// An option's text is its name followed by its description.
			const escaped = optionText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			await page
				.getByRole('option')
				.filter({ hasText: new RegExp(`^\\s*${escaped}`) })
				.first()
				.click();
		},
		async fill(name, value) {
			await field(name).locator('input').first().fill(value);
		},
		async visible(name) {
			return (await field(name).count()) > 0 && (await field(name).first().isVisible());
		},
		async expectFields(shown, hidden) {
			// The panel re-renders after each choice; on a busy machine a field can take a moment to appear.
			for (const name of shown) {
				const appeared = await field(name)
					.first()
					.waitFor({ state: 'visible', timeout: 5000 })
					.then(
						() => true,
						() => false,
					);
				assert.ok(appeared, `field "${name}" should be shown`);
			}
			for (const name of hidden)
				assert.ok(!(await this.visible(name)), `field "${name}" should be hidden`);
		},
		async newCredential(typeName) {
			await page.goto(`${baseUrl}/home/credentials/create`);
			await page.getByPlaceholder('Search for app...').fill(typeName);
			await page
				.locator('[data-test-id="new-credential-type-select-option"]')
				.filter({ hasText: new RegExp(`^\\s*${typeName}\\s*$`) })
				.click();
			await page.locator('[data-test-id="new-credential-type-button"]').click();
			await modal.waitFor();
		},
		async saveAndExpectTested() {
			await modal.locator('[data-test-id="credential-save-button"]').click();
			await page.getByText('Connection tested successfully').waitFor({ timeout: TIMEOUT_MS });
		},
	};
}

async function profitCredentialStep(page, u, sim) {
	await u.newCredential('AFAS Profit API');
	await u.expectFields(
		['environment', 'environmentNumber', 'authType', 'token'],
		['baseUrl', 'clientId', 'clientSecret'],
	);
	await u.screenshot('profit-defaults');
	await u.choose('environment', 'Custom Base URL');
	await u.expectFields(['baseUrl'], ['environmentNumber']);
	await u.choose('authType', 'OAuth 2.0');
	await u.expectFields(['clientId', 'clientSecret'], ['token']);
	await u.screenshot('profit-custom-oauth-fields');
	await u.choose('authType', 'Token');
	await u.expectFields(['token'], ['clientId', 'clientSecret']);
	await u.fill('baseUrl', sim.profitUrl);
	await u.fill('token', sim.credentials.profit.token);
	sim.clearRequests();
	await u.saveAndExpectTested();
	await u.screenshot('profit-token-tested');
	const tested = sim.requests.filter((r) => /\/metainfo$/i.test(r.path));
	assert.ok(
		tested.some((r) => r.headers.authorization === 'AfasToken ***'),
		'the test call used no AfasToken header',
	);

	// Same credential switched to OAuth client credentials: n8n's preAuthentication fetches the token.
	await u.choose('authType', 'OAuth 2.0');
	await u.fill('clientId', sim.credentials.profit.clientId);
	await u.fill('clientSecret', sim.credentials.profit.clientSecret);
	sim.clearRequests();
	await u.saveAndExpectTested();
	// The banner of the token test above is still on screen: wait for this test's own calls before judging.
	const bearerTest = () =>
		sim.requests.some(
			(r) =>
				/\/metainfo$/i.test(r.path) && r.headers.authorization === 'Bearer ***' && r.status === 200,
		);
	await waitUntil(
		bearerTest,
		'the OAuth credential test never called /metainfo with a bearer token',
	);
	await u.screenshot('profit-oauth-tested');
	const token = sim.requests.find((r) => r.method === 'POST' && /\/oauth\/token$/i.test(r.path));
	assert.ok(token, 'no client_credentials token request reached the simulator');
	assert.equal(token.body?.grant_type, 'client_credentials');
	return 'fields follow Environment/Auth Type; token and OAuth client credentials both tested OK';
}

async function sbCredentialStep(page, u, sim) {
	await u.newCredential('AFAS SB API');
	await u.expectFields(
		['server', 'domain', 'customerEnvironment', 'authType', 'token'],
		['baseUrl'],
	);
	await u.screenshot('sb-defaults');
	await u.choose('server', 'Custom Base URL');
	await u.expectFields(['baseUrl'], ['domain']);
	await u.choose('authType', 'OAuth 2.0');
	await u.expectFields([], ['token']);
	await u.screenshot('sb-oauth-notice');
	await u.choose('authType', 'Token');
	await u.expectFields(['token'], []);
	await u.fill('baseUrl', sim.sbUrl);
	await u.fill('customerEnvironment', sim.credentials.sb.environment);
	await u.fill('token', sim.credentials.sb.appToken);
	sim.clearRequests();
	await u.saveAndExpectTested();
	await u.screenshot('sb-token-tested');
	assert.ok(
		sim.requests.some((r) => /\/authentication\/getaccesstoken$/i.test(r.path)),
		'no app-token exchange reached the simulator',
	);
	return 'fields follow Server/Auth Type; app token tested OK';
}

async function sbOAuth2Step(page, u, sim) {
	await u.newCredential('AFAS SB OAuth2 API');
	await u.choose('server', 'Custom Base URL');
	await u.fill('baseUrl', sim.sbUrl);
	await u.fill('customerEnvironment', sim.credentials.sb.environment);
	await u.fill('clientId', sim.credentials.sb.clientId);
	await u.fill('clientSecret', sim.credentials.sb.clientSecret);
	await u.screenshot('sb-oauth2-filled');
	// Save first: n8n 1.x shows "Connect my account" at once, 2.x only on a saved credential, inside its
	// "not connected" banner.
	await u.modal.locator('[data-test-id="credential-save-button"]').click();
	const connect = u.modal
		.locator(
			'[data-test-id="oauth-connect-button"], [data-test-id="oauth-not-connected-banner"] button',
		)
		.first();
	await connect.waitFor({ timeout: TIMEOUT_MS });
	await u.screenshot('sb-oauth2-saved-not-connected');
	sim.clearRequests();
	const [popup] = await Promise.all([
		page.context().waitForEvent('page', { timeout: TIMEOUT_MS }),
		connect.click(),
	]);
	// n8n 2.x opens the window blank and navigates it once the authorization URL has been fetched.
	await popup.waitForURL(/\/app\/auth\?/, { timeout: TIMEOUT_MS });
	const authorize = new URL(popup.url());
	await popup.screenshot({ path: join(u.shotDir, 'sb-oauth2-consent-page.png') });
	await popup.locator('#allow').click();
	await u.modal
		.locator('[data-test-id="oauth-connect-success-banner"]')
		.waitFor({ timeout: TIMEOUT_MS });
	await u.screenshot('sb-oauth2-connected');
	const tokenCall = sim.requests.find((r) => r.method === 'POST' && /\/app\/token$/i.test(r.path));
	assert.ok(tokenCall, 'no token request reached the simulator');
	const body = tokenCall.body && typeof tokenCall.body === 'object' ? tokenCall.body : {};
	const sent = {
		authorize: {
			response_type: authorize.searchParams.get('response_type'),
			code_challenge_method: authorize.searchParams.get('code_challenge_method'),
			has_code_challenge: Boolean(authorize.searchParams.get('code_challenge')),
			redirect_uri: authorize.searchParams.get('redirect_uri'),
		},
		token: {
			status: tokenCall.status,
			content_type: tokenCall.headers['content-type'],
			basic_auth: /^basic /i.test(String(tokenCall.headers.authorization ?? '')),
			body_fields: Object.keys(body).sort(),
			grant_type: body.grant_type,
		},
	};
	assert.equal(sent.authorize.code_challenge_method, 'S256');
	assert.equal(sent.token.grant_type, 'authorization_code');
	assert.ok(
		sent.token.body_fields.includes('code_verifier'),
		'the token request carried no code_verifier',
	);
	return `consent + token exchange OK; n8n sent ${JSON.stringify(sent)}`;
}

async function editorStep(page, u, sim, workflowId) {
	await page.goto(`${u.baseUrl}/workflow/${workflowId}`);
	await page
		.locator('[data-test-id="canvas-node"]')
		.filter({ hasText: /^AFAS/ })
		.first()
		.dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await ndv.locator('[data-test-id="rlc-input"]').click();
	const items = page.locator('[data-test-id="rlc-item"]');
	const linked = sim.profit.appConnectors.find((c) => c.id === 'n8n').getConnectors;
	// The current value shows at once; the rest arrives when the search method has asked the simulator.
	await waitUntil(
		async () => (await items.count()) >= linked.length,
		'the GetConnector list did not load',
	);
	await u.screenshot('editor-getconnector-list');
	const listed = (await items.allInnerTexts()).map((text) => text.split(/\s/)[0]);
	assert.deepEqual(
		[...listed].sort(),
		[...linked].sort(),
		`GetConnector list: ${listed.join(', ')}`,
	);
	await items.filter({ hasText: 'Profit_Debtor' }).first().click();
	await ndv.locator('[data-test-id="parameter-input-field"]').first().click();
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.first().waitFor({ timeout: TIMEOUT_MS });
	await u.screenshot('editor-field-list');
	const fieldTexts = await options.allInnerTexts();
	const expectedFields = Object.keys(sim.profit.rows('Profit_Debtor')[0]);
	for (const id of expectedFields) {
		assert.ok(
			fieldTexts.some((text) => text.includes(`(${id})`)),
			`field ${id} missing from the field list`,
		);
	}
	await page.keyboard.press('Escape');
	await ndv.locator('[data-test-id="node-execute-button"]').click();
	const utrecht = sim.profit.rows('Profit_Debtor').filter((row) => row.City === 'Utrecht').length;
	await ndv
		.getByText(new RegExp(`^\\s*${utrecht} items?\\s*$`))
		.first()
		.waitFor({ timeout: TIMEOUT_MS });
	await u.screenshot('editor-node-executed');
	return `${listed.length} GetConnectors listed, ${fieldTexts.length} fields of Profit_Debtor listed, node ran: ${utrecht} items`;
}

async function updateConnectorMapperStep(page, u, sim, workflowId) {
	sim.clearRequests();
	await page.goto(`${u.baseUrl}/workflow/${workflowId}`);
	await page
		.locator('[data-test-id="canvas-node"]')
		.filter({ hasText: /^AFAS/ })
		.first()
		.dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	const mapper = ndv.locator('[data-test-id="mapping-fields-container"]');
	await mapper.waitFor({ timeout: TIMEOUT_MS });
	const fieldRow = (label) => mapper.locator('.parameter-item').filter({ hasText: label }).first();
	// Mandatory fields (metainfo `mandatory`) are shown at once. n8n's mark for them in the mapper: a "mandatory"
	// help icon where other fields have a remove button.
	const mandatory = ['Name (Nm)', 'Organisatie vergelijken op (MatchOga)'];
	for (const label of mandatory) {
		await fieldRow(label).waitFor({ timeout: TIMEOUT_MS });
		const removable = await fieldRow(label)
			.locator('[data-test-id^="remove-field-button-"]')
			.count();
		assert.equal(removable, 0, `"${label}" can be removed, so it is not marked mandatory`);
	}
	const shown = (await mapper.locator('.parameter-item').allInnerTexts()).map((text) =>
		text.split('\n')[0].trim(),
	);
	assert.deepEqual(
		[...shown].sort(),
		[...mandatory].sort(),
		`fields shown before any is added: ${shown.join(', ')}`,
	);
	// n8n 1.x shows the mark as a help icon with a tooltip; 2.x shows no icon, only the missing remove button.
	const helpIcon = fieldRow('Name (Nm)')
		.locator('.delete-option svg, .delete-option [class*="icon"]')
		.first();
	if ((await helpIcon.count()) > 0) {
		await helpIcon.hover();
		await page
			.getByText(/is mandatory/i)
			.first()
			.waitFor({ state: 'visible', timeout: 5000 });
	}
	await u.screenshot('editor-update-connector-fields');
	// The code table of MatchOga arrives as the field's options.
	await fieldRow('Organisatie vergelijken op (MatchOga)').locator('input').first().click();
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.first().waitFor({ timeout: TIMEOUT_MS });
	const matchOptions = await options.allInnerTexts();
	assert.ok(
		matchOptions.some((text) => text.includes('Altijd nieuw toevoegen')),
		`MatchOga options: ${matchOptions.join(' | ')}`,
	);
	await u.screenshot('editor-update-connector-code-table');
	await page.keyboard.press('Escape');
	const asked = sim.requests.filter((r) => /\/metainfo\/update\/KnOrganisation$/i.test(r.path));
	assert.ok(
		asked.length > 0,
		'the mapper never asked the simulator for /metainfo/update/KnOrganisation',
	);
	const summary = `mapper shows the ${shown.length} mandatory fields (${shown.join(', ')}) marked mandatory, MatchOga offers ${matchOptions.length} code-table values`;
	// The optional fields are offered to add: n8n 1.x lists them in a select. (2.x opens a different popover,
	// not driven here.)
	const addSelect = ndv.locator('[data-test-id="add-fields-select"] .el-select');
	if ((await addSelect.count()) === 0)
		return `${summary} (n8n 2.x "Add field" popover not checked)`;
	await addSelect.first().click();
	const offered = (label) =>
		page.getByText(label, { exact: false }).filter({ visible: true }).first();
	await offered('Number (BcCo)').waitFor({ timeout: TIMEOUT_MS });
	const optionalLabels = ['Search name (SeNm)', 'COC number (CcNr)', 'Work e-mail (EmAd)'];
	for (const label of optionalLabels) {
		await offered(label).scrollIntoViewIfNeeded();
		assert.ok(await offered(label).isVisible(), `"${label}" is not offered to add`);
	}
	await u.screenshot('editor-update-connector-add-field');
	// An optional field, once added, can be removed again: the contrast with the mandatory mark above.
	await offered('Work e-mail (EmAd)').click();
	await fieldRow('Work e-mail (EmAd)').waitFor({ timeout: TIMEOUT_MS });
	await mapper
		.locator('[data-test-id="remove-field-button-EmAd"]')
		.waitFor({ state: 'attached', timeout: TIMEOUT_MS });
	await u.screenshot('editor-update-connector-optional-added');
	return `${summary}, optional fields offered to add (Work e-mail added, removable)`;
}

async function waitUntil(condition, message, timeoutMs = TIMEOUT_MS) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await new Promise((resolvePromise) => setTimeout(resolvePromise, 250));
	}
	throw new Error(message);
}

async function runVersion(version, { pkg, sim, results }) {
	const shotDir = join(ARTIFACTS, version);
	rmSync(shotDir, { recursive: true, force: true });
	mkdirSync(shotDir, { recursive: true });
	const n8n = new N8nInstance({
		version,
		home: join(HOMES_DIR, `home-browser-${version}`),
		packageDir: pkg.dir,
	});
	const record = (name, ok, detail) => {
		results.push({ version, name, ok, detail });
		console.log(`${ok ? 'PASS' : 'FAIL'}  n8n ${version}  browser: ${name}`);
		if (detail) console.log(`      ${detail}`);
	};
	let chromium;
	try {
		await n8n.prepare();
		const readWorkflow = (file) =>
			JSON.parse(readFileSync(join(E2E_DIR, 'workflows', file), 'utf8'));
		const workflow = readWorkflow('editor-pick-connector.json');
		const updateWorkflow = readWorkflow('editor-update-connector.json');
		await n8n.importCredentials(simulatorCredentials(sim));
		await n8n.importWorkflows([workflow, updateWorkflow]);
		const t0 = Date.now();
		await n8n.start();
		const cookie = await n8n.setupOwner();
		console.log(
			`\n== n8n ${installedN8nVersion(version)} editor at ${n8n.url} (ready in ${Math.round((Date.now() - t0) / 1000)} s)`,
		);
		chromium = await launchChromium();
		const { context } = chromium;
		const [name, ...rest] = cookie.split('=');
		await context.addCookies([{ name, value: rest.join('='), url: n8n.url }]);
		const page = await context.newPage();
		page.setDefaultTimeout(TIMEOUT_MS);
		const u = ui(page, shotDir, n8n.url);
		const steps = [
			['AFAS Profit credential', () => profitCredentialStep(page, u, sim)],
			['AFAS SB credential (token)', () => sbCredentialStep(page, u, sim)],
			['AFAS SB OAuth2 connect', () => sbOAuth2Step(page, u, sim)],
			['AFAS node in the editor', () => editorStep(page, u, sim, workflow.id)],
			[
				'UpdateConnector fields in the resource mapper',
				() => updateConnectorMapperStep(page, u, sim, updateWorkflow.id),
			],
		];
		for (const [stepName, step] of steps) {
			try {
				record(stepName, true, await step());
			} catch (error) {
				const shot = await u.screenshot(`FAILED-${stepName.replace(/\W+/g, '-')}`).catch(() => '');
				if (process.env.AFAS_E2E_DEBUG) {
					const ids = await page
						.locator('[data-test-id]')
						.evaluateAll((els) =>
							[...new Set(els.map((e) => e.getAttribute('data-test-id')))].join(' '),
						);
					console.log(`      test ids on the page: ${ids}`);
				}
				record(
					stepName,
					false,
					`${error.message.split('\n')[0]}${shot ? ` (screenshot ${shot})` : ''}`,
				);
			}
		}
	} catch (error) {
		record(
			'setup',
			false,
			`${error.message}${n8n.serverLog ? `\n${n8n.serverLog.slice(-1500)}` : ''}`,
		);
	} finally {
		await chromium?.close();
		await n8n.stop();
	}
}

async function main() {
	const versions = parseVersions(process.argv.slice(2));
	const t0 = Date.now();
	await ensureE2eDeps();
	await ensureChromium();
	for (const version of versions) await ensureN8n(version);
	const pkg = await packNodePackage();
	const sim = await startSimulator();
	const results = [];
	try {
		for (const version of versions) await runVersion(version, { pkg, sim, results });
	} finally {
		await sim.close();
	}
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	console.log(`\nscreenshots: ${ARTIFACTS}`);
	console.log(`total ${Math.round((Date.now() - t0) / 1000)} s`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
}

main().catch((error) => {
	console.error(error.stack ?? error);
	console.log('0 passed, 1 failed');
	process.exitCode = 1;
});
