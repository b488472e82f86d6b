import { createHmac } from 'crypto';

import {
	ALL_PROFIT_EVENT_TYPES,
	concernsDossierItem,
	constantTimeEqual,
	parseProfitEvent,
	parseSignatureHeader,
	profitSignatureHex,
	selectedEventTypes,
	verifyProfitSignature,
} from '../../../../nodes/Afas/wire/profit/webhook';

// Node's own HMAC is the oracle: the module under test uses WebCrypto.
const WEBHOOK_PASSWORD = 'profit webhook wachtwoord €';
const sign = (body: string | Buffer, password = WEBHOOK_PASSWORD) =>
	createHmac('sha256', Buffer.from(password, 'utf8')).update(body).digest('hex');

const EVENT = {
	EventId: '3f1c0f8e-6c55-4c1e-9a51-0d1c8e0b7a11',
	EnvironmentId: '12345AA',
	EventType: 'subject.updated',
	Data: { SubjectTypeId: 3, SubjectId: 9910 },
	Timestamp: '2026-06-08T09:20:56.1351565Z',
};
const BODY = JSON.stringify(EVENT);

describe('profitSignatureHex', () => {
	it('is the hex HMAC-SHA256 of the body bytes with the UTF-8 password', async () => {
		expect(await profitSignatureHex(BODY, WEBHOOK_PASSWORD)).toBe(sign(BODY));
		const bytes = Buffer.from(`\ufeff${BODY}`, 'utf8');
		expect(await profitSignatureHex(bytes, WEBHOOK_PASSWORD)).toBe(sign(bytes));
	});
});

describe('parseSignatureHeader', () => {
	const hex = sign(BODY);

	it('reads sha256=<hex> with the prefix and the hex in any case', () => {
		expect(parseSignatureHeader(`sha256=${hex}`)).toEqual({ ok: true, hex });
		expect(parseSignatureHeader(`SHA256=${hex.toUpperCase()}`)).toEqual({ ok: true, hex });
		expect(parseSignatureHeader(`  Sha256=${hex}  `)).toEqual({ ok: true, hex });
		expect(parseSignatureHeader([`sha256=${hex}`])).toEqual({ ok: true, hex });
	});

	it('calls an absent or empty header missing', () => {
		for (const value of [undefined, '', '   ', []])
			expect(parseSignatureHeader(value)).toEqual({ ok: false, reason: 'missing' });
	});

	it('refuses every other shape as malformed', () => {
		for (const value of [
			hex,
			`sha1=${hex.slice(0, 40)}`,
			`sha256:${hex}`,
			`sha256= ${hex}`,
			`sha256=${hex.slice(0, 63)}`,
			`sha256=${hex}0`,
			`sha256=${hex.slice(0, 63)}g`,
			`sha256=${hex}, sha256=${hex}`,
			[`sha256=${hex}`, `sha256=${hex}`],
			'sha256=',
		])
			expect(parseSignatureHeader(value)).toEqual({ ok: false, reason: 'malformed' });
	});
});

describe('constantTimeEqual', () => {
	it('is equality, also for unequal lengths and prefixes', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		expect(constantTimeEqual('', '')).toBe(true);
		expect(constantTimeEqual('abc', 'abd')).toBe(false);
		expect(constantTimeEqual('abc', 'ab')).toBe(false);
		expect(constantTimeEqual('ab', 'abc')).toBe(false);
		expect(constantTimeEqual('', 'a')).toBe(false);
		// A NUL past the end must not pass for "nothing there".
		expect(constantTimeEqual('ab', 'ab\u0000')).toBe(false);
		expect(constantTimeEqual('ab\u0000', 'ab')).toBe(false);
	});
});

describe('verifyProfitSignature', () => {
	it('accepts the signature of exactly these bytes', async () => {
		expect(await verifyProfitSignature(BODY, `sha256=${sign(BODY)}`, WEBHOOK_PASSWORD)).toEqual({
			ok: true,
		});
		const bytes = Buffer.from(BODY, 'utf8');
		expect(
			await verifyProfitSignature(bytes, `SHA256=${sign(bytes).toUpperCase()}`, WEBHOOK_PASSWORD),
		).toEqual({ ok: true });
	});

	it('refuses a replayed signature on a body with changed bytes', async () => {
		const old = `sha256=${sign(BODY)}`;
		const changed = BODY.replace('9910', '9911');
		expect(await verifyProfitSignature(changed, old, WEBHOOK_PASSWORD)).toEqual({
			ok: false,
			reason: 'mismatch',
		});
		// The same JSON with other whitespace is other bytes: the body is not re-serialised before checking.
		expect(
			await verifyProfitSignature(JSON.stringify(EVENT, null, 1), old, WEBHOOK_PASSWORD),
		).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('refuses a signature made with another password', async () => {
		const header = `sha256=${sign(BODY, 'another password')}`;
		expect(await verifyProfitSignature(BODY, header, WEBHOOK_PASSWORD)).toEqual({
			ok: false,
			reason: 'mismatch',
		});
	});

	it('refuses missing and malformed headers before computing anything', async () => {
		expect(await verifyProfitSignature(BODY, undefined, WEBHOOK_PASSWORD)).toEqual({
			ok: false,
			reason: 'missing',
		});
		expect(await verifyProfitSignature(BODY, sign(BODY), WEBHOOK_PASSWORD)).toEqual({
			ok: false,
			reason: 'malformed',
		});
	});

	it('verifies nothing while the password is empty, not even a signature made with it', async () => {
		expect(await verifyProfitSignature(BODY, `sha256=${sign(BODY, '')}`, '')).toEqual({
			ok: false,
			reason: 'noPassword',
		});
	});
});

describe('parseProfitEvent', () => {
	it('keeps every field as Profit sent it, extra ones too', () => {
		const extra = { ...EVENT, Version: 2 };
		expect(parseProfitEvent(JSON.stringify(extra))).toEqual({ ok: true, event: extra });
		expect(parseProfitEvent(Buffer.from(`\ufeff${BODY}`, 'utf8'))).toEqual({
			ok: true,
			event: EVENT,
		});
	});

	it('accepts every documented event type and a type Profit may add later', () => {
		for (const EventType of [...ALL_PROFIT_EVENT_TYPES, 'subject.archived'])
			expect(parseProfitEvent(JSON.stringify({ ...EVENT, EventType })).ok).toBe(true);
	});

	it('names the problem of a body that is not a Profit event', () => {
		const problem = (body: string) => {
			const parsed = parseProfitEvent(body);
			return parsed.ok ? undefined : parsed.problem;
		};
		expect(problem('{"EventId":')).toBe('The body is not JSON');
		expect(problem('')).toBe('The body is not JSON');
		expect(problem('[1]')).toBe('The body is not a JSON object');
		expect(problem('null')).toBe('The body is not a JSON object');
		for (const field of ['EventId', 'EnvironmentId', 'EventType', 'Timestamp']) {
			expect(problem(JSON.stringify({ ...EVENT, [field]: undefined }))).toBe(
				`The body has no ${field}`,
			);
			expect(problem(JSON.stringify({ ...EVENT, [field]: ' ' }))).toBe(`The body has no ${field}`);
			expect(problem(JSON.stringify({ ...EVENT, [field]: 1 }))).toBe(`The body has no ${field}`);
		}
		expect(problem(JSON.stringify({ ...EVENT, Data: undefined }))).toBe(
			'The body has no Data object',
		);
		expect(problem(JSON.stringify({ ...EVENT, Data: [] }))).toBe('The body has no Data object');
		expect(problem(JSON.stringify({ ...EVENT, Data: 'x' }))).toBe('The body has no Data object');
	});
});

describe('event types', () => {
	it('lists the nine documented types', () => {
		expect([...ALL_PROFIT_EVENT_TYPES].sort()).toEqual(
			[
				'subject.created',
				'subject.updated',
				'subject.deleted',
				'subject.reaction.created',
				'subject.reaction.updated',
				'subject.reaction.deleted',
				'workflow.action.executed',
				'workflow.task.entered',
				'test.executed',
			].sort(),
		);
	});

	it('reads dossier items back for item and reaction events only', () => {
		expect(ALL_PROFIT_EVENT_TYPES.filter(concernsDossierItem)).toEqual([
			'subject.created',
			'subject.updated',
			'subject.deleted',
			'subject.reaction.created',
			'subject.reaction.updated',
			'subject.reaction.deleted',
		]);
	});

	it('reads the Events selection; empty means all, anything but names is refused', () => {
		const types = (value: unknown) => {
			const selected = selectedEventTypes(value);
			return selected.ok ? [...selected.types].sort() : 'refused';
		};
		expect(types(['subject.created', ' test.executed '])).toEqual([
			'subject.created',
			'test.executed',
		]);
		expect(types('subject.created,subject.deleted')).toEqual([
			'subject.created',
			'subject.deleted',
		]);
		for (const empty of [undefined, null, '', [], ['']])
			expect(types(empty)).toEqual([...ALL_PROFIT_EVENT_TYPES].sort());
		expect(types([1])).toBe('refused');
		expect(types({ a: 1 })).toBe('refused');
	});
});
