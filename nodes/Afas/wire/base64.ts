/**
 * Strict Base64 (RFC 4648 §4, the standard alphabet with `=` padding, as .NET's Convert.ToBase64String writes it).
 * Node's `Buffer.from(text, 'base64')` never fails: it skips what it does not know and stops at the first `=`,
 * so an HTML page or a cut-off answer would become a garbage file. Line breaks and spaces are tolerated
 * (MIME-style wrapping at 76 characters), nothing else.
 */
export type Base64Result =
	| { ok: true; bytes: Buffer }
	| {
			ok: false;
			/** What is wrong, for a message: never a piece of the data beyond the one offending character. */
			problem: string;
	  };

const ALPHABET = /[A-Za-z0-9+/]/;

export function decodeBase64Strict(text: string): Base64Result {
	const compact = text.replace(/[ \t\r\n]+/g, '');
	const padding = /=*$/.exec(compact)?.[0].length ?? 0;
	const body = compact.slice(0, compact.length - padding);
	for (let index = 0; index < body.length; index++) {
		const character = body[index];
		if (!ALPHABET.test(character)) {
			const at = text.indexOf(character);
			return {
				ok: false,
				problem: `character ${JSON.stringify(character)} at position ${at + 1} is not Base64`,
			};
		}
	}
	if (padding > 2 || compact.length % 4 !== 0)
		return {
			ok: false,
			problem: `its length (${compact.length} characters without line breaks) is not a multiple of 4, so it is cut off or padded wrongly`,
		};
	const bytes = Buffer.from(compact, 'base64');
	// Non-zero bits after the last full byte mean the text is not what any encoder writes.
	if (bytes.toString('base64') !== compact)
		return { ok: false, problem: 'its last characters do not encode whole bytes' };
	return { ok: true, bytes };
}
