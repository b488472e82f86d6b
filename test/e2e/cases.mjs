// What each workflow in test/e2e/workflows/ must produce. Every check reads the AFAS node's OUTPUT ITEMS (and the
// simulator's request log for how they were fetched); an exit code alone proves nothing. A check returns a short
// line for the report or throws.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeOutput } from './lib/run-data.mjs';

const json = (items) => items.map((item) => item.json);

function connectorRequests(sim, connectorId) {
	const suffix = `/connectors/${connectorId}`.toLowerCase();
	return sim.requests.filter(
		(r) => r.product === 'profit' && r.method === 'GET' && r.path.toLowerCase().endsWith(suffix),
	);
}

function assertPagedBy(requests, take) {
	assert.ok(requests.length > 0, 'no GetConnector request reached the simulator');
	const skips = requests.map((r) => Number(r.query.skip)).sort((a, b) => a - b);
	for (const r of requests)
		assert.equal(String(r.query.take), String(take), `take=${r.query.take}, expected ${take}`);
	skips.forEach((skip, i) =>
		assert.equal(skip, i * take, `pages asked with skip ${skips.join(',')}`),
	);
}

/** Binary data as n8n stores it: inline base64 (1.x default mode) or a file under the user folder (filesystem). */
function binaryBytes(binary, n8nHome) {
	// In filesystem mode `data` holds the mode name ('filesystem-v2') and `id` says where the bytes are.
	const match = /^filesystem(?:-v2)?:(.+)$/.exec(binary.id ?? '');
	if (!match && binary.data) return Buffer.from(binary.data, 'base64');
	assert.ok(
		match,
		`binary has neither data nor a filesystem id: ${JSON.stringify(binary).slice(0, 200)}`,
	);
	// n8n 1.x keeps them under .n8n/binaryData, 2.x under .n8n/storage.
	const candidates = ['binaryData', 'storage'].map((dir) => join(n8nHome, '.n8n', dir, match[1]));
	const file = candidates.find((candidate) => existsSync(candidate));
	assert.ok(file, `binary file is missing (looked at ${candidates.join(', ')})`);
	return readFileSync(file);
}

function assertNoSecrets(items, sim) {
	const text = JSON.stringify(items);
	const { profit, sb } = sim.credentials;
	for (const secret of [
		profit.tokenData,
		profit.tokenBase64,
		profit.clientSecret,
		sb?.appToken,
		sb?.clientSecret,
	]) {
		if (secret) assert.ok(!text.includes(secret), 'a credential secret appears in the output');
	}
}

/** The write calls (POST/PUT/DELETE) the simulator received for one UpdateConnector, in order. */
function writeRequests(sim, connectorId, method) {
	const prefix = `/connectors/${connectorId}`.toLowerCase();
	return sim.requests.filter(
		(r) =>
			r.product === 'profit' &&
			r.method === (method ?? r.method) &&
			['POST', 'PUT', 'DELETE'].includes(r.method) &&
			r.path
				.toLowerCase()
				.replace(/^\/profitrestservices/, '')
				.startsWith(prefix),
	);
}

const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** An AFAS element's field value: under Fields, or as an `@Key` attribute (both are valid bodies). */
function fieldOf(element, id) {
	return element?.Fields?.[id] ?? element?.[`@${id}`];
}

/** The rows of one sub-object of an AFAS element: `Objects` may be a map or a list of one-key objects. */
function objectRows(element, name) {
	const objects = element?.Objects;
	const wrappers = Array.isArray(objects)
		? objects.map((o) => o?.[name]).filter(Boolean)
		: asList(objects?.[name]);
	return wrappers.flatMap((wrapper) => asList(wrapper.Element));
}

/** Both n8n versions share one simulator: each run books the invoice number anew. */
function forgetSalesJournalEntry(sim, invoiceNumber) {
	const entries = sim.sb.store.rows('salesjournalentry');
	for (let i = entries.length - 1; i >= 0; i--)
		if (entries[i].InvoiceNumber === invoiceNumber) entries.splice(i, 1);
}

function assertPaired(items, expected, label) {
	assert.deepEqual(
		items.map((item) => asList(item.pairedItem).map((p) => p.item)),
		expected.map((i) => [i]),
		`${label}: pairedItem`,
	);
}

export const CASES = [
	{
		file: 'profit-token-getconnector.json',
		title:
			'Profit token credential -> GetConnector Get Many, AND filter, sort, Return All over pages',
		check({ items, sim }) {
			const expected = sim.profit
				.rows('Profit_Demo')
				.filter((row) => row.Category === 'B' && row.Quantity >= 50)
				.sort((a, b) => a.Id - b.Id);
			assert.ok(expected.length > 1000, 'fixture: the filter should span several 1 000-row pages');
			const rows = json(items);
			assert.equal(
				rows.length,
				expected.length,
				`items: ${rows.length}, rows matching the filter: ${expected.length}`,
			);
			assert.deepEqual(
				rows.map((row) => [row.Id, row.Code, row.Category, row.Quantity]),
				expected.map((row) => [row.Id, row.Code, row.Category, row.Quantity]),
			);
			items.forEach((item, i) =>
				assert.deepEqual(item.pairedItem, { item: 0 }, `item ${i} pairedItem`),
			);
			const requests = connectorRequests(sim, 'Profit_Demo');
			assertPagedBy(requests, 1000);
			for (const r of requests) {
				assert.equal(r.headers.authorization, 'AfasToken ***', 'Profit token auth header');
				assert.match(String(r.query.filterfieldids ?? r.query.filterjson ?? ''), /Category/);
			}
			return `${rows.length} rows in ${requests.length} pages (${expected.length} match the filter in the simulator)`;
		},
	},
	{
		file: 'profit-oauth-getconnector.json',
		title:
			'Profit OAuth client-credentials credential -> GetConnector Get Many, OR filter groups, Return All',
		check({ items, sim }) {
			const expected = sim.profit
				.rows('Profit_Debtor')
				.filter(
					(row) => (row.CountryId === 'NL' && row.CreditLimit >= 40000) || row.City === 'Rotterdam',
				)
				.sort((a, b) => (a.DebtorId < b.DebtorId ? 1 : -1));
			const rows = json(items);
			assert.ok(
				expected.length > 3 && expected.some((row) => row.CountryId !== 'NL'),
				'fixture: both groups match',
			);
			assert.deepEqual(
				rows.map((row) => row.DebtorId),
				expected.map((row) => row.DebtorId),
			);
			const tokenRequests = sim.requests.filter(
				(r) => r.method === 'POST' && /\/oauth\/token$/i.test(r.path),
			);
			assert.equal(
				tokenRequests.length,
				1,
				`token requests: ${tokenRequests.length} (one token serves every page)`,
			);
			const grant = tokenRequests[0].body?.grant_type;
			assert.equal(grant, 'client_credentials');
			const requests = connectorRequests(sim, 'Profit_Debtor');
			assertPagedBy(requests, 3);
			for (const r of requests)
				assert.equal(r.headers.authorization, 'Bearer ***', 'Profit OAuth auth header');
			assertNoSecrets(items, sim);
			return `${rows.length} rows in ${requests.length} pages with 1 client_credentials token`;
		},
	},
	{
		file: 'profit-continue-on-fail.json',
		title: 'Failing connector with On Error = Continue -> one error item, workflow succeeds',
		check({ items, sim, run }) {
			assert.equal(run.status ?? 'success', 'success', 'the workflow should finish successfully');
			assert.equal(items.length, 1, `items: ${items.length}`);
			const error = items[0].json.error;
			assert.equal(
				typeof error,
				'string',
				`error item: ${JSON.stringify(items[0].json).slice(0, 300)}`,
			);
			// DEVELOPERS.md: API failures carry AFAS's own externalMessage as the message.
			assert.match(
				error,
				/GetConnector not supported for this app or the user is not authorized/,
				`the error item does not carry AFAS's message: ${JSON.stringify(items[0].json).slice(0, 300)}`,
			);
			assert.equal(
				String(items[0].json.httpCode ?? ''),
				'500',
				`httpCode: ${JSON.stringify(items[0]).slice(0, 1500)}`,
			);

			const asked = sim.requests.filter(
				(r) => r.product === 'profit' && /profit_salaries/i.test(r.path),
			);
			assert.ok(asked.length >= 1, 'the node never asked AFAS');
			assertNoSecrets(items, sim);
			return `error item: "${error.slice(0, 120)}"`;
		},
	},
	{
		file: 'profit-error-output.json',
		title:
			'On Error = Continue (using error output) -> AFAS failure and bad input on the error output, none on the success output',
		check({ run, sim }) {
			const runData = run.data.resultData.runData;
			const outputs = (name) => runData[name]?.at(-1)?.data?.main ?? [];
			for (const name of ['AFAS', 'AFAS Bad Limit']) {
				const [success = [], failures = []] = outputs(name);
				assert.equal(success.length, 0, `${name}: ${success.length} items on the success output`);
				assert.equal(failures.length, 1, `${name}: ${failures.length} items on the error output`);
				assert.deepEqual(failures[0].pairedItem, { item: 0 }, `${name}: pairedItem`);
				assertNoSecrets(failures, sim);
			}
			// On the error output the facts sit under `error` (n8n routes only items whose json is nothing but that).
			const apiFailure = outputs('AFAS')[1][0].json.error ?? {};
			assert.match(
				String(apiFailure.message),
				/GetConnector not supported for this app or the user is not authorized/,
			);
			assert.match(
				String(apiFailure.description),
				/profitLogReference/,
				'AFAS log reference in the description',
			);
			assert.equal(String(apiFailure.httpCode ?? ''), '500', 'httpCode on the error item');
			const inputFailure = outputs('AFAS Bad Limit')[1][0].json.error ?? {};
			assert.match(
				String(inputFailure.message),
				/^Limit must be/,
				`bad-input error: ${JSON.stringify(inputFailure)}`,
			);
			assert.ok(
				!sim.requests.some((r) => /profit_debtor/i.test(r.path)),
				'the bad Limit still sent a request',
			);
			// The Failures node runs once per parent that sent it items.
			const failuresIn = (runData.Failures ?? []).flatMap((task) => task.data?.main?.[0] ?? []);
			assert.equal(failuresIn.length, 2, `the Failures node received ${failuresIn.length} items`);
			assert.equal(
				(runData.Rows ?? []).flatMap((task) => task.data?.main?.[0] ?? []).length,
				0,
				'Rows received items',
			);
			return `2 failures on the error output ("${String(apiFailure.message).slice(0, 60)}…", "${String(inputFailure.message).slice(0, 60)}…"), 0 on the success output`;
		},
	},
	{
		file: 'profit-file-connector.json',
		title: 'FileConnector -> binary item with the file bytes, name and MIME type',
		check({ items, sim, n8n }) {
			assert.equal(items.length, 1, `items: ${items.length}`);
			const binary = items[0].binary?.data;
			assert.ok(binary, `no binary "data" on the item: ${JSON.stringify(items[0]).slice(0, 300)}`);
			const subject = sim.profit.data.subjects.find((s) =>
				s.attachments.some((a) => a.FileId === '5C055C034516ED67972E0A852E03C5B9'),
			);
			const attachment = subject.attachments.find(
				(a) => a.FileId === '5C055C034516ED67972E0A852E03C5B9',
			);
			assert.equal(binary.fileName, 'contract_2024.pdf');
			assert.equal(binary.mimeType, 'application/pdf');
			const bytes = binaryBytes(binary, n8n.home);
			assert.ok(
				bytes.equals(attachment.data),
				`bytes differ (${bytes.length} vs ${attachment.data.length})`,
			);
			const request = sim.requests.find((r) => /\/fileconnector\//i.test(r.path));
			assert.ok(request, 'no FileConnector request');
			assert.match(request.path, /contract_5f2024\.pdf$/i, `file name encoding in ${request.path}`);
			return `${bytes.length} bytes of ${binary.fileName} (${binary.mimeType}), byte-identical`;
		},
	},
	{
		file: 'sb-token-list.json',
		title:
			'SB app-token credential -> Relations / Organisation Get Many, filter row, sorted by Name, Return All over pages',
		check({ items, sim }) {
			const expected = sim.sb.store.rows('organisations').filter((row) => row.IsArchived === false);
			const rows = json(items);
			assert.ok(expected.length > 100, 'fixture: more than one 100-row page');
			const ids = rows.map((row) => row.Id);
			assert.equal(new Set(ids).size, ids.length, 'duplicate rows across pages');
			assert.deepEqual(
				[...ids].sort(),
				expected.map((row) => row.Id).sort(),
				'not the non-archived organisations',
			);
			assert.ok(rows.every((row) => row.IsArchived === false));
			const names = rows.map((row) => row.Name);
			const exchanges = sim.requests.filter((r) =>
				/\/authentication\/getaccesstoken$/i.test(r.path),
			);
			assert.equal(exchanges.length, 1, `app-token exchanges: ${exchanges.length}`);
			const pages = sim.requests.filter(
				(r) => r.method === 'GET' && /\/api\/organisations$/i.test(r.path),
			);
			assert.ok(
				pages.length >= Math.ceil(expected.length / 100),
				`only ${pages.length} page requests`,
			);
			assertNoSecrets(items, sim);
			return `${rows.length} organisations in ${pages.length} pages, first "${names[0]}"`;
		},
	},
	{
		file: 'sb-create-journal-entry.json',
		node: 'AFAS',
		title:
			'SB Sales / Sales Journal Entry Create: two invoice lines from an expression, read back from Finance / Journal Entry',
		setup(sim) {
			forgetSalesJournalEntry(sim, 'E2E-2026-0001');
		},
		check({ items, run, sim }) {
			assert.equal(items.length, 1, `create items: ${items.length}`);
			const created = items[0].json;
			assert.equal(created.result, 'Succeeded');
			assert.match(String(created.id), /^[0-9a-f-]{36}$/);
			const posts = sim.requests.filter(
				(r) => r.method === 'POST' && /\/api\/salesjournalentry$/i.test(r.path),
			);
			assert.equal(posts.length, 1, `POSTs: ${posts.length}`);
			assert.equal(posts[0].headers['accept-version'], '2.0');
			assert.equal(posts[0].headers['tracking-identifier'], created.trackingIdentifier);
			assert.equal(posts[0].body.InvoiceLine.length, 2, 'two invoice lines sent');
			assert.equal(posts[0].body.InvoiceLine[1].AmountExcludingVat, 85.5);
			const lines = json(nodeOutput(run, 'Lines'));
			assert.equal(lines.length, 2, `journal lines read back: ${lines.length}`);
			assert.ok(lines.every((line) => line.HeaderId === created.id));
			assertNoSecrets(items, sim);
			return `entry ${created.id} with ${lines.length} lines, Tracking-Identifier ${created.trackingIdentifier}`;
		},
	},
	{
		file: 'sb-create-retry-503.json',
		node: 'AFAS',
		title:
			'SB create answered 503 after SB processed it: retried with the same Tracking-Identifier, exactly one record',
		setup(sim) {
			forgetSalesJournalEntry(sim, 'E2E-2026-0503');
			sim.addFault({
				match: { method: 'POST', path: /\/api\/salesjournalentry$/i },
				type: 'unavailable',
				retryAfter: 1,
				afterHandling: true,
				times: 1,
			});
		},
		check({ items, sim }) {
			assert.equal(items.length, 1, `create items: ${items.length}`);
			const posts = sim.requests.filter(
				(r) => r.method === 'POST' && /\/api\/salesjournalentry$/i.test(r.path),
			);
			assert.deepEqual(
				posts.map((r) => r.status),
				[503, 200],
				`answers: ${posts.map((r) => r.status).join(', ')}`,
			);
			const identifiers = new Set(posts.map((r) => r.headers['tracking-identifier']));
			assert.equal(identifiers.size, 1, 'the retry must reuse the Tracking-Identifier');
			const entries = sim.sb.store
				.rows('salesjournalentry')
				.filter((row) => row.InvoiceNumber === 'E2E-2026-0503');
			assert.equal(entries.length, 1, `records: ${entries.length}`);
			return `answers ${posts.map((r) => r.status).join(', ')}, one Tracking-Identifier, ${entries.length} record`;
		},
	},
	{
		file: 'profit-retry-503.json',
		title: 'AFAS busy: 503 + retry_after once -> the node waits, retries and returns the rows',
		setup(sim) {
			sim.addFault({
				match: { path: /\/connectors\/Profit_Debtor$/ },
				type: 'unavailable',
				retryAfter: 1,
				times: 1,
			});
		},
		check({ items, sim }) {
			const expected = sim.profit.rows('Profit_Debtor');
			assert.equal(items.length, expected.length, `items: ${items.length}`);
			const statuses = connectorRequests(sim, 'Profit_Debtor').map((r) => r.status);
			assert.deepEqual(statuses.slice(0, 2), [503, 200], `answers: ${statuses.join(', ')}`);
			return `${items.length} rows after answers ${statuses.join(', ')}`;
		},
	},
	{
		file: 'profit-write-organisation.json',
		node: 'AFAS Insert',
		title:
			'UpdateConnector KnOrganisation: insert 2 items with address + contact, read back, update by BcCo, read again',
		setup(sim) {
			sim.profit.reset();
		},
		check({ items, run, sim }) {
			const out = (name) => nodeOutput(run, name);
			const input = out('Split Out').map((item) => item.json);
			assert.equal(items.length, 2, `insert items: ${items.length}`);
			assertPaired(items, [0, 1], 'AFAS Insert');
			for (const item of items) {
				assert.match(
					String(item.json.BcCo),
					/^\d+$/,
					`insert output: ${JSON.stringify(item.json)}`,
				);
				assert.equal(item.json.connector, 'KnOrganisation');
			}
			const posts = writeRequests(sim, 'KnOrganisation', 'POST');
			assert.equal(posts.length, 2, `POSTs: ${posts.length} (Batch Size 1: one per item)`);
			posts.forEach((post, i) => {
				assert.equal(
					post.status,
					201,
					`POST ${i} answered ${post.status}: ${JSON.stringify(post.body)}`,
				);
				const elements = asList(post.body?.KnOrganisation?.Element);
				assert.equal(elements.length, 1, `POST ${i}: ${elements.length} elements`);
				const [element] = elements;
				assert.equal(fieldOf(element, 'Nm'), input[i].name);
				assert.equal(fieldOf(element, 'EmAd'), input[i].email);
				assert.equal(String(fieldOf(element, 'MatchOga')), '6');
				const [address, ...moreAddresses] = objectRows(element, 'KnBasicAddressAdr');
				assert.equal(moreAddresses.length, 0, 'one address row');
				// The item's address is keyed by the fields' labels; AFAS needs the field IDs.
				const given = input[i].address;
				assert.deepEqual(
					['CoId', 'Ad', 'HmNr', 'ZpCd', 'Rs'].map((id) => String(fieldOf(address, id))),
					[
						given.Country,
						given.Street,
						given['House number'],
						given['Postal code'],
						given.City,
					].map(String),
					`address fields: ${JSON.stringify(address)}`,
				);
				const [contact] = objectRows(element, 'KnContact');
				assert.equal(fieldOf(contact, 'EmAd'), input[i].contact.EmAd);
				const [person] = objectRows(contact, 'KnPerson');
				assert.equal(
					fieldOf(person, 'LaNm'),
					input[i].contact.KnPerson.LaNm,
					'nested KnPerson below KnContact',
				);
			});

			const back = out('Read Back');
			assert.equal(back.length, 2, `read back: ${back.length} rows`);
			assertPaired(back, [0, 1], 'Read Back');
			back.forEach((row, i) => {
				const { address } = input[i];
				assert.equal(row.json.BcCo, items[i].json.BcCo);
				assert.equal(row.json.Name, input[i].name);
				assert.deepEqual(
					[
						row.json.Street,
						row.json.HouseNumber,
						row.json.ZipCode,
						row.json.City,
						row.json.CountryId,
					],
					[
						address.Street,
						address['House number'],
						address['Postal code'],
						address.City,
						address.Country,
					],
				);
				assert.equal(row.json.ContactCount, 1, 'the contact was stored');
			});

			const updated = out('AFAS Update');
			assert.equal(updated.length, 2, `update items: ${updated.length}`);
			assertPaired(updated, [0, 1], 'AFAS Update');
			const puts = writeRequests(sim, 'KnOrganisation', 'PUT');
			assert.equal(puts.length, 2, `PUTs: ${puts.length}`);
			puts.forEach((put, i) => {
				assert.equal(put.status, 201, `PUT ${i} answered ${put.status}`);
				const [element] = asList(put.body?.KnOrganisation?.Element);
				assert.equal(
					String(fieldOf(element, 'BcCo')),
					String(items[i].json.BcCo),
					'PUT identifies by BcCo',
				);
				assert.equal(String(fieldOf(element, 'MatchOga')), '0');
				const [address] = objectRows(element, 'KnBasicAddressAdr');
				assert.equal(
					fieldOf(address, 'Rs'),
					input[i].moveTo.Rs,
					'new address from the Split Out item (pairedItem)',
				);
			});

			const after = out('Read Updated');
			assert.equal(after.length, 2, `read after update: ${after.length} rows`);
			after.forEach((row, i) => {
				assert.equal(row.json.Name, `${input[i].name} (verhuisd)`);
				assert.equal(row.json.City, input[i].moveTo.Rs);
				assert.equal(row.json.ZipCode, input[i].moveTo.ZpCd);
				assert.equal(row.json.Street, input[i].address.Street, 'the street stays');
			});
			const contacts = sim.profit.rows('Profit_Contacts');
			assert.deepEqual(
				contacts.map((c) => [c.OrganisationBcCo, c.PersonName]),
				input.map((org, i) => [
					items[i].json.BcCo,
					`${org.contact.KnPerson.FiNm} ${org.contact.KnPerson.LaNm}`,
				]),
			);
			assertNoSecrets([...items, ...back, ...updated, ...after], sim);
			return `2 organisations (BcCo ${items.map((i) => i.json.BcCo).join(', ')}) in 2 POSTs with address + contact, read back, 2 PUTs, now "${after[0].json.Name}" in ${after[0].json.City}`;
		},
	},
	{
		file: 'profit-write-order.json',
		node: 'AFAS Insert',
		title:
			'UpdateConnector FbSales: Dry Run, 2 orders with lines in one batched POST, read back, update, delete',
		setup(sim) {
			sim.profit.reset();
		},
		check({ items, run, sim }) {
			const out = (name) => nodeOutput(run, name);
			const input = out('Split Out').map((item) => item.json);
			const posts = writeRequests(sim, 'FbSales', 'POST');
			assert.equal(
				posts.length,
				1,
				`POSTs: ${posts.length} (Dry Run sends nothing; Batch Size 2 sends one)`,
			);
			const [post] = posts;
			assert.equal(
				post.status,
				201,
				`POST answered ${post.status}: ${JSON.stringify(post.body).slice(0, 300)}`,
			);
			const elements = post.body?.FbSales?.Element;
			assert.ok(
				Array.isArray(elements) && elements.length === 2,
				`Element should be a list of 2: ${JSON.stringify(post.body).slice(0, 300)}`,
			);
			elements.forEach((element, i) => {
				assert.equal(fieldOf(element, 'OrNu'), input[i].orderNumber);
				assert.equal(fieldOf(element, 'DbId'), input[i].debtor);
				assert.equal(fieldOf(element, 'RfCs'), input[i].reference);
				const lines = objectRows(element, 'FbSalesLines');
				assert.deepEqual(
					lines.map((line) => fieldOf(line, 'ItCd')),
					input[i].lines.map((line) => line.ItCd),
					`lines of order ${i} from the item's list field`,
				);
			});

			const dry = out('AFAS Dry Run');
			assert.equal(dry.length, 2, `dry-run items: ${dry.length}`);
			assertPaired(dry, [0, 1], 'AFAS Dry Run');
			assert.equal(dry[0].json.dryRun, true);
			assert.equal(dry[0].json.method, 'POST');
			assert.equal(dry[0].json.url, `${sim.profitUrl}/connectors/FbSales`);
			assert.deepEqual(
				dry[0].json.body,
				post.body,
				'the Dry Run body is exactly what the insert sent',
			);

			assert.equal(items.length, 2, `insert items: ${items.length}`);
			assertPaired(items, [0, 1], 'AFAS Insert');
			for (const item of items) assert.equal(item.json.connector, 'FbSales');

			const orders = out('Read Orders');
			assertPaired(orders, [0, 1], 'Read Orders');
			assert.deepEqual(
				orders.map((o) => [o.json.OrderNumber, o.json.DebtorId, o.json.LineCount]),
				input.map((o) => [o.orderNumber, o.debtor, o.lines.length]),
			);
			assert.equal(orders[0].json.TotalAmount, 17.5);
			const lines = out('Read Lines');
			assert.deepEqual(
				lines.map((l) => [l.json.OrderNumber, l.json.ItemCode]),
				input.flatMap((o) => o.lines.map((line) => [o.orderNumber, line.ItCd])),
				'lines read back per order (filter values containing ",")',
			);
			assertPaired(lines, [0, 0, 1], 'Read Lines');

			const updated = out('AFAS Update');
			assertPaired(updated, [0, 1], 'AFAS Update');
			const puts = writeRequests(sim, 'FbSales', 'PUT');
			assert.equal(puts.length, 2, `PUTs: ${puts.length}`);
			puts.forEach((put, i) => {
				assert.equal(
					put.status,
					201,
					`PUT ${i} answered ${put.status}: ${JSON.stringify(put.body).slice(0, 300)}`,
				);
				const [element] = asList(put.body?.FbSales?.Element);
				assert.equal(fieldOf(element, 'OrNu'), input[i].orderNumber, 'PUT carries the key');
				assert.equal(fieldOf(element, 'RfCs'), `${input[i].reference} (bevestigd)`);
				assert.equal(fieldOf(objectRows(element, 'FbSalesLines')[0], 'Ds'), 'Bevestigd per e-mail');
			});

			const deleted = out('AFAS Delete');
			assertPaired(deleted, [0, 1], 'AFAS Delete');
			const deletes = writeRequests(sim, 'FbSales', 'DELETE');
			assert.deepEqual(
				deletes.map((d) => [d.path.replace(/^.*\/connectors\//i, '').replace('/@', '/'), d.status]),
				input.map((o) => [`FbSales/FbSales/OrNu/${encodeURIComponent(o.orderNumber)}`, 200]),
				'DELETE paths with the order numbers percent-encoded',
			);
			const gone = out('Read After Delete').filter((row) => row.json.OrderNumber !== undefined);
			assert.equal(
				gone.length,
				0,
				`orders still there: ${JSON.stringify(gone.map((r) => r.json))}`,
			);
			assert.ok(
				!sim.profit
					.rows('Profit_SalesOrders')
					.some((row) => String(row.Reference).startsWith('E2E order')),
				'the simulator still holds an E2E order',
			);
			assert.equal(writeRequests(sim, 'FbSales').length, 5, 'writes: 1 POST + 2 PUT + 2 DELETE');
			assertNoSecrets([...items, ...dry, ...orders, ...lines, ...updated, ...deleted], sim);
			return `dry run (same body, nothing sent); 1 POST with 2 orders / ${lines.length} lines; read back; 2 PUTs; 2 DELETEs (${deletes[0].path.replace(/^.*\/connectors\//i, '')}); 0 left`;
		},
	},
	{
		file: 'demo.json',
		node: 'Profit version',
		title:
			'The demo workflow: version, connector list, filtered read, file, error item, SB list and an UpdateConnector insert side by side',
		check({ run, sim }) {
			const out = (name) => nodeOutput(run, name);
			const version = out('Profit version');
			assert.equal(version[0]?.json.version, sim.profit.options.profitVersion, 'Profit version');
			const listed = out('List GetConnectors').map((item) => item.json.id);
			const linked = sim.profit.appConnectors.find((c) => c.id === 'n8n').getConnectors;
			assert.deepEqual(
				[...listed].sort(),
				[...linked].sort(),
				'GetConnectors of the app connector',
			);
			const debtors = out('Read Dutch debtors').map((item) => item.json);
			const dutch = sim.profit.rows('Profit_Debtor').filter((row) => row.CountryId === 'NL');
			assert.deepEqual(
				[...debtors.map((row) => row.DebtorId)].sort(),
				dutch.map((row) => row.DebtorId).sort(),
				'Dutch debtors',
			);
			const file = out('Download contract');
			assert.equal(file[0]?.binary?.data?.fileName, 'contract_2024.pdf');
			const refused = out('Read salaries (not allowed)');
			assert.equal(refused.length, 1);
			assert.equal(typeof refused[0].json.error, 'string', 'error item');
			const sb = out('SB organisations');
			assert.equal(sb.length, 25, 'SB limit 25');
			const inserted = out('Insert organisation');
			assert.equal(inserted.length, 1, 'one insert result');
			const posts = sim.requests.filter(
				(r) => r.method === 'POST' && /\/connectors\/KnOrganisation$/i.test(r.path),
			);
			assert.equal(posts.length, 1, `POSTs to KnOrganisation: ${posts.length}`);
			const element = posts[0].body?.KnOrganisation?.Element;
			assert.equal(
				element?.Fields?.Nm,
				'Demo Bakery B.V.',
				`body: ${JSON.stringify(posts[0].body).slice(0, 300)}`,
			);
			const address = JSON.stringify(element?.Objects ?? '');
			assert.match(address, /KnBasicAddressAdr/, 'address sub-object in the body');
			assert.ok(
				sim.profit.data.organisations.some(
					(org) => org.Nm === 'Demo Bakery B.V.' || org.Name === 'Demo Bakery B.V.',
				),
				'the organisation is stored in the simulator',
			);
			return `${listed.length} connectors, ${debtors.length} debtors, 1 file, 1 error item, ${sb.length} SB organisations, 1 organisation inserted (${JSON.stringify(inserted[0].json)})`;
		},
	},
];
