'use strict';
/**
 * Data changes between polls without HTTP: `state.insert(connectorId, fields)` and
 * `state.modify(connectorId, match, fields)`. They stamp CreateDate/ModifiedDate from the simulator clock exactly
 * as an UpdateConnector write does (milliseconds kept, whole seconds printed), so polling tests can create the
 * hard cases (same-second changes, equal printed timestamps) on purpose.
 */
const { normaliseLocalDate, printDate } = require('./dates');
const { now, nextCounter } = require('./updateApply');

const ORGANISATION_ADDRESS = {
	City: 'Rs',
	CountryId: 'CoId',
	Street: 'Ad',
	HouseNumber: 'HmNr',
	HouseNumberAddition: 'HmAd',
	ZipCode: 'ZpCd',
};

function relationNumberTaken(state, bcCo) {
	return [...state.data.persons, ...state.data.organisations].some((r) => r.BcCo === bcCo);
}

/**
 * Per connector: its record list, the GetConnector key column and its record field, and the GetConnector
 * columns a test may set (column id -> record field). Record field ids (UpdateConnector ids) are accepted too.
 */
const TABLES = {
	Profit_Persons: {
		records: (state) => state.data.persons,
		key: ['BcCo', 'BcCo'],
		columns: {
			SearchName: 'SeNm',
			FirstName: 'FiNm',
			Initials: 'In',
			Prefix: 'Is',
			LastName: 'LaNm',
			Gender: 'ViGe',
			Email: 'EmAd',
			MobilePhone: 'MbNr',
			BirthDate: 'DaBi',
			Klantsegment: 'U5F0D8A44C3B64C8E9E1A7B2C3D4E5F60',
		},
		create(state, key) {
			const bcCo = key ?? String(nextCounter(state, 'BcCo'));
			if (relationNumberTaken(state, bcCo)) throw new Error(`BcCo '${bcCo}' already exists`);
			return { BcId: nextCounter(state, 'BcId'), BcCo: bcCo };
		},
	},
	Profit_Organisations: {
		records: (state) => state.data.organisations,
		key: ['BcCo', 'BcCo'],
		columns: {
			Name: 'Nm',
			SearchName: 'SeNm',
			ChamberOfCommerce: 'CcNr',
			Email: 'EmAd',
			Phone: 'TeNr',
			Website: 'HoPa',
			...ORGANISATION_ADDRESS,
		},
		create(state, key) {
			const bcCo = key ?? String(nextCounter(state, 'BcCo'));
			if (relationNumberTaken(state, bcCo)) throw new Error(`BcCo '${bcCo}' already exists`);
			return { BcId: nextCounter(state, 'BcId'), BcCo: bcCo };
		},
		// The visiting address is read from the KnBasicAddressAdr rows a KnOrganisation write keeps.
		set(record, field, value) {
			if (!Object.values(ORGANISATION_ADDRESS).includes(field)) {
				record[field] = value;
				return;
			}
			record.objects = record.objects || {};
			const rows = record.objects.KnBasicAddressAdr || (record.objects.KnBasicAddressAdr = []);
			if (rows.length === 0) rows.push({});
			rows[rows.length - 1][field] = value;
		},
	},
	Profit_Employees: {
		records: (state) => state.data.employees,
		key: ['EmployeeId', 'EmId'],
		columns: {
			BcCo: 'BcCo',
			Name: 'Name',
			Email: 'EmAd',
			EmploymentStartDate: 'EmploymentStartDate',
			EmploymentEndDate: 'EmploymentEndDate',
			EmailForDigitalDocuments: 'EmailForDigitalDocuments',
			FunctionDescription: 'FunctionDescription',
			DepartmentCode: 'DepartmentCode',
			HoursPerWeek: 'HoursPerWeek',
			PhotoImageId: 'PhotoImageId',
		},
		create(state, key) {
			const emId = key ?? String(2000 + state.data.employees.length + 1);
			if (state.data.employees.some((e) => e.EmId === emId))
				throw new Error(`EmployeeId '${emId}' already exists`);
			return { EmId: emId };
		},
	},
	Profit_Debtor: {
		records: (state) => state.data.debtors,
		key: ['DebtorId', 'DbId'],
		columns: {
			DebtorName: 'Nm',
			BcCo: 'BcCo',
			City: 'Rs',
			CountryId: 'CoId',
			Blocked: 'Blocked',
			CreditLimit: 'CreditLimit',
			Balance: 'Balance',
		},
		create(state, key) {
			const dbId = key ?? String(10000 + state.data.debtors.length + 1);
			if (state.data.debtors.some((d) => d.DbId === dbId))
				throw new Error(`DebtorId '${dbId}' already exists`);
			return { DbId: dbId };
		},
	},
};

function tableOf(state, connectorId) {
	const id = Object.keys(TABLES).find(
		(name) => name.toLowerCase() === String(connectorId).toLowerCase(),
	);
	if (!id)
		throw new Error(
			`insert/modify supports ${Object.keys(TABLES).join(', ')}; not '${connectorId}'`,
		);
	const connector = state.getConnectors.find((c) => c.id === id);
	return { id, table: TABLES[id], connector };
}

/** One row as a GetConnector read prints it (dates as whole seconds with the `Z`). */
function rowObject(view, fields, i, subSecond) {
	const row = {};
	fields.forEach((field, c) => {
		const cell = view.value(i, c);
		row[field.id] = cell !== null && field.dataType === 'date' ? printDate(cell, subSecond) : cell;
	});
	return row;
}

function readRow(state, connector, index) {
	return rowObject(connector.open(state), connector.fields, index, state.options.subSecond);
}

/** Maps GetConnector column ids (or record field ids) to record fields; dates normalised to local time. */
function recordValues(id, table, connector, fields) {
	const byRecordField = new Map(Object.entries(table.columns).map(([column, f]) => [f, column]));
	const out = [];
	for (const [name, value] of Object.entries(fields || {})) {
		const column = table.columns[name] !== undefined ? name : byRecordField.get(name);
		if (column === undefined)
			throw new Error(
				`${id}: '${name}' cannot be set here; settable: ${Object.keys(table.columns).join(', ')}`,
			);
		const field = connector.fields.find((f) => f.id === column);
		let stored = value;
		if (field && field.dataType === 'date' && value !== null && value !== undefined) {
			stored = normaliseLocalDate(value);
			if (!stored) throw new Error(`${id}: '${name}' needs a date, got '${value}'`);
		}
		out.push([table.columns[column], stored]);
	}
	return out;
}

function apply(table, record, values) {
	for (const [field, value] of values) {
		if (table.set) table.set(record, field, value);
		else record[field] = value;
	}
}

function insert(state, connectorId, fields = {}) {
	const { id, table, connector } = tableOf(state, connectorId);
	const [keyColumn] = table.key;
	const { [keyColumn]: key, ...rest } = fields;
	const values = recordValues(id, table, connector, rest);
	const stamp = now(state);
	const record = { ...table.create(state, key === undefined ? undefined : String(key)) };
	apply(table, record, values);
	record.CreateDate = stamp;
	record.ModifiedDate = stamp;
	const list = table.records(state);
	list.push(record);
	return readRow(state, connector, list.length - 1);
}

/** `match`: the key value (BcCo, EmployeeId, DebtorId) or `{ column: value }` on printed GetConnector values. */
function findIndex(state, id, table, connector, match) {
	const criteria = match !== null && typeof match === 'object' ? match : { [table.key[0]]: match };
	const view = connector.open(state);
	const columns = Object.entries(criteria).map(([name, value]) => {
		const column = connector.fields.findIndex((f) => f.id.toLowerCase() === name.toLowerCase());
		if (column < 0) throw new Error(`${id} has no field '${name}'`);
		return { column, value, date: connector.fields[column].dataType === 'date' };
	});
	const hits = [];
	for (let i = 0; i < view.size; i++) {
		const same = columns.every(({ column, value, date }) => {
			const cell = view.value(i, column);
			const shown = date ? printDate(cell, state.options.subSecond) : cell;
			return cell === null ? value === null : String(shown) === String(value);
		});
		if (same) hits.push(i);
	}
	if (hits.length !== 1)
		throw new Error(`${id}: ${JSON.stringify(criteria)} matches ${hits.length} rows, not 1`);
	return hits[0];
}

function modify(state, connectorId, match, fields = {}) {
	const { id, table, connector } = tableOf(state, connectorId);
	const index = findIndex(state, id, table, connector, match);
	const values = recordValues(id, table, connector, fields);
	const record = table.records(state)[index];
	apply(table, record, values);
	record.ModifiedDate = now(state);
	return readRow(state, connector, index);
}

module.exports = { insert, modify, rowObject, CHANGE_CONNECTORS: Object.keys(TABLES) };
