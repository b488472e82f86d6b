import { AfasInputError } from '../../nodes/Afas/wire/inputError';

/** Runs `fn` and returns the AfasInputError it threw; fails the test if it threw nothing or something else. */
export function inputError(fn: () => unknown): AfasInputError {
	let caught: unknown;
	try {
		fn();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(AfasInputError);
	return caught as AfasInputError;
}
