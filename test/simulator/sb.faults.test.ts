import { startSimulator, type Simulator } from './index';
import { appAccessToken, sbWrite, type SbSim } from './sb/testHelpers';

const HOLDING = '701b747b-eea2-5ed1-8518-973e5c670252';

describe('AFAS SB simulator: faults that strike after the request was handled', () => {
	let sim: Simulator;
	let sb: SbSim;
	let token: string;
	let entry: (invoiceNumber: string) => Record<string, unknown>;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		sb = sim as unknown as SbSim;
		token = await appAccessToken(sb);
		const organisationId = sim.sb.rows('organisations')[0].Id;
		const ledgerId = sim.sb.rows('ledgeraccounts').find((l) => l.AdministrationId === HOLDING)?.Id;
		entry = (invoiceNumber) => ({
			AdministrationId: HOLDING, InvoiceNumber: invoiceNumber, InvoiceDate: '2024-02-01', RelationType: 'organisation', RelationId: organisationId,
			InvoiceLine: [{ LedgerAccountId: ledgerId, AmountExcludingVat: 100, VatType: 'high' }],
		});
	});
	afterAll(async () => {
		await sim.close();
	});
	afterEach(() => sim.clearFaults());

	const entries = (invoiceNumber: string) => sim.sb.rows(sim.sb.tableOf('/api/salesjournalentry')!).filter((e) => e.InvoiceNumber === invoiceNumber);
	const post = (resource: string, version: string, body: unknown, headers: Record<string, string> = {}) =>
		sbWrite(sb, token, 'POST', resource, version, body, headers);
	const fail503After = () => sim.addFault({ type: 'unavailable', afterHandling: true, retryAfter: 2, times: 1, match: { method: 'POST', path: /\/api\/(salesjournalentry|organisation)$/ } });

	it('503 after handling: a retry with the same Tracking-Identifier gets the stored answer and leaves one record', async () => {
		fail503After();
		const headers = { 'Tracking-Identifier': 'b7f0e3c2-1d4a-4e6b-8c9d-0a1b2c3d4e5f' };
		const lost = await fetch(`${sim.sbUrl}/scope/api/salesjournalentry`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Version': '2', ...headers },
			body: JSON.stringify(entry('AFTER-1')),
		});
		expect(lost.status).toBe(503);
		expect(lost.headers.get('retry-after')).toBe('2');
		expect(await lost.json()).toMatchObject({ retry_after: 2 });
		expect(entries('AFTER-1')).toHaveLength(1); // handled although the client saw a 503

		const retry = await post('salesjournalentry', '2', entry('AFTER-1'), headers);
		expect(retry.status).toBe(200);
		expect(retry.body).toMatchObject({ result: 'Succeeded', data: { SalesJournalEntryId: entries('AFTER-1')[0].Id } });
		expect(entries('AFTER-1')).toHaveLength(1);
	});

	it('without a Tracking-Identifier the retry is processed again: a duplicate error, or a second record', async () => {
		fail503After();
		expect((await post('salesjournalentry', '2', entry('AFTER-2'))).status).toBe(503);
		const again = await post('salesjournalentry', '2', entry('AFTER-2'));
		expect(again.body).toMatchObject({ result: 'Failed', errors: ['SalesJournalEntry with invoicenumber AFTER-2 already exists'] });

		fail503After();
		const named = () => sim.sb.rows('organisations').filter((o) => String(o.Name).startsWith('Dubbel Verwerkt B.V.'));
		expect((await post('organisation', '3', { Name: 'Dubbel Verwerkt B.V.' })).status).toBe(503);
		expect((await post('organisation', '3', { Name: 'Dubbel Verwerkt B.V.' })).body.result).toBe('Succeeded');
		expect(named()).toHaveLength(2);
	});

	it('reset after handling: the connection dies, the write is stored, and the replay answers', async () => {
		sim.addFault({ type: 'reset', afterHandling: true, times: 1, match: { path: /salesjournalentry/ } });
		const headers = { 'Tracking-Identifier': '0d9c8b7a-6f5e-4d3c-8b2a-190817263544' };
		await expect(post('salesjournalentry', '2', entry('AFTER-3'), headers)).rejects.toThrow();
		expect(entries('AFTER-3')).toHaveLength(1);
		expect((await post('salesjournalentry', '2', entry('AFTER-3'), headers)).body.result).toBe('Succeeded');
		expect(entries('AFTER-3')).toHaveLength(1);
	});

	it('a plain 503 (no afterHandling) writes nothing, and afterHandling is refused on other fault types', async () => {
		sim.addFault({ type: 'unavailable', times: 1, match: { path: /salesjournalentry/ } });
		expect((await post('salesjournalentry', '2', entry('AFTER-4'))).status).toBe(503);
		expect(entries('AFTER-4')).toHaveLength(0);
		expect(() => sim.addFault({ type: 'hang', afterHandling: true } as never)).toThrow(/afterHandling works with the fault types unavailable, reset/);
	});
});
