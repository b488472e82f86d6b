'use strict';
/**
 * What the seeded UpdateConnectors do with a validated body: they change the same records the GetConnectors
 * read (KnPerson -> Profit_Persons, KnSubject -> Profit_Subjects/_Attachments, KnEmployee -> Profit_Employees…).
 * Each applier returns the `results` object for one element, with string values (§7.3).
 */
const crypto = require('crypto');
const { ProfitError, ERROR_NUMBERS } = require('./errors');
const { toAmsterdamLocal } = require('./dates');
const { applySales, deleteSales } = require('./updateSales');

function notFound(label) {
	return new ProfitError(
		`The entered value for '${label}' does not exist.`,
		ERROR_NUMBERS.valueDoesNotExist,
	);
}

function stringResults(values) {
	const out = {};
	for (const [key, value] of Object.entries(values))
		if (value !== undefined && value !== null) out[key] = String(value);
	return out;
}

function assign(record, values) {
	for (const [key, value] of Object.entries(values)) record[key] = value;
}

/** Create/modify stamps keep milliseconds, as Profit stores them; GetConnectors print whole seconds. */
function now(state) {
	return toAmsterdamLocal(state.clock.now(), { millis: true });
}

function nextCounter(state, name) {
	const value = state.data.counters[name];
	state.data.counters[name] += 1;
	return value;
}

/** Keeps sub-object rows we do not model (addresses, bank accounts…) on the record, for tests that peek. */
function keepObjects(record, node, skip = []) {
	for (const [name, children] of Object.entries(node.objects)) {
		if (skip.includes(name)) continue;
		record.objects = record.objects || {};
		record.objects[name] = [
			...(record.objects[name] || []),
			...children.map((child) => ({ ...child.values })),
		];
	}
}

// ---- KnPerson / KnOrganisation: matching rules from the MatchPer / MatchOga code tables (§7.4) ----

function matchPerson(state, v) {
	const persons = state.data.persons;
	const same = (a, b) => String(a || '').toLowerCase() === String(b || '').toLowerCase();
	const nameMatch = (p) =>
		same(p.LaNm, v.LaNm) && same(p.Is, v.Is) && same(p.In, v.In) && same(p.ViGe, v.ViGe);
	switch (String(v.MatchPer)) {
		case '0':
			return persons.find((p) => v.BcCo !== undefined && same(p.BcCo, v.BcCo));
		case '1':
			return persons.find((p) => v.SoSe && same(p.SoSe, v.SoSe));
		case '2':
			return persons.find(nameMatch);
		case '3':
			return persons.find((p) => nameMatch(p) && same(p.EmAd, v.EmAd));
		case '4':
			return persons.find((p) => nameMatch(p) && same(p.MbNr, v.MbNr));
		case '5':
			return persons.find((p) => nameMatch(p) && same(p.TeNr, v.TeNr));
		case '6':
			return persons.find((p) => nameMatch(p) && same(p.DaBi, v.DaBi));
		default:
			return undefined;
	}
}

function upsertPerson(state, node, action) {
	const v = node.values;
	let person =
		v.BcId !== undefined && v.BcId !== null
			? state.data.persons.find((p) => p.BcId === v.BcId)
			: matchPerson(state, v);
	if (!person && action === 'update' && v.BcCo)
		person = state.data.persons.find((p) => p.BcCo === v.BcCo);
	if (!person) {
		if (action === 'update') throw notFound('Organisation/Person (internal)');
		const bcCo = v.AutoNum === true || !v.BcCo ? String(nextCounter(state, 'BcCo')) : v.BcCo;
		if (state.data.persons.some((p) => p.BcCo === bcCo)) {
			throw new ProfitError(
				`The value '${bcCo}' for 'Number' already exists.`,
				ERROR_NUMBERS.unexpected,
			);
		}
		person = {
			BcId: nextCounter(state, 'BcId'),
			BcCo: bcCo,
			CreateDate: now(state),
		};
		state.data.persons.push(person);
	}
	const { BcId, BcCo, MatchPer, AutoNum, ...rest } = v;
	assign(person, rest);
	person.ModifiedDate = now(state);
	keepObjects(person, node);
	return person;
}

function matchOrganisation(state, v) {
	const list = state.data.organisations;
	const same = (a, b) => String(a || '').toLowerCase() === String(b || '').toLowerCase();
	switch (String(v.MatchOga)) {
		case '0':
			return list.find((o) => v.BcCo !== undefined && same(o.BcCo, v.BcCo));
		case '1':
			return list.find((o) => v.CcNr && same(o.CcNr, v.CcNr));
		case '2':
			return list.find((o) => v.FiNr && same(o.FiNr, v.FiNr));
		case '3':
			return list.find((o) => v.Nm && same(o.Nm, v.Nm));
		default:
			return undefined;
	}
}

function upsertOrganisation(state, node, action) {
	const v = node.values;
	let org =
		v.BcId !== undefined && v.BcId !== null
			? state.data.organisations.find((o) => o.BcId === v.BcId)
			: matchOrganisation(state, v);
	if (!org && action === 'update' && v.BcCo)
		org = state.data.organisations.find((o) => o.BcCo === v.BcCo);
	if (!org) {
		if (action === 'update') throw notFound('Organisation/Person (internal)');
		const bcCo = v.AutoNum === true || !v.BcCo ? String(nextCounter(state, 'BcCo')) : v.BcCo;
		org = {
			BcId: nextCounter(state, 'BcId'),
			BcCo: bcCo,
			CreateDate: now(state),
		};
		state.data.organisations.push(org);
	}
	const { BcId, BcCo, MatchOga, AutoNum, ...rest } = v;
	assign(org, rest);
	org.ModifiedDate = now(state);
	applyContacts(state, org, node.objects.KnContact || []);
	keepObjects(org, node, ['KnContact']);
	return org;
}

/**
 * KnContact rows below an organisation become contacts (Profit_Contacts); a nested KnPerson is inserted or
 * matched like a KnPerson write and linked. KnContact has no key in metainfo, so every row adds a contact.
 */
function applyContacts(state, org, contactNodes) {
	for (const child of contactNodes) {
		const contact = {
			CdId: nextCounter(state, 'CdId'),
			BcCoOrg: org.BcCo,
			...child.values,
			addresses: (child.objects.KnBasicAddressAdr || []).map((address) => ({
				...address.values,
			})),
		};
		for (const personNode of child.objects.KnPerson || []) {
			const person = upsertPerson(state, personNode, personNode.action || 'insert');
			contact.BcCoPer = person.BcCo;
		}
		state.data.contacts.push(contact);
	}
}

// ---- KnSubject ----

function attachmentsFrom(nodes) {
	return (nodes || [])
		.filter((child) => child.values.FileName && child.values.FileStream)
		.map((child) => ({
			FileId: crypto.randomBytes(16).toString('hex').toUpperCase(),
			FileName: child.values.FileName,
			data: Buffer.from(String(child.values.FileStream), 'base64'),
		}));
}

function findSubject(state, sbId) {
	const subject = state.data.subjects.find((s) => s.SbId === sbId);
	if (!subject) throw notFound('Dossier item');
	return subject;
}

function applySubject(state, node, action) {
	const v = node.values;
	let subject;
	if (action === 'insert') {
		subject = {
			SbId: nextCounter(state, 'SbId'),
			links: [],
			attachments: [],
			St: false,
		};
		state.data.subjects.push(subject);
	} else {
		subject = findSubject(state, v.SbId);
	}
	const { SbId, FileStream, SbPa, ...rest } = v;
	assign(subject, rest);
	// A single file can also travel on the root (SbPa + FileStream).
	if (SbPa && FileStream)
		subject.attachments.push(...attachmentsFrom([{ values: { FileName: SbPa, FileStream } }]));
	subject.links.push(...(node.objects.KnSubjectLink || []).map((child) => ({ ...child.values })));
	subject.attachments.push(...attachmentsFrom(node.objects.KnSubjectAttachment));
	return { SbId: subject.SbId };
}

// ---- FiEntries (root FiEntryPar) ----

function applyEntries(state, node, action) {
	if (action !== 'insert')
		throw new ProfitError(
			'Journal entries can only be inserted; delete and book again.',
			ERROR_NUMBERS.unexpected,
		);
	const v = node.values;
	// UnId defaults to the administration the user last logged into (§7.4): here administration 1.
	const unId = v.UnId ?? 1;
	if (!state.data.administrations.some((a) => a.AdminId === Number(unId)))
		throw notFound('Administration');
	const lines = (node.objects.FiEntries || []).map((child) => ({
		...child.values,
	}));
	const cents = (value) => Math.round(Number(value || 0) * 100);
	const debit = lines.reduce((sum, line) => sum + cents(line.AmDe), 0);
	const credit = lines.reduce((sum, line) => sum + cents(line.AmCr), 0);
	if (lines.length === 0 || debit !== credit) {
		throw new ProfitError(
			'The entry is not balanced: the total debit does not equal the total credit.',
			ERROR_NUMBERS.unexpected,
		);
	}
	const enNo = nextCounter(state, 'EnNo');
	state.data.journalEntries.push({
		UnId: Number(unId),
		Year: v.Year,
		Peri: v.Peri,
		JoCo: v.JoCo,
		EnNo: enNo,
		lines,
	});
	// The observed real response (§7.3): root element name, UnId and EnNo as strings.
	return { UnId: unId, EnNo: enNo };
}

// ---- KnEmployee (root AfasEmployee) ----

function applyEmployee(state, node, action) {
	const v = node.values;
	let employee = v.EmId ? state.data.employees.find((e) => e.EmId === v.EmId) : undefined;
	if (action === 'insert') {
		if (employee)
			throw new ProfitError(
				`The value '${v.EmId}' for 'Medewerker' already exists.`,
				ERROR_NUMBERS.unexpected,
			);
		const emId = v.EmId || String(2000 + state.data.employees.length + 1);
		employee = {
			EmId: emId,
			EmploymentStartDate: null,
			EmploymentEndDate: null,
			EmailForDigitalDocuments: null,
			PhotoImageId: null,
			CreateDate: now(state),
		};
		state.data.employees.push(employee);
	} else if (!employee) {
		throw notFound('Medewerker');
	}
	for (const personNode of node.objects.KnPerson || []) {
		const linked =
			employee.BcCo && !personNode.values.MatchPer
				? {
						...personNode,
						values: {
							...personNode.values,
							BcCo: employee.BcCo,
							MatchPer: '0',
						},
					}
				: personNode;
		const person = upsertPerson(
			state,
			linked,
			personNode.action || (employee.BcCo ? 'update' : 'insert'),
		);
		employee.BcCo = person.BcCo;
		employee.Name =
			`${person.FiNm || ''} ${person.Is ? `${person.Is} ` : ''}${person.LaNm || ''}`.trim();
		employee.EmAd = person.EmAd;
	}
	for (const contract of node.objects.AfasContract || []) {
		if (contract.values.DaBe !== undefined) employee.EmploymentStartDate = contract.values.DaBe;
		if (contract.values.DaEn !== undefined) employee.EmploymentEndDate = contract.values.DaEn;
	}
	for (const fn of node.objects.AfasOrgunitFunction || []) {
		if (fn.values.DpId !== undefined) employee.DepartmentCode = fn.values.DpId;
		if (fn.values.FuId !== undefined) employee.FunctionDescription = fn.values.FuId;
	}
	keepObjects(employee, node, ['KnPerson', 'AfasContract', 'AfasOrgunitFunction']);
	employee.ModifiedDate = now(state);
	return { EmId: employee.EmId };
}

const APPLIERS = {
	KnPerson: (state, node, action) => {
		const person = upsertPerson(state, node, action);
		return { BcCo: person.BcCo, BcId: person.BcId };
	},
	KnOrganisation: (state, node, action) => {
		const org = upsertOrganisation(state, node, action);
		return { BcCo: org.BcCo, BcId: org.BcId };
	},
	KnSubject: applySubject,
	FbSales: applySales,
	FiEntries: applyEntries,
	KnEmployee: applyEmployee,
};

/**
 * DELETE deleters: `keys` is { fieldId: value } for the root, `sub` the optional nested object segment.
 * Returns nothing; throws when the record does not exist.
 */
const DELETERS = {
	KnSubject: (state, keys) => {
		const subject = findSubject(state, Number(keys.SbId));
		state.data.subjects.splice(state.data.subjects.indexOf(subject), 1);
	},
	FbSales: deleteSales,
	// e.g. /connectors/FiEntries/FiEntryPar/UnId,JoCo/1,73/FiEntries/@EnNo/70001 (vendor note, §7.1).
	FiEntries: (state, keys, sub) => {
		const matches = (entry) =>
			Object.entries(keys).every(([key, value]) => String(entry[key]) === String(value)) &&
			(!sub ||
				Object.entries(sub.keys).every(([key, value]) => String(entry[key]) === String(value)));
		const before = state.data.journalEntries.length;
		state.data.journalEntries = state.data.journalEntries.filter((entry) => !matches(entry));
		if (state.data.journalEntries.length === before) throw notFound('Journal entry number');
	},
};

module.exports = { APPLIERS, DELETERS, stringResults, now, nextCounter };
