import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AfasTrigger } from '../../nodes/Afas/AfasTrigger.node';
import { poller } from '../helpers/n8n';
import { useSimulator } from '../helpers/simulator';
import { byId, connectorReads, profitCredentials } from './setup';

const sim = useSimulator();
const trigger = new AfasTrigger();

function profitPoller(parameters: INodeParameters = {}) {
	return poller(trigger, {
		parameters: {
			product: 'profit',
			connector: byId('Profit_Persons'),
			dateField: 'ModifiedDate',
			keyField: 'BcCo',
			options: { dateHandling: 'keep' },
			...parameters,
		},
		credentials: profitCredentials(sim),
	});
}

type Watcher = ReturnType<typeof profitPoller>;

async function changes(watcher: Watcher): Promise<IDataObject[]> {
	const result = await watcher.poll();
	return result === null ? [] : result[0].map((item) => item.json);
}

const bcCos = (rows: IDataObject[]) => rows.map((row) => row.BcCo);
const T0 = Date.parse('2026-11-30T09:00:00.000Z'); // 10:00:00 in Amsterdam

beforeEach(() => {
	sim.profit.reset();
	sim.freezeTime(T0);
});
afterEach(() => sim.unfreezeTime());

describe('AFAS Trigger, Profit: new and changed rows by modification date', () => {
	it('starts from the newest change without emitting history, then emits each change once', async () => {
		const watcher = profitPoller();
		expect(await watcher.poll()).toBeNull();
		const state = watcher.staticData().profit as { cursor: { at: string } };
		expect(state.cursor.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

		sim.advanceTime(5_000);
		sim.profit.modify('Profit_Persons', '100003', { LastName: 'Changed' });
		const inserted = sim.profit.insert('Profit_Persons', { LastName: 'Nieuw', FirstName: 'Nina' });
		expect(bcCos(await changes(watcher))).toEqual(['100003', inserted.BcCo]);
		expect(await watcher.poll()).toBeNull();
		// The cursor went out as Profit's wall clock without Z (>=, operator 2), sorted by date then key.
		const read = connectorReads(sim, 'Profit_Persons').at(-1);
		expect(read?.query).toMatchObject({
			filterfieldids: 'ModifiedDate',
			filtervalues: '2026-11-30T10:00:05',
			operatortypes: '2',
			orderbyfieldids: 'ModifiedDate,BcCo',
		});
	});

	it('same second: a second change to a row is emitted, a re-read of it is not', async () => {
		const watcher = profitPoller();
		await watcher.poll();
		sim.advanceTime(1_000);
		sim.profit.modify('Profit_Persons', '100001', { LastName: 'Eerste' });
		expect(bcCos(await changes(watcher))).toEqual(['100001']);
		sim.advanceTime(300); // still the same printed second
		sim.profit.modify('Profit_Persons', '100001', { LastName: 'Tweede' });
		const again = await changes(watcher);
		expect(again.map((row) => row.LastName)).toEqual(['Tweede']);
		sim.advanceTime(300);
		sim.profit.modify('Profit_Persons', '100002', { LastName: 'Derde' });
		expect(bcCos(await changes(watcher))).toEqual(['100002']);
		expect(await watcher.poll()).toBeNull();
	});

	it('rows with one timestamp spanning page boundaries are each emitted once', async () => {
		const watcher = profitPoller({ options: { dateHandling: 'keep', pageSize: 3 } });
		await watcher.poll();
		sim.advanceTime(2_000);
		const keys: unknown[] = [];
		for (let i = 0; i < 7; i++)
			keys.push(sim.profit.insert('Profit_Persons', { LastName: `Zelfde ${i}` }).BcCo);
		const rows = await changes(watcher);
		expect(bcCos(rows).sort()).toEqual([...keys].sort());
		// Each page resumes inside the second instead of using a growing skip: page 1 also holds the row the
		// previous poll ended on (2 new rows), so page 2 skips the 2 read at that second, page 3 the 5.
		const skips = connectorReads(sim, 'Profit_Persons')
			.slice(-3)
			.map((r) => r.query.skip);
		expect(skips).toEqual(['0', '2', '5']);
		expect(await watcher.poll()).toBeNull();
	});

	it('a poll that fails after page 2 skips nothing: the next poll emits every change exactly once', async () => {
		const watcher = profitPoller({ options: { dateHandling: 'keep', pageSize: 4 } });
		await watcher.poll();
		const keys: unknown[] = [];
		for (let i = 0; i < 10; i++) {
			sim.advanceTime(1_000);
			keys.push(sim.profit.insert('Profit_Persons', { LastName: `Stap ${i}` }).BcCo);
		}
		const before = JSON.stringify(watcher.staticData());
		// Page 1 holds the previous poll's last row and 3 new ones, page 2 the next 4 (up to 10:00:07): page 3
		// starts at that second.
		sim.addFault({
			match: { path: /Profit_Persons$/, query: { filtervalues: ['2026-11-30T10:00:07'] } },
			type: 'answer',
			status: 500,
			body: '{"externalMessage":"Er is een onverwachte fout opgetreden."}',
			times: 1,
		});
		await expect(watcher.poll()).rejects.toThrow();
		expect(JSON.stringify(watcher.staticData())).toBe(before);
		expect(bcCos(await changes(watcher))).toEqual(keys);
		expect(await watcher.poll()).toBeNull();
	});

	it('Start From emits the rows changed since then on the first poll (backfill)', async () => {
		sim.advanceTime(60_000);
		const recent = sim.profit.insert('Profit_Persons', { LastName: 'Recent' });
		const watcher = profitPoller({ startFrom: '2026-11-30T10:00:30' });
		expect(bcCos(await changes(watcher))).toEqual([recent.BcCo]);
	});

	it('Fetch Test Event shows the newest row and stores nothing', async () => {
		sim.advanceTime(1_000);
		const newest = sim.profit.insert('Profit_Persons', { LastName: 'Nieuwste' });
		const watcher = profitPoller();
		const result = await watcher.poll('manual');
		expect(result?.[0].map((item) => item.json.BcCo)).toEqual([newest.BcCo]);
		expect(watcher.staticData()).toEqual({});
	});

	it('picks the modification date and key itself when left empty', async () => {
		const watcher = profitPoller({ dateField: '', keyField: '' });
		await watcher.poll();
		sim.advanceTime(1_000);
		sim.profit.modify('Profit_Persons', '100004', { LastName: 'Auto' });
		const rows = await changes(watcher);
		expect(bcCos(rows)).toEqual(['100004']);
		expect(connectorReads(sim, 'Profit_Persons').at(-1)?.query.orderbyfieldids).toBe(
			'ModifiedDate,BcId',
		);
	});

	it('outputs Amsterdam time with its offset by default, like Get Many', async () => {
		const watcher = profitPoller({ options: {} });
		await watcher.poll();
		sim.advanceTime(1_000);
		sim.profit.modify('Profit_Persons', '100005', { LastName: 'Tijd' });
		const [row] = await changes(watcher);
		expect(row.ModifiedDate).toBe('2026-11-30T10:00:01+01:00');
	});

	it('names a connector without an obvious modification date instead of guessing', async () => {
		const watcher = profitPoller({
			connector: byId('Profit_Administrations'),
			dateField: '',
			keyField: '',
		});
		await expect(watcher.poll()).rejects.toThrow(
			/Modification Date Field: GetConnector Profit_Administrations/,
		);
	});
});
