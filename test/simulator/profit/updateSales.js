'use strict';
/**
 * FbSales (sales orders with FbSalesLines): insert, PUT, sub-object POST and DELETE, on the records that
 * Profit_SalesOrders and Profit_SalesOrderLines read. Lines get a `GuLi` (line GUID) so a PUT can address
 * one line, as AFAS's "all subobjects with their key included" rule (research §7.2) expects.
 */
const { ProfitError, ERROR_NUMBERS } = require('./errors');

function notFound(label) {
	return new ProfitError(
		`The entered value for '${label}' does not exist.`,
		ERROR_NUMBERS.valueDoesNotExist,
	);
}

function nextCounter(state, name) {
	const value = state.data.counters[name] ?? 1;
	state.data.counters[name] = value + 1;
	return value;
}

/** Deterministic GUID in Profit's braced form (38 characters, the length of the GuLi field). */
function lineGuid(state) {
	const n = nextCounter(state, 'GuLi').toString(16).toUpperCase().padStart(12, '0');
	return `{5A1E0000-0000-4000-8000-${n}}`;
}

function sameGuid(a, b) {
	return String(a || '').toUpperCase() === String(b || '').toUpperCase();
}

/**
 * A line with a GuLi of this order is updated (or deleted with `@Action: delete`); any other line is added.
 * An explicit `@Action: update`/`delete` for an unknown GuLi fails, as AFAS refuses unknown keys.
 */
function applyLines(state, order, lineNodes, rootAction) {
	for (const child of lineNodes) {
		const { GuLi, ...values } = child.values;
		const existing = GuLi ? order.lines.find((line) => sameGuid(line.GuLi, GuLi)) : undefined;
		const action = child.action || (existing && rootAction !== 'insert' ? 'update' : 'insert');
		if (action === 'insert') {
			order.lines.push({ GuLi: GuLi || lineGuid(state), ...values });
			continue;
		}
		if (!existing) throw notFound('GUID line');
		if (action === 'delete') order.lines.splice(order.lines.indexOf(existing), 1);
		else Object.assign(existing, values);
	}
}

function applySales(state, node, action) {
	const v = node.values;
	const debtorExists = (dbId) => state.data.debtors.some((d) => d.DbId === dbId);
	let order;
	if (action === 'insert') {
		if (!debtorExists(v.DbId)) throw notFound('Debtor');
		// An order number may be given (manual numbering); otherwise Profit numbers the order.
		if (v.OrNu && state.data.salesOrders.some((o) => o.OrNu === v.OrNu)) {
			throw new ProfitError(
				`The value '${v.OrNu}' for 'Number' already exists.`,
				ERROR_NUMBERS.unexpected,
			);
		}
		order = { OrNu: v.OrNu || String(nextCounter(state, 'OrNu')), lines: [] };
		state.data.salesOrders.push(order);
	} else {
		order = state.data.salesOrders.find((o) => o.OrNu === v.OrNu);
		if (!order) throw notFound('Number');
		if (v.DbId !== undefined && !debtorExists(v.DbId)) throw notFound('Debtor');
	}
	const { OrNu, ...rest } = v;
	Object.assign(order, rest);
	applyLines(state, order, node.objects.FbSalesLines || [], action);
	return { OrNu: order.OrNu };
}

/**
 * DELETE /connectors/FbSales/FbSales/@OrNu/{OrNu} removes the order;
 * …/FbSalesLines/@GuLi/{GuLi} after it removes one line (the nested-row form, research §7.1).
 */
function deleteSales(state, keys, sub) {
	const index = state.data.salesOrders.findIndex((o) => o.OrNu === String(keys.OrNu));
	if (index < 0) throw notFound('Number');
	if (!sub) {
		state.data.salesOrders.splice(index, 1);
		return;
	}
	const order = state.data.salesOrders[index];
	if (sub.object.toLowerCase() !== 'fbsaleslines' || sub.keys.GuLi === undefined)
		throw notFound('GUID line');
	const line = order.lines.findIndex((l) => sameGuid(l.GuLi, sub.keys.GuLi));
	if (line < 0) throw notFound('GUID line');
	order.lines.splice(line, 1);
}

module.exports = { applySales, deleteSales };
