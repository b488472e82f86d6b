'use strict';
/**
 * GET /connectors/{id} (research §5): skip/take with the -1 rules, multi-field sorting, filters, and
 * the response `{skip, take, rows}` with Amsterdam-local dates ending in a (misleading) `Z`.
 */
const { ProfitError, UNEXPECTED } = require('./errors');
const { parseFilter, compileFilter } = require('./filters');
const { dateKey, printDate } = require('./dates');

const DEFAULT_TAKE = 100;
const STREAM_THRESHOLD = 2000;

/** PAFAS observed (2017) that a non-numeric skip/take or one below -1 behaves as 0; UNVERIFIED today. */
function parseCount(raw, fallback) {
	if (raw === null || raw === '') return fallback;
	if (!/^-?\d+$/.test(raw.trim())) return 0;
	const value = Number(raw);
	return value < -1 ? 0 : value;
}

/**
 * CONFLICT (§5.2): PAFAS says `skip=-1` ignores `take`; the vendor shows `skip=2&take=-1` failing and DG says
 * -1 is only allowed in combination. The simulator follows the stricter checklist (§13.1): -1 only as a pair.
 */
function parsePaging(query) {
	const skip = parseCount(query.get('skip'), 0);
	const take = parseCount(query.get('take'), DEFAULT_TAKE);
	if ((skip === -1) !== (take === -1)) throw new ProfitError(UNEXPECTED);
	return { skip, take, all: skip === -1 };
}

function parseSort(query, fields) {
	const raw = query.get('orderbyfieldids');
	if (raw === null || raw.trim() === '') return [];
	return raw.split(',').map((part) => {
		const text = part.trim();
		const descending = text.startsWith('-');
		const id = descending ? text.slice(1).trim() : text;
		const column = fields.findIndex((field) => field.id.toLowerCase() === id.toLowerCase());
		if (column < 0) throw new ProfitError(`Connector field '${id}' not found`);
		return { column, descending, dataType: fields[column].dataType };
	});
}

/** Dates sort on the precise stored instant (milliseconds), though they print as whole seconds. */
function sortKey(cell, dataType) {
	if (cell === null || cell === undefined) return null;
	if (dataType === 'date') return dateKey(cell);
	return dataType === 'string' ? String(cell).toLowerCase() : cell;
}

/** SQL Server order: NULLs first when ascending, last when descending; ties keep the natural order. */
function sortIndices(indices, view, sort) {
	const keys = sort.map(({ column, dataType }) => {
		const map = new Map();
		for (const i of indices) map.set(i, sortKey(view.value(i, column), dataType));
		return map;
	});
	return indices.sort((a, b) => {
		for (let s = 0; s < sort.length; s++) {
			const ka = keys[s].get(a);
			const kb = keys[s].get(b);
			let order = 0;
			if (ka === null && kb !== null) order = -1;
			else if (ka !== null && kb === null) order = 1;
			else if (ka < kb) order = -1;
			else if (ka > kb) order = 1;
			if (order !== 0) return sort[s].descending ? -order : order;
		}
		return a - b;
	});
}

/**
 * Without `orderbyfieldids` the real API does not guarantee the order between calls, so paging can miss or
 * repeat rows (§5.2). The simulator reproduces that deterministically: an unsorted page after the first one
 * starts a few rows off (a drift that depends only on the page number). Sorted paging is exact.
 */
function unsortedStart(skip, take) {
	if (skip <= 0) return skip;
	const page = Math.floor(skip / Math.max(take, 1));
	const drift = [0, 1, -1, 2, -2][page % 5];
	return Math.max(0, skip + drift);
}

function rowJson(view, fields, i, subSecond) {
	const parts = [];
	for (let c = 0; c < fields.length; c++) {
		let cell = view.value(i, c);
		if (cell !== null && fields[c].dataType === 'date') cell = printDate(cell, subSecond);
		parts.push(`${JSON.stringify(fields[c].id)}:${cell === null ? 'null' : JSON.stringify(cell)}`);
	}
	return `{${parts.join(',')}}`;
}

async function writeChunked(res, head, view, fields, selection, tail, subSecond) {
	const write = (text) =>
		res.write(text) ? Promise.resolve() : new Promise((resolve) => res.once('drain', resolve));
	await write(head);
	let buffer = [];
	for (let n = 0; n < selection.length; n++) {
		buffer.push(rowJson(view, fields, selection.at(n), subSecond));
		if (buffer.length === 500) {
			await write((n >= 500 ? ',' : '') + buffer.join(','));
			buffer = [];
		}
		if (res.destroyed) return;
	}
	if (buffer.length > 0) await write((selection.length > 500 ? ',' : '') + buffer.join(','));
	res.end(tail);
}

/** A lazy list of row indices: a range when nothing was filtered or sorted, else an array. */
function rangeSelection(start, end) {
	return { length: Math.max(0, end - start), at: (n) => start + n };
}

function arraySelection(array, start, end) {
	const slice = array.slice(start, end);
	return { length: slice.length, at: (n) => slice[n] };
}

async function handleGetConnector(ctx, connector, state) {
	const { fields } = connector;
	const paging = parsePaging(ctx.query);
	const sort = parseSort(ctx.query, fields);
	const groups = parseFilter(ctx.query);
	const predicate = groups ? compileFilter(groups, fields) : null;
	const view = connector.open(state);

	let start = paging.all ? 0 : paging.skip;
	// PAFAS (2017): take=0 returned one row; UNVERIFIED today, reproduced for fidelity.
	const count = paging.all ? Infinity : paging.take === 0 ? 1 : paging.take;
	if (!paging.all && sort.length === 0 && state.options.unsortedPaging !== 'stable') {
		start = unsortedStart(paging.skip, paging.take);
	}

	let selection;
	if (!predicate && sort.length === 0) {
		selection = rangeSelection(Math.min(start, view.size), Math.min(view.size, start + count));
	} else {
		let indices = [];
		for (let i = 0; i < view.size; i++) if (!predicate || predicate(view, i)) indices.push(i);
		if (sort.length > 0) indices = sortIndices(indices, view, sort);
		selection = arraySelection(indices, start, start + count);
	}

	const head = `{"skip":${paging.skip},"take":${paging.take},"rows":[`;
	const headers = {
		'Content-Type': 'application/json; charset=utf-8',
		'Cache-Control': 'no-store, no-cache',
	};
	if (selection.length <= STREAM_THRESHOLD) {
		const rows = [];
		for (let n = 0; n < selection.length; n++)
			rows.push(rowJson(view, fields, selection.at(n), state.options.subSecond));
		ctx.send(200, `${head}${rows.join(',')}]}`, headers);
		return;
	}
	ctx.res.writeHead(200, headers);
	await writeChunked(ctx.res, head, view, fields, selection, ']}', state.options.subSecond);
}

module.exports = { handleGetConnector, rowJson, DEFAULT_TAKE };
