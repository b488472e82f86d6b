'use strict';
// Seed data for the customer environment "scope". Shapes follow the GET schemas and examples of
// sb-6.0.0.json; the two administrations reuse the ids of AFAS's own examples (EnYoi Holding / ICT Services).
const { guid, prng } = require('./ids');

const HOLDING = '701b747b-eea2-5ed1-8518-973e5c670252';
const ICT = 'c59efe34-cb0e-5cb7-a1c7-b1286a699911';

// Ledger account TypeId constants, research §4.4 (howto-purchasejournal).
const TYPE = {
	assets: '980eb36a-8bec-45d9-97f6-06dd2c551818',
	liabilities: 'c18c0d2c-e3a5-41e6-b687-7fe59913eb94',
	expenses: '61fb169c-b210-44db-b02b-b7260efa817c',
	revenues: 'aae9334f-0fa8-43cb-ad52-cff973b4c863',
};

const COUNTRIES = [
	['NL', 'Nederland'], ['BE', 'België'], ['DE', 'Duitsland'], ['FR', 'Frankrijk'], ['GB', 'Verenigd Koninkrijk'],
	['LU', 'Luxemburg'], ['ES', 'Spanje'], ['IT', 'Italië'], ['AT', 'Oostenrijk'], ['DK', 'Denemarken'],
	['SE', 'Zweden'], ['NO', 'Noorwegen'], ['PL', 'Polen'], ['PT', 'Portugal'], ['IE', 'Ierland'],
	['CH', 'Zwitserland'], ['US', 'Verenigde Staten'], ['TJ', 'Tadzjikistan'], ['HM', 'Heard Eiland en McDonald Eilanden'], ['CW', 'Curaçao'],
];

const LEDGER = [
	['0247', 'Schepen', TYPE.assets, true], ['0400', 'Inventaris', TYPE.assets, true], ['1100', 'Bank', TYPE.assets, false],
	['1300', 'Debiteuren', TYPE.assets, false], ['1600', 'Crediteuren', TYPE.liabilities, false],
	['1810', 'Te betalen btw hoog', TYPE.liabilities, false], ['1820', 'Te betalen btw laag', TYPE.liabilities, false],
	['4000', 'Lonen en salarissen', TYPE.expenses, false], ['4300', 'Huisvestingskosten', TYPE.expenses, false],
	['4500', 'Kantoorkosten', TYPE.expenses, false], ['4600', 'Autokosten', TYPE.expenses, false],
	['8000', 'Omzet Algemeen', TYPE.revenues, false], ['8010', 'Omzet hoog', TYPE.revenues, false],
	['8020', 'Omzet laag', TYPE.revenues, false], ['8030', 'Omzet nul', TYPE.revenues, false],
];

const ORG_WORDS = ['Erbi', 'Lara', 'Alsach', 'Noord', 'Zuid', 'Polder', 'Delta', 'Kade', 'Molen', 'Dijk', 'Veen', 'Linde',
	'Eiken', 'Haven', 'Brug', 'Toren', 'Zon', 'Wind', 'Water', 'Berg'];
const ORG_KINDS = ['Bouw', 'Techniek', 'Installatie', 'Advies', 'Transport', 'Software', 'Design', 'Handel', 'Catering', 'Media'];
const ORG_FORMS = ['B.V.', 'B.V.', 'V.O.F.', 'N.V.', 'GmbH'];
const FIRST = ['Cas', 'Tarik', 'Anna', 'Daan', 'Emma', 'Finn', 'Julia', 'Lars', 'Mila', 'Noah', 'Sara', 'Sem', 'Tess', 'Bram',
	'Lotte', 'Ruben', 'Fleur', 'Jesse', 'Iris', 'Milan'];
const PREFIX = ['', '', '', 'de', 'van', 'van der', 'el', 'ten'];
const LAST = ['Graaf', 'Erdol', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks',
	'Dekker', 'Brouwer', 'Dijkstra', 'Berg', 'Vries', 'Kok', 'Jacobs', 'Wit'];

const PRODUCTS = [
	['Acer Laptop', 'Laptops', 539.7, 'supplies'], ['Dell Laptop', 'Laptops', 689.0, 'supplies'],
	['Muis Logitech', 'Randapparatuur', 9.98, 'supplies'], ['Draadloos toetsenbord + muis Logitech', 'Randapparatuur', 29.93, 'supplies'],
	['Lenovo Monitor 24 inch', 'Monitoren', 340.73, 'supplies'], ['Bouwen', 'Web Design', 75, 'services'],
	['Implementatie consultancy', 'Diensten', 125, 'services'], ['Support uur', 'Diensten', 95, 'services'],
	['Vast actief (btw hoog)', 'Vaste activa', 0, 'unknown'], ['Vast actief (btw nul)', 'Vaste activa', 0, 'unknown'],
];

const pad6 = (n) => String(n).padStart(6, '0');

function seed(options = {}) {
	const rnd = prng(20240129);
	const pick = (list) => list[Math.floor(rnd() * list.length)];
	const orgCount = options.sbOrganisations ?? 260;
	const personCount = options.sbPersons ?? 260;

	const administrations = [
		{ Id: HOLDING, Description: 'EnYoi Holding B.V.', InstanceId: HOLDING },
		{ Id: ICT, Description: 'EnYoi ICT Services B.V.', InstanceId: ICT },
	];
	// Which administrations have the LinesToBeInvoiced feature toggle on ("FeatureToggle not enabled" otherwise).
	const linesToBeInvoicedEnabled = new Set([ICT]);

	const countries = COUNTRIES.map(([code, name]) => ({ Id: guid(`country:${code}`), Description: name, CodeISOAlpha2: code }));

	const ledgeraccounts = [];
	for (const admin of administrations) {
		for (const [number, description, typeId, invest] of LEDGER) {
			const id = guid(`ledger:${admin.Id}:${number}`);
			ledgeraccounts.push({ Id: id, Description: description, LedgerAccountNumber: number, TypeId: typeId, InstanceId: id, AdministrationId: admin.Id, InvestInAsset: invest });
		}
	}

	let relationNumber = 1;
	const organisations = [];
	for (let i = 0; i < orgCount; i++) {
		const number = pad6(relationNumber++);
		const base = `${pick(ORG_WORDS)} ${pick(ORG_KINDS)}`;
		const form = pick(ORG_FORMS);
		const domain = base.toLowerCase().replace(/[^a-z]/g, '');
		const foreign = form === 'GmbH';
		organisations.push({
			Id: guid(`organisation:${number}`),
			// GET examples show the relation number appended to the name: "Erbi Lara B.V. (000019)".
			Name: `${base} ${form} (${number})`,
			CocNumber: foreign || rnd() < 0.15 ? null : String(10000000 + Math.floor(rnd() * 89999999)),
			VatNumber: foreign ? `DE${100000000 + Math.floor(rnd() * 899999999)}` : rnd() < 0.3 ? null : `NL${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}B01`,
			PhoneNumber: rnd() < 0.2 ? null : `+31 ${10 + Math.floor(rnd() * 80)} ${1000000 + Math.floor(rnd() * 8999999)}`,
			EmailAddress: `info@${domain}${i}.example`,
			SbiCode: rnd() < 0.5 ? null : String(1000 + Math.floor(rnd() * 8999)),
			RelationId: number,
			ExternalId: rnd() < 0.7 ? null : `EXT-${number}`,
			IsArchived: rnd() < 0.05,
		});
	}

	const persons = [];
	for (let i = 0; i < personCount; i++) {
		const number = pad6(relationNumber++);
		const first = pick(FIRST);
		const prefix = pick(PREFIX);
		const last = pick(LAST);
		persons.push({
			Id: guid(`person:${number}`),
			Name: [first, prefix, last].filter(Boolean).join(' '),
			FirstName: first,
			Initials: `${first[0]}.`,
			Prefix: prefix || null,
			Lastname: last,
			PhoneNumber: rnd() < 0.3 ? null : `06 ${10000000 + Math.floor(rnd() * 89999999)}`,
			EmailAddress: rnd() < 0.2 ? null : `${first}.${last}${i}@example.nl`.toLowerCase(),
			ExternalId: rnd() < 0.8 ? null : `P-${number}`,
			IsArchived: rnd() < 0.05,
		});
	}

	const blobs = new Map();
	const products = [];
	let productNumber = 1;
	for (const admin of administrations) {
		for (const [description, group, price, type] of PRODUCTS) {
			const internalId = type === 'unknown' ? null : pad6(productNumber++);
			const id = guid(`product:${admin.Id}:${description}`);
			products.push({
				AdministrationId: admin.Id,
				Id: id,
				Description: internalId ? `${description} (${internalId})` : description,
				Code: internalId,
				InternalId: internalId,
				PriceExcludingVAT: price,
				PriceIncludingVAT: Math.round(price * 121) / 100,
				ProductGroup: group,
				Barcode: null,
				Category: null,
				ExtraDescription: null,
				ProductStyle: type === 'services' ? 'e7c3a1c2-5b0f-4a55-9d3e-6f7b2c1d9a10' : '99e4ea3b-9c45-4154-a7e0-84f9e4355b74',
				// The schema's boolean-ish product kind flags (Dutch and English both occur in get_products_3.0).
				IsGoed: type === 'supplies', IsTijd: type === 'services', IsOnbekend: type === 'unknown',
				Supplies: type === 'supplies', Services: type === 'services', Unknown: type === 'unknown',
				ProductType: type,
				IsArchived: false,
				IsBlocked: false,
				IsDisabled: false,
				Blob: null,
			});
		}
	}
	// One product with an image, so the blob read path (GET api/blob/{Id}?readkey=…) has seeded content.
	const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
	const blobId = guid('blob:acer-laptop');
	const readKey = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.' + Buffer.from(JSON.stringify({ B: blobId, A: 'sim', S: 'scope', R: 1 })).toString('base64url') + '.c2ltdWxhdG9yLXNpZ25hdHVyZQ';
	blobs.set(blobId, { Id: blobId, ReadKey: readKey, FileName: 'acer-laptop.png', ContentType: 'image/png', ContentLength: png.length, data: png, complete: true });
	products[0].Blob = { Id: blobId, ReadKey: readKey, BlobType: 2, FileName: 'acer-laptop.png', ContentType: 'image/png', ContentLength: png.length };

	const linestobeinvoiced = [];
	const ictProducts = products.filter((p) => p.AdministrationId === ICT && p.InternalId);
	for (let i = 0; i < 12; i++) {
		const org = organisations[i * 3];
		const product = ictProducts[i % ictProducts.length];
		const quantity = 1 + Math.floor(rnd() * 40);
		const id = guid(`line:${i}`);
		linestobeinvoiced.push(lineRow({ id, administrationId: ICT, relationType: 'organisation', relation: org, product, quantity, price: product.PriceExcludingVAT, description: `${org.Name} - ${product.Description}`, date: `2024-12-${String(1 + i).padStart(2, '0')}` }));
	}

	return {
		administrations,
		linesToBeInvoicedEnabled,
		countries,
		ledgeraccounts,
		organisations,
		persons,
		products,
		linestobeinvoiced,
		blobs,
		nextRelationNumber: relationNumber,
	};
}

const RELATION_TYPE_IDS = {
	organisation: '8e352e23-04af-45b7-952a-0afc7575ea7a',
	person: '3c6f1a2b-77d0-4a5e-9c8b-2f1e0d4b6a71',
	unknown: 'b1d2c3e4-f5a6-4b7c-8d9e-0a1b2c3d4e5f',
};

/** A linestobeinvoiced GET row (schema get_linestobeinvoiced_1.0). Date is kept off the wire (not in the schema). */
function lineRow({ id, administrationId, relationType, relation, product, quantity, price, description, projectId }) {
	const name = relation ? relation.Name : null;
	const unitPrice = price ?? (product ? product.PriceExcludingVAT : 0);
	return {
		InstanceId: id,
		AdministrationId: administrationId,
		RelationTypeId: RELATION_TYPE_IDS[relationType],
		IsOrganisation: relationType === 'organisation',
		IsPerson: relationType === 'person',
		IsUnknown: relationType === 'unknown',
		Organisation: relationType === 'organisation' ? relation.Id : null,
		Person: relationType === 'person' ? relation.Id : null,
		Unknown: relationType === 'unknown' && relation ? relation.Id : null,
		RelationType: relationType,
		RelationId: relation ? relation.Id : null,
		RelationNumber: relation && relation.RelationId ? relation.RelationId : null,
		RelationDescription: name,
		ProductId: product ? product.Id : null,
		Description: description,
		Quantity: quantity,
		Price: unitPrice,
		TotalAmount: Math.round(quantity * unitPrice * 100) / 100,
		ProjectId: projectId || null,
		ProjectDescription: null,
		Status: 'open',
		SalesInvoiceNumber: null,
	};
}

module.exports = { seed, lineRow, HOLDING, ICT, TYPE, pad6 };
