'use strict';
/**
 * UpdateConnector metainfo (research §6.3 shape) built from the OpenAPI extract plus the choices below.
 *
 * `mandatory`: the OpenAPI `required` lists include key and auto-numbered fields and booleans with defaults
 * (the vendor's own POST examples omit BcId/BcCo/PadAdr/BeginDate/EnNo), and since Profit 3 fields with a
 * default are not marked mandatory (§11). So mandatory = required minus primary keys, booleans and the
 * AUTO_FIELDS below. Every vendor POST example for these connectors passes this rule.
 */
const OAS = require('./oasUpdateConnectors');

const AUTO_FIELDS = new Set(['BcId', 'BcCo', 'SbId', 'OrNu', 'EnNo', 'BeginDate', 'ResZip']);

/** Required in the OpenAPI schema but left out by vendor examples (text lines have no unit; quantity defaults). */
const OPTIONAL_BY_OBJECT = { FbSalesLines: ['BiUn', 'QuUn'] };

/** Key attributes (`@Key` on Element, §7.2) per object name. */
const PRIMARY_KEYS = {
	KnSubject: ['SbId'],
	FbSales: ['OrNu'],
	KnUser: ['UsId'],
	AfasEmployee: ['EmId'],
	AfasBankInfo: ['AcId', 'NoBk'],
};

/** UNVERIFIED code table: StId values are environment-specific; these cover the vendor examples (5, 15). */
const SUBJECT_TYPES = [
	['1', 'Algemeen'],
	['5', 'Pakbon'],
	['15', 'Sollicitatiedocument'],
	['20', 'Arbeidsovereenkomst'],
];

/** Free fields, keyed by object name: Profit adds them to update metainfo with GUID-like `U…` ids (§6.3). */
const CUSTOM_FIELDS = {
	// Verbatim from the vendor's custom-fields page.
	KnSubject: [['UC2DE284248374B083C966F9B4EEEE9E2', 'string', 'customfield', 255, false, null]],
	// Seen in the vendor's FbSales PUT examples ("lock", "vrijgeven"); label UNVERIFIED.
	FbSales: [
		['U3A3A91AE452E6881FD67A385EDA5BA8C', 'boolean', 'Vrij veld (blokkering)', 0, false, null],
	],
	KnPerson: [
		[
			'U5F0D8A44C3B64C8E9E1A7B2C3D4E5F60',
			'string',
			'Klantsegment',
			1,
			false,
			[
				['A', 'Key account'],
				['B', 'Groeiklant'],
				['C', 'Standaard'],
			],
		],
	],
};

const CONTROL_TYPES = { string: 1, int: 5, decimal: 6, boolean: 3, date: 4, datetime: 8, blob: 23 };

function buildField(objectName, [fieldId, type, label, length, required, values]) {
	const primaryKey = (PRIMARY_KEYS[objectName] || []).includes(fieldId);
	const codeTable = objectName === 'KnSubject' && fieldId === 'StId' ? SUBJECT_TYPES : values;
	return {
		fieldId,
		primaryKey,
		dataType: type === 'datetime' ? 'date' : type,
		label,
		mandatory:
			Boolean(required) &&
			!primaryKey &&
			type !== 'boolean' &&
			!AUTO_FIELDS.has(fieldId) &&
			!(OPTIONAL_BY_OBJECT[objectName] || []).includes(fieldId),
		length: length || (type === 'int' ? 9 : type === 'decimal' ? 12 : 0),
		decimals: type === 'decimal' ? 2 : 0,
		decimalFieldId: '',
		notzero: false,
		controlType: codeTable ? 5 : CONTROL_TYPES[type],
		values: codeTable ? codeTable.map(([id, description]) => ({ id, description })) : null,
	};
}

function buildObject(raw) {
	const rows = [...raw.fields, ...(CUSTOM_FIELDS[raw.name] || [])];
	return {
		name: raw.name,
		fields: rows.map((row) => buildField(raw.name, row)),
		objects: raw.objects.map(buildObject),
	};
}

function buildConnector(id, raw, description) {
	const root = buildObject(raw);
	return {
		id,
		name: root.name,
		description: description || raw.description,
		fields: root.fields,
		objects: root.objects,
	};
}

/**
 * KnEmployee (root AfasEmployee, §7.4): AFAS's spec file for it is too large to read (§0.1), so these fields are
 * an ILLUSTRATIVE subset (UNVERIFIED ids apart from EmId, MatchPer, BcCo, DaBe and the object names).
 */
const KN_EMPLOYEE_RAW = {
	name: 'AfasEmployee',
	description: 'Medewerker',
	fields: [
		['EmId', 'string', 'Medewerker', 15, true, null],
		['Bl', 'boolean', 'Geblokkeerd', 0, false, null],
	],
	objects: [
		OAS.KnPerson && { ...OAS.KnPerson, objects: [] },
		{
			name: 'AfasContract',
			fields: [
				['DaBe', 'date', 'Begindatum contract', 0, true, null],
				['DaEn', 'date', 'Einddatum contract', 0, false, null],
				[
					'ViEt',
					'string',
					'Type dienstverband',
					1,
					false,
					[
						['V', 'Vast'],
						['T', 'Tijdelijk'],
					],
				],
			],
			objects: [],
		},
		{
			name: 'AfasOrgunitFunction',
			fields: [
				['DaBe', 'date', 'Begindatum', 0, true, null],
				['DpId', 'string', 'Organisatorische eenheid', 15, true, null],
				['FuId', 'string', 'Functie', 50, true, null],
			],
			objects: [],
		},
		{
			name: 'AfasBankInfo',
			fields: [
				['AcId', 'string', 'Rekeningnummer', 40, false, null],
				['NoBk', 'boolean', 'Geen bank', 0, false, null],
				['Iban', 'string', 'IBAN', 40, false, null],
			],
			objects: [],
		},
	],
};

const UPDATE_CONNECTORS = [
	buildConnector('KnPerson', OAS.KnPerson, 'Persoon'),
	buildConnector('KnOrganisation', OAS.KnOrganisation, 'Organisatie'),
	buildConnector('KnSubject', OAS.KnSubject, 'Dossieritem'),
	buildConnector('FbSales', OAS.FbSales, 'Verkooporder'),
	buildConnector('FiEntries', OAS.FiEntries, 'Financiële mutaties'),
	buildConnector('KnEmployee', KN_EMPLOYEE_RAW, 'Medewerker'),
	// Exists in the environment but is not linked to the seeded app connector.
	buildConnector('KnUser', OAS.KnUser, 'Gebruiker'),
];

module.exports = { UPDATE_CONNECTORS };
