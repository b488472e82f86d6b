/**
 * Query-string encoding for Profit URLs.
 *
 * AFAS rejects a query string longer than about 2049 characters with a 404 (research §5.6), so every character
 * counts. `encodeURIComponent` escapes `:`, `@`, `/` and `,` although RFC 3986 allows them raw in a query; Profit
 * (like any HTTP server) decodes the value before it reads it, so leaving them raw changes nothing but the length.
 * `;`, `&`, `=`, `+`, `#`, `%`, spaces, quotes and brackets stay escaped: some parsers split on `;` or read `+` as a
 * space. The simple-filter separators `,` and `;` are written raw by the caller (as in AFAS's own example URLs);
 * a value that contains either of them never uses the simple syntax (see profit/query.ts).
 */
export function encodeQueryValue(value: string): string {
	return encodeURIComponent(value).replace(/%(3A|40|2F|2C)/gi, (escaped) =>
		decodeURIComponent(escaped),
	);
}

/** Joins already-encoded `name=value` pairs. */
export function joinQuery(pairs: Array<[string, string]>): string {
	return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}
