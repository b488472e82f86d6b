import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AfasTrigger } from '../../nodes/Afas/AfasTrigger.node';
import { poller } from '../helpers/n8n';
import { useSimulator } from '../helpers/simulator';
import { runSb, sbCredentials } from './setup';

const sim = useSimulator();
const trigger = new AfasTrigger();

function sbPoller(parameters: INodeParameters = {}) {
	return poller(trigger, {
		parameters: {
			product: 'sb',
			authentication: 'afasSbApi',
			sbResource: 'organisation',
			...parameters,
		},
		credentials: sbCredentials(sim),
	});
}

function rowsOf(result: Awaited<ReturnType<ReturnType<typeof sbPoller>['poll']>>): IDataObject[] {
	return result === null ? [] : result[0].map((item) => item.json);
}

async function createOrganisation(name: string): Promise<string> {
	const [item] = await runSb(sim, {
		resource: 'relations',
		sbResource: 'organisation',
		operation: 'create',
		fields: { mappingMode: 'defineBelow', value: { Name: name } },
	} as unknown as INodeParameters);
	return item.json.id as string;
}

const organisations = () =>
	(sim.sb as unknown as { rows(t: string): IDataObject[] }).rows('organisations');

describe('AFAS Trigger, AFAS SB: change tracking', () => {
	it('stores the TrackingToken on the first poll and emits nothing, then emits each change once', async () => {
		const watcher = sbPoller();
		expect(await watcher.poll()).toBeNull();
		const state = watcher.staticData().sb as { trackingToken: string };
		expect(state.trackingToken).toMatch(/^\d{8}\d+$/);
		// The first poll needs only the token: one request of one record.
		const first = sim.requests.filter((r) => /\/api\/organisations$/i.test(r.path));
		expect(first).toHaveLength(1);
		expect(first[0].query).toMatchObject({ take: '1' });

		const id = await createOrganisation('Trigger Test B.V.');
		const changes = rowsOf(await watcher.poll());
		expect(changes.map((row) => row.Id)).toEqual([id]);
		const sent = sim.requests.filter((r) => /\/api\/organisations$/i.test(r.path)).at(-1);
		expect(sent?.query.TrackingToken).toBe(state.trackingToken);
		expect(await watcher.poll()).toBeNull();
	});

	it('emits every record on the first poll when asked to (backfill)', async () => {
		const watcher = sbPoller({ emitExisting: true });
		const rows = rowsOf(await watcher.poll());
		expect(rows.map((row) => row.Id).sort()).toEqual(
			organisations()
				.map((row) => row.Id)
				.sort(),
		);
		expect(await watcher.poll()).toBeNull();
	});

	it('drops a record SB sends again unchanged (its token cache), but not a new change to it', async () => {
		const watcher = sbPoller();
		await watcher.poll();
		const token = (watcher.staticData().sb as { trackingToken: string }).trackingToken;
		const id = await createOrganisation('Twice Sent B.V.');
		expect(rowsOf(await watcher.poll()).map((row) => row.Id)).toEqual([id]);
		// As if SB answered the next poll from its cache: the same token again gives the same record.
		(watcher.staticData().sb as { trackingToken: string }).trackingToken = token;
		expect(await watcher.poll()).toBeNull();
	});

	it('keeps the token when a poll fails, so the next poll emits what the failed one missed', async () => {
		const watcher = sbPoller();
		await watcher.poll();
		const before = JSON.stringify(watcher.staticData());
		const id = await createOrganisation('Missed Once B.V.');
		sim.addFault({
			match: { path: /\/api\/organisations$/i },
			type: 'answer',
			status: 500,
			body: '{}',
			times: 1,
		});
		await expect(watcher.poll()).rejects.toThrow();
		expect(JSON.stringify(watcher.staticData())).toBe(before);
		expect(rowsOf(await watcher.poll()).map((row) => row.Id)).toEqual([id]);
	});

	it('Fetch Test Event shows one record and leaves the state alone', async () => {
		const watcher = sbPoller();
		const rows = rowsOf(await watcher.poll('manual'));
		expect(rows).toHaveLength(1);
		expect(watcher.staticData()).toEqual({});
	});

	it('can put all changes in one item', async () => {
		const watcher = sbPoller({ emitExisting: true, output: 'single' });
		const result = await watcher.poll();
		expect(result?.[0]).toHaveLength(1);
		const item = result?.[0][0].json as { records: IDataObject[]; count: number };
		expect(item.count).toBe(organisations().length);
		expect(item.records).toHaveLength(item.count);
	});
});
