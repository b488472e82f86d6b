'use strict';
// Deterministic rows for every catalogue list that seed.js does not hand-write, built from the list's
// `rowFields` (types and formats from sb-6.0.0.json). References point at seeded rows: AdministrationId is one
// of the two administrations, RelationId/Organisation/Person an existing organisation or person, LedgerAccountId a
// ledger account of the same administration, and so on.
const { guid, prng } = require('./ids');
const { pad6 } = require('./seed');

const RELATION_TYPE_IDS = {
	organisation: '8e352e23-04af-45b7-952a-0afc7575ea7a',
	person: '3c6f1a2b-77d0-4a5e-9c8b-2f1e0d4b6a71',
	unknown: 'b1d2c3e4-f5a6-4b7c-8d9e-0a1b2c3d4e5f',
};

/** `2024-03-05T00:00:00Z`: the DateTime form of the spec's GET examples. */
const isoDate = (year, month, day) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`;
const addDays = (iso, days) => new Date(Date.parse(iso) + days * 86400000).toISOString().replace(/\.000Z$/, 'Z');
const round2 = (n) => Math.round(n * 100) / 100;

// Lists without a field that is unique per record (catalogue `uniqueSort` undefined) get at least this many rows,
// with many equal values in the fields a client sorts on, so tie-order drift is visible when paging.
const NO_UNIQUE_ROWS = 30;
const SIZES = { accountingperiod: 24, accountingyear: 6, featuretoggles: 2, unknownrelation: 2, journalentries: 20, paymentmethod: 7, vatrate: 5, vattype: 5 };

const FIXED = {
	vatrate: ['Hoog', 'Laag', 'Nul', 'Vrijgesteld', 'Verlegd'],
	vattype: ['Btw hoog', 'Btw laag', 'Btw nul', 'Geen btw', 'Btw verlegd'],
	paymentmethod: ['Creditcard', 'Automatische incasso', 'Pinbetaling', 'Onbekend', 'Contant', 'iDEAL', 'Bankoverschrijving'],
	cashregisters: ['Kas', 'Kleine kas', 'Kas winkel', 'Kas evenementen'],
	paymentconditions: ['Direct', '8 dagen', '14 dagen', '30 dagen', '60 dagen', 'Contant bij levering'],
	unknownrelation: ['Diverse debiteuren', 'Diverse crediteuren'],
};
const CITIES = ['Harderwijk', 'Utrecht', 'Leusden', 'Amsterdam', 'Rotterdam', 'Zwolle', 'Groningen', 'Eindhoven'];
const STREETS = ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Philipsstraat', 'Industrieweg'];

/** Order matters: later lists refer to rows of earlier ones (years before periods, vat rates before vat lists). */
const ORDER = ['vatrate', 'vattype', 'paymentmethod', 'accountingyear', 'accountingperiod', 'cashregisters', 'paymentconditions', 'projects', 'unknownrelation'];

function generateTables(lists, data) {
	const tables = {};
	const sorted = [...lists].sort((a, b) => rank(a) - rank(b));
	for (const op of sorted) {
		const table = op.path.split('/').pop().toLowerCase();
		if (data[table] || tables[table]) continue; // hand-written seed (administrations, organisations ...)
		const count = SIZES[table] ?? (op.list.uniqueSort === undefined ? NO_UNIQUE_ROWS : 12);
		const rnd = prng(hash(table));
		const rows = [];
		for (let i = 0; i < count; i++) rows.push(makeRow(table, op.list.rowFields, i, { ...data, ...tables }, rnd));
		tables[table] = rows;
	}
	return tables;
}

function rank(op) {
	const i = ORDER.indexOf(op.path.split('/').pop().toLowerCase());
	return i < 0 ? ORDER.length : i;
}

function hash(text) {
	let h = 2166136261;
	for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
	return h >>> 0;
}

/** The things one row refers to, picked once so that its fields agree with each other. */
function context(table, i, data) {
	const admins = data.administrations;
	const g = table === 'journalentries' ? Math.floor(i / 2) : i; // the two lines of one journal entry share a header
	const admin = admins[g % admins.length];
	const isPerson = i % 3 === 2;
	const relation = isPerson ? data.persons[i % data.persons.length] : data.organisations[i % data.organisations.length];
	const ledgers = data.ledgeraccounts.filter((l) => l.AdministrationId === admin.Id);
	const products = data.products.filter((p) => p.AdministrationId === admin.Id);
	const years = (data.accountingyear || []).filter((y) => y.AdministrationId === admin.Id);
	const periods = (data.accountingperiod || []).filter((p) => p.AdministrationId === admin.Id);
	const month = 1 + (i % 12);
	return {
		admin,
		relationType: isPerson ? 'person' : 'organisation',
		relation,
		organisation: data.organisations[i % data.organisations.length],
		person: data.persons[i % data.persons.length],
		ledger: ledgers[i % ledgers.length],
		product: products[i % products.length],
		year: years.find((y) => y.Description === '2024') || years[0],
		period: periods[i % Math.max(periods.length, 1)],
		country: data.countries[Math.floor(i / 5) % 6],
		vatRate: data.vatrate ? data.vatrate[i % data.vatrate.length] : undefined,
		vatType: data.vattype ? data.vattype[i % data.vattype.length] : undefined,
		paymentMethod: data.paymentmethod ? data.paymentmethod[i % data.paymentmethod.length] : undefined,
		date: isoDate(2024, 1 + (g % 12), 1 + ((g * 7) % 28)),
		month,
	};
}

function makeRow(table, fields, i, data, rnd) {
	const c = context(table, i, data);
	const row = {};
	const id = guid(`${table}:${i}`);
	for (const field of fields) row[field.name] = valueFor(table, field, i, c, id, rnd);
	const patched = patch(table, row, i, c, data) || row;
	return Object.fromEntries(fields.map((f) => [f.name, patched[f.name] ?? null])); // exactly the schema's fields
}

/** One value from the field's name (references) or else its declared type and format. */
function valueFor(table, field, i, c, id, rnd) {
	const name = field.name;
	const lower = name.toLowerCase();
	const format = (field.format || '').toLowerCase();
	const org = c.relationType === 'organisation';
	switch (lower) {
		case 'id':
		case 'instanceid':
			return id;
		case 'administrationid':
		case 'administationid': // sic, debtorpaymentterms
			return c.admin.Id;
		case 'administrationcountryid':
			return c.country.Id;
		case 'relationtype':
			return c.relationType;
		case 'relationtypeid':
			return RELATION_TYPE_IDS[c.relationType];
		case 'isorganisation':
		case 'relationisorganisationoradministration':
			return org;
		case 'isperson':
			return !org;
		case 'isunknown':
			return false;
		case 'organisation':
			return org ? c.relation.Id : null;
		case 'person':
			return org ? null : c.relation.Id;
		case 'unknown':
		case 'unknownrelationid':
			return null;
		case 'relationid':
			return c.relation.Id;
		case 'relationname':
		case 'relationdescription':
			return c.relation.Name;
		case 'relationnumber':
			return org ? c.relation.RelationId : pad6(261 + (i % 260));
		case 'organisationid':
			return org || table === 'contacts' ? c.organisation.Id : null;
		case 'personid':
			return org && table !== 'contacts' ? null : c.person.Id;
		case 'ledgeraccountid':
			return c.ledger.Id;
		case 'ledgeraccountnumber':
			return c.ledger.LedgerAccountNumber;
		case 'ledgeraccount':
			return c.ledger.Description;
		case 'productid':
			return c.product.Id;
		case 'productdescription':
			return c.product.Description;
		case 'vatrateid':
			return c.vatRate.Id;
		case 'vattypeid':
			return c.vatType.Id;
		case 'paymentmethodid':
			return c.paymentMethod.Id;
		case 'accountingyearid':
			return c.year ? c.year.Id : guid(`${table}:${i}:year`);
		case 'accountingyear':
			return c.year ? c.year.Description : '2024';
		case 'accountingyearstartdate':
			return isoDate(2024, 1, 1);
		case 'accountingyearenddate':
			return isoDate(2024, 12, 31);
		case 'accountingperiodid':
			return c.period ? c.period.Id : guid(`${table}:${i}:period`);
		case 'accountingperiod':
			return c.period ? c.period.Description : `Periode ${c.month}`;
		case 'accountingperiodstartdate':
			return isoDate(2024, c.month, 1);
		case 'accountingperiodenddate':
			return addDays(isoDate(2024, c.month + 1 > 12 ? 12 : c.month + 1, c.month === 12 ? 31 : 1), c.month === 12 ? 0 : -1);
		case 'countrycode':
			return c.country.CodeISOAlpha2;
		case 'countryname':
			return c.country.Description;
		case 'streetname':
		case 'street':
			return STREETS[i % STREETS.length];
		case 'housenumber':
			return field.type === 'number' ? 1 + i : String(1 + i);
		case 'postalzone':
		case 'postalcode':
			return `${3840 + i} AB`;
		case 'cityname':
			return CITIES[i % CITIES.length];
		case 'phonenumber':
			return `+31 341 ${String(100000 + i * 7919).slice(0, 6)}`;
		case 'emailaddress':
			return `info${i}@relatie.example`;
		case 'accountnumber':
			return `NL${String(10 + (i % 89)).padStart(2, '0')}INGB${String(1000000000 + i * 7).slice(0, 10)}`;
		case 'invoicenumber':
			return `VF2024${String(100 + i).padStart(4, '0')}`;
		case 'internalinvoicenumber':
			return String(2024000 + i);
		case 'number':
			return String(70000 + Math.floor(i / 2));
		case 'status':
			return ['open', 'definitief', 'betaald'][i % 3];
		case 'code':
			return pad6(i + 1);
		case 'isarchived':
		case 'isblocked':
		case 'personisarchived':
		case 'organisationisarchived':
			return i % 9 === 8;
		default:
			break;
	}
	if (format === 'uuid' || format === 'guid?') return guid(`${table}:${i}:${name}`);
	if (format.startsWith('datetime') || format === 'date') return c.date;
	if (format.startsWith('decimal') || format === 'number' || field.type === 'number' || field.type === 'integer') {
		return round2(rnd() * 2000);
	}
	if (format.startsWith('bool') || field.type === 'boolean') return i % 2 === 0;
	if (/(description|name|omschrijving)$/.test(lower)) return `${FIXED[table] ? FIXED[table][i % FIXED[table].length] : `${table} ${i + 1}`}`;
	return null;
}

/** Per-list touches that make rows look like AFAS's examples (consistent amounts, dates, names). */
function patch(table, row, i, c) {
	switch (table) {
		case 'accountingyear': {
			const year = 2023 + Math.floor(i / 2);
			return { ...row, Description: String(year), StartDate: isoDate(year, 1, 1), EndDate: isoDate(year, 12, 31) };
		}
		case 'accountingperiod': {
			const month = 1 + Math.floor(i / 2);
			const end = addDays(month === 12 ? isoDate(2025, 1, 1) : isoDate(2024, month + 1, 1), -1);
			return { ...row, AccountingYear: '2024', Description: `Periode ${month}`, StartDate: isoDate(2024, month, 1), EndDate: end, PeriodNumber: month };
		}
		case 'featuretoggles':
			return { ...row, LinesToBeInvoiced: i === 1, Projects: true, Supplies: true, Services: true, FixedAssets: i === 0 };
		case 'unknownrelation':
			return { ...row, Name: FIXED.unknownrelation[i], SalesRelation: i === 0, PurchaseRelation: i === 1, IsBlocked: false };
		case 'projects':
			return { ...row, Omschrijving: `Project ${pad6(i + 1)}` };
		case 'contacts':
			return { ...row, Name: c.person.Name, Firstname: c.person.FirstName, Initials: c.person.Initials, Prefix: c.person.Prefix, Lastname: c.person.Lastname, Emailaddress: c.person.EmailAddress, ExternalId: null };
		case 'creditorinvoicebalance':
		case 'debtorinvoicebalance': {
			const total = row.TotalAmount;
			const paid = i % 3 === 0 ? total : round2(total / 4);
			return { ...row, PaidAmount: paid, OutstandingAmount: round2(total - paid), ProcessingAmount: 0, DueDate: addDays(row.InvoiceDate, 30), CustomerReference: `REF-${i + 1}` };
		}
		case 'debtorpaymentterms':
			return { ...row, InvoiceId: guid(`debtorpaymentterms:${i}:InvoiceId`), DueDate: addDays(row.InvoiceDate, 14), Address: `${row.Address ?? STREETS[i % STREETS.length]} ${1 + i}` };
		case 'journalentries': {
			// Two lines per header: revenue credited, debtors debited.
			const amount = round2(100 + (Math.floor(i / 2) * 37.5));
			const debit = i % 2 === 1;
			return { ...row, HeaderId: guid(`journalentries:header:${Math.floor(i / 2)}`), AmountDebit: debit ? amount : 0, AmountCredit: debit ? 0 : amount, AmountTotal: debit ? amount : -amount, Description: `Verkoopboeking ${70000 + Math.floor(i / 2)}`, DocumentIdentification: `VF2024${String(Math.floor(i / 2)).padStart(4, '0')}`, VatPercentage: 21, VatAmount: round2(amount * 0.21), AuditCreatedOnDate: row.PostingDate };
		}
		case 'ledgerperiodtotals':
			return { ...row, IsOpeningBalance: false, RgsCode: null, RgsDescription: null };
		case 'salesinvoices': {
			const excl = round2(row.AmountExcludingVat ?? 100);
			return { ...row, SalesInvoiceNumber: `VF2024${String(500 + i).padStart(4, '0')}`, RelationNumber: c.relationType === 'organisation' ? c.relation.RelationId : null, RelationDescription: c.relation.Name, Status: 'definitief', AmountExcludingVat: excl, AmountVat: round2(excl * 0.21), AmountInvoiced: round2(excl * 1.21), Blob: null };
		}
		case 'salespricesperrelation':
			return { ...row, PriceExcludingVAT: round2(c.product.PriceExcludingVAT * 0.9), StartDate: isoDate(2024, 1, 1), EndDate: null };
		case 'supplier':
			return { ...row, Description: `${c.organisation.Name}`, Code: pad6(9000 + i), IsArchived: false, IsBlocked: false, IncludeInBankFile: true, AccountHolder: c.organisation.Name.replace(/ \(\d+\)$/, '') };
		default:
			return null;
	}
}

module.exports = { generateTables, RELATION_TYPE_IDS, NO_UNIQUE_ROWS, isoDate };
