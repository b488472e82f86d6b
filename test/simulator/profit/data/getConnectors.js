'use strict';
/**
 * The seeded GetConnectors (building blocks in connectorKit.js). The connectors that show Profit writes of
 * organisations, contacts and sales orders live in writeConnectors.js.
 */
const { hash01, pick, pad, localDate, FIRST_NAMES, LAST_NAMES, CITIES } = require('./random');
const { recordConnector, generatedConnector } = require('./connectorKit');
const {
	PROFIT_ORGANISATIONS,
	PROFIT_CONTACTS,
	PROFIT_SALES_ORDERS,
	PROFIT_SALES_ORDER_LINES,
} = require('./writeConnectors');

const GENDERS = [
	{ id: 'M', description: 'Man' },
	{ id: 'V', description: 'Vrouw' },
	{ id: 'O', description: 'Onbekend' },
	{ id: 'X', description: 'Non-binair' },
];
const SEGMENTS = [
	{ id: 'A', description: 'Key account' },
	{ id: 'B', description: 'Groeiklant' },
	{ id: 'C', description: 'Standaard' },
];

const fullName = (p) => `${p.FiNm || ''} ${p.Is ? `${p.Is} ` : ''}${p.LaNm || ''}`.trim();

const PROFIT_PERSONS = recordConnector({
	id: 'Profit_Persons',
	description: 'Personen',
	records: (state) => state.data.persons,
	columns: [
		['BcId', 'int', 'Organisatie/persoon (intern)', 9],
		['BcCo', 'string', 'Nummer', 15, { controlType: 5 }],
		['SearchName', 'string', 'Zoeknaam', 10, { from: (p) => p.SeNm }],
		['Name', 'string', 'Naam', 255, { from: fullName }],
		['FirstName', 'string', 'Voornaam', 50, { from: (p) => p.FiNm }],
		['Initials', 'string', 'Voorletters', 15, { from: (p) => p.In }],
		['Prefix', 'string', 'Voorvoegsel', 15, { from: (p) => p.Is }],
		['LastName', 'string', 'Achternaam', 80, { from: (p) => p.LaNm }],
		['Gender', 'string', 'Geslacht', 1, { from: (p) => p.ViGe, values: GENDERS }],
		['Email', 'string', 'E-mail werk', 255, { from: (p) => p.EmAd }],
		['MobilePhone', 'string', 'Mobiel werk', 20, { from: (p) => p.MbNr }],
		['BirthDate', 'date', 'Geboortedatum', 0, { from: (p) => p.DaBi }],
		// A free field: its metainfo fieldId is the GUID-like id that UpdateConnectors use.
		[
			'Klantsegment',
			'string',
			'Klantsegment',
			1,
			{
				fieldId: 'U5F0D8A44C3B64C8E9E1A7B2C3D4E5F60',
				from: (p) => p.U5F0D8A44C3B64C8E9E1A7B2C3D4E5F60,
				values: SEGMENTS,
			},
		],
		['CreateDate', 'datetime', 'Aanmaakdatum', 0],
		['ModifiedDate', 'datetime', 'Datum gewijzigd', 0],
	],
});

const PROFIT_DEBTOR = recordConnector({
	id: 'Profit_Debtor',
	description: 'Debiteuren',
	records: (state) => state.data.debtors,
	columns: [
		['DebtorId', 'string', 'Nummer debiteur', 16, { controlType: 5, from: (d) => d.DbId }],
		['DebtorName', 'string', 'Naam debiteur', 255, { from: (d) => d.Nm }],
		['BcCo', 'string', 'Nummer organisatie/persoon', 15],
		['City', 'string', 'Woonplaats', 50, { from: (d) => d.Rs }],
		['CountryId', 'string', 'Land', 3, { from: (d) => d.CoId }],
		['Blocked', 'boolean', 'Geblokkeerd', 1],
		['CreditLimit', 'decimal', 'Kredietlimiet', 12, { decimals: 2 }],
		['Balance', 'decimal', 'Saldo', 12, { decimals: 2 }],
		['CreateDate', 'datetime', 'Aanmaakdatum', 0],
		['ModifiedDate', 'datetime', 'Datum gewijzigd', 0],
	],
});

const PROFIT_EMPLOYEES = recordConnector({
	id: 'Profit_Employees',
	description: 'Medewerkers',
	records: (state) => state.data.employees,
	columns: [
		['EmployeeId', 'string', 'Medewerker', 15, { controlType: 5, from: (e) => e.EmId }],
		['BcCo', 'string', 'Nummer persoon', 15],
		['Name', 'string', 'Naam', 255],
		['Email', 'string', 'E-mail werk', 255, { from: (e) => e.EmAd }],
		['EmploymentStartDate', 'date', 'Begindatum dienstverband', 0],
		['EmploymentEndDate', 'date', 'Einddatum dienstverband', 0],
		[
			'EmailForDigitalDocuments',
			'string',
			'E-mail voor digitale documenten',
			1,
			{
				values: [
					{ id: 'P', description: 'Privé' },
					{ id: 'W', description: 'Werk' },
				],
			},
		],
		['FunctionDescription', 'string', 'Functie', 50],
		['DepartmentCode', 'string', 'Organisatorische eenheid', 15],
		['HoursPerWeek', 'decimal', 'Uren per week', 5, { decimals: 2 }],
		['PhotoImageId', 'string', 'Foto (afbeelding-id)', 32],
		['CreateDate', 'datetime', 'Aanmaakdatum', 0],
		['ModifiedDate', 'datetime', 'Datum gewijzigd', 0],
	],
});

const PROFIT_SUBJECTS = recordConnector({
	id: 'Profit_Subjects',
	description: 'Dossieritems',
	records: (state) => state.data.subjects,
	columns: [
		['SbId', 'int', 'Dossieritem', 9],
		['StId', 'int', 'Type dossieritem', 9],
		['Subject', 'string', 'Onderwerp', 255, { from: (s) => s.Ds }],
		['Comment', 'string', 'Toelichting', 0, { controlType: 23, from: (s) => s.SbTx }],
		['Date', 'datetime', 'Datum', 0, { from: (s) => s.Da }],
		['Completed', 'boolean', 'Afgehandeld', 1, { from: (s) => Boolean(s.St) }],
		['AttachmentCount', 'int', 'Aantal bijlagen', 9, { from: (s) => s.attachments.length }],
	],
});

/** One row per attachment, with the vendor's column names (research §8.3). */
const PROFIT_SUBJECT_ATTACHMENTS = recordConnector({
	id: 'Profit_Subject_Attachments',
	description: 'Bijlagen bij dossieritems',
	records: (state) =>
		state.data.subjects.flatMap((s) => s.attachments.map((a) => ({ subject: s, attachment: a }))),
	columns: [
		['subject_id', 'int', 'Dossieritem', 9, { from: (r) => r.subject.SbId }],
		['file_id', 'string', 'Bijlage', 32, { from: (r) => r.attachment.FileId }],
		['file_name', 'string', 'Bestandsnaam', 255, { from: (r) => r.attachment.FileName }],
	],
});

const PROFIT_ADMINISTRATIONS = recordConnector({
	id: 'Profit_Administrations',
	description: 'Administraties',
	records: (state) => state.data.administrations,
	columns: [
		['AdminId', 'int', 'Administratie', 3, { controlType: 5 }],
		['AdminNm', 'string', 'Omschrijving', 80],
	],
});

const PROFIT_SALARIES = recordConnector({
	id: 'Profit_Salaries',
	description: 'Salarissen (not linked to the app connector)',
	records: () => [],
	columns: [
		['EmployeeId', 'string', 'Medewerker', 15],
		['Salary', 'decimal', 'Salaris', 12, { decimals: 2 }],
	],
});

const DEMO_ROWS = 12345;
const CATEGORIES = [
	{ id: 'A', description: 'Categorie A' },
	{ id: 'B', description: 'Categorie B' },
	{ id: 'C', description: 'Categorie C' },
	{ id: 'D', description: 'Categorie D' },
];

/** 12 345 rows: more than 10 000 so paging, `skip` beyond 10 000 and the -1/-1 rules can be tested. */
const PROFIT_DEMO = generatedConnector({
	id: 'Profit_Demo',
	description: 'Demo (12 345 regels)',
	size: DEMO_ROWS,
	columns: [
		['Id', 'int', 'Id', 9, { gen: (i) => i + 1 }],
		['Code', 'string', 'Code', 10, { gen: (i) => `D${pad(i + 1, 5)}` }],
		[
			'Name',
			'string',
			'Naam',
			80,
			{
				gen: (i) => `${pick(FIRST_NAMES, hash01(i, 1))} ${pick(LAST_NAMES, hash01(i, 2))[1]}`,
			},
		],
		[
			'Category',
			'string',
			'Categorie',
			1,
			{ values: CATEGORIES, gen: (i) => CATEGORIES[i % 4].id },
		],
		// Includes negative fractions such as -0.5 (Profit 7 prints a leading zero, research §4.3).
		[
			'Amount',
			'decimal',
			'Bedrag',
			12,
			{
				decimals: 2,
				gen: (i) => (i % 10 === 3 ? -0.5 : Math.round((hash01(i, 3) * 2000 - 500) * 100) / 100),
			},
		],
		['Quantity', 'int', 'Aantal', 9, { gen: (i) => Math.floor(hash01(i, 4) * 100) }],
		['Active', 'boolean', 'Actief', 1, { gen: (i) => i % 3 !== 0 }],
		['DocumentDate', 'date', 'Documentdatum', 0, { gen: (i) => localDate(Math.floor(i / 4)) }],
		[
			'ModifiedAt',
			'datetime',
			'Gewijzigd op',
			0,
			{ gen: (i) => localDate(Math.floor(i / 4), (i * 7919) % 86400) },
		],
		// Some values contain ',' and ';' (only filterable with filterjson), some are empty (null).
		[
			'Remark',
			'string',
			'Opmerking',
			255,
			{
				gen: (i) =>
					i % 7 === 0 ? null : i % 11 === 0 ? `Smith, John; Sales ${i + 1}` : `Regel ${i + 1}`,
			},
		],
		['City', 'string', 'Plaats', 50, { gen: (i) => pick(CITIES, hash01(i, 5)) }],
	],
});

const LARGE_ROWS = 100000;
const ACCOUNTS = ['1100', '1300', '1600', '4000', '4100', '8000', '8010', '8074'];

/** 100 000 rows x 20 columns, generated from the row index on demand and streamed. */
const PROFIT_TRANSACTIONS = generatedConnector({
	id: 'Profit_Transactions',
	description: 'Financiële mutaties (100 000 regels, gegenereerd)',
	size: LARGE_ROWS,
	columns: [
		['TransactionId', 'int', 'Mutatie', 9, { gen: (i) => i + 1 }],
		['EntryNumber', 'int', 'Boekstuknummer', 9, { gen: (i) => 70000 + Math.floor(i / 2) }],
		['AdminId', 'int', 'Administratie', 3, { gen: (i) => 1 + (i % 3) }],
		[
			'JournalId',
			'string',
			'Dagboek',
			5,
			{ gen: (i) => pick(['10', '50', '60', '70'], hash01(i, 11)) },
		],
		['Year', 'int', 'Boekjaar', 4, { gen: (i) => 2015 + Math.floor(i / 10000) }],
		['Period', 'int', 'Periode', 2, { gen: (i) => 1 + (Math.floor(i / 800) % 12) }],
		['EntryDate', 'date', 'Boekdatum', 0, { gen: (i) => localDate(Math.floor(i / 28)) }],
		['AccountNo', 'string', 'Rekening', 16, { gen: (i) => pick(ACCOUNTS, hash01(i, 12)) }],
		['Description', 'string', 'Omschrijving', 255, { gen: (i) => `Boeking ${i + 1}` }],
		[
			'AmountDebit',
			'decimal',
			'Bedrag debet',
			12,
			{
				decimals: 2,
				gen: (i) => (i % 2 === 0 ? Math.round(hash01(i >> 1, 13) * 100000) / 100 : 0),
			},
		],
		[
			'AmountCredit',
			'decimal',
			'Bedrag credit',
			12,
			{
				decimals: 2,
				gen: (i) => (i % 2 === 1 ? Math.round(hash01(i >> 1, 13) * 100000) / 100 : 0),
			},
		],
		['Currency', 'string', 'Valuta', 3, { gen: (i) => (i % 50 === 0 ? 'USD' : 'EUR') }],
		[
			'CostCentre',
			'string',
			'Kostenplaats',
			15,
			{ gen: (i) => (i % 5 === 0 ? null : `KP${1 + (i % 9)}`) },
		],
		[
			'CostCarrier',
			'string',
			'Kostendrager',
			15,
			{ gen: (i) => (i % 3 === 0 ? null : `KD${1 + (i % 4)}`) },
		],
		[
			'DebtorId',
			'string',
			'Debiteur',
			16,
			{ gen: (i) => (i % 4 === 0 ? String(10001 + (i % 20)) : null) },
		],
		[
			'CreditorId',
			'string',
			'Crediteur',
			16,
			{ gen: (i) => (i % 4 === 1 ? String(60001 + (i % 15)) : null) },
		],
		['VatCode', 'string', 'Btw-code', 3, { gen: (i) => pick(['0', '1', '2'], hash01(i, 14)) }],
		[
			'InvoiceId',
			'string',
			'Factuurnummer',
			16,
			{ gen: (i) => (i % 4 < 2 ? `F${pad(Math.floor(i / 2), 7)}` : null) },
		],
		['Reconciled', 'boolean', 'Afgeletterd', 1, { gen: (i) => hash01(i, 15) < 0.8 }],
		[
			'ModifiedAt',
			'datetime',
			'Gewijzigd op',
			0,
			{ gen: (i) => localDate(Math.floor(i / 28), (i * 37) % 86400) },
		],
	],
});

const ALL = [
	PROFIT_PERSONS,
	PROFIT_ORGANISATIONS,
	PROFIT_CONTACTS,
	PROFIT_DEBTOR,
	PROFIT_EMPLOYEES,
	PROFIT_SUBJECTS,
	PROFIT_SUBJECT_ATTACHMENTS,
	PROFIT_ADMINISTRATIONS,
	PROFIT_DEMO,
	PROFIT_TRANSACTIONS,
	PROFIT_SALES_ORDERS,
	PROFIT_SALES_ORDER_LINES,
	PROFIT_SALARIES,
];

module.exports = { GET_CONNECTORS: ALL, DEMO_ROWS, LARGE_ROWS };
