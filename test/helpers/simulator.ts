import type { Simulator } from '../simulator';
import { startSimulator } from '../simulator';

/**
 * One simulator per test file, with an empty request log and no faults before each test. The returned object
 * stands for the running simulator once `beforeAll` has started it.
 */
export function useSimulator(options: Parameters<typeof startSimulator>[0] = {}): Simulator {
	let current: Simulator | undefined;
	beforeAll(async () => {
		current = await startSimulator({ port: 0, ...options });
	});
	afterAll(async () => {
		await current?.close();
	});
	beforeEach(() => {
		current?.clearRequests();
		current?.clearFaults();
	});
	return new Proxy({} as Simulator, {
		get(_target, key) {
			if (!current) throw new Error('The simulator is used before beforeAll started it');
			return Reflect.get(current, key) as unknown;
		},
	});
}
