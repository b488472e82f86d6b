'use strict';
/**
 * GetConnectors that read back what KnOrganisation (with KnBasicAddressAdr and KnContact) and FbSales (with
 * FbSalesLines) write, so a client can insert, read back, update and delete. Column names follow Profit's
 * style (English ids, Dutch labels); real environments name their own GetConnectors.
 */
const { recordConnector } = require('./connectorKit');

/**
 * The current visiting address: later KnBasicAddressAdr rows change the fields they carry (a PUT with a new
 * address), and seeded organisations only know their city and country.
 */
function visitAddress(org) {
	const rows = (org.objects && org.objects.KnBasicAddressAdr) || [];
	return Object.assign({ Rs: org.Rs, CoId: org.CoId }, ...rows);
}

const PROFIT_ORGANISATIONS = recordConnector({
	id: 'Profit_Organisations',
	description: 'Organisaties',
	records: (state) => state.data.organisations,
	columns: [
		['BcId', 'int', 'Organisatie/persoon (intern)', 9],
		['BcCo', 'string', 'Nummer', 15, { controlType: 5 }],
		['Name', 'string', 'Naam', 255, { from: (o) => o.Nm }],
		['SearchName', 'string', 'Zoeknaam', 10, { from: (o) => o.SeNm }],
		['ChamberOfCommerce', 'string', 'Nummer KvK', 30, { from: (o) => o.CcNr }],
		['City', 'string', 'Woonplaats', 50, { from: (o) => visitAddress(o).Rs }],
		['CountryId', 'string', 'Land', 3, { from: (o) => visitAddress(o).CoId }],
		['Email', 'string', 'E-mail werk', 255, { from: (o) => o.EmAd }],
		['CreateDate', 'datetime', 'Aanmaakdatum', 0],
		['ModifiedDate', 'datetime', 'Datum gewijzigd', 0],
		['Street', 'string', 'Straat', 60, { from: (o) => visitAddress(o).Ad }],
		['HouseNumber', 'int', 'Huisnummer', 9, { from: (o) => visitAddress(o).HmNr }],
		[
			'HouseNumberAddition',
			'string',
			'Toev. aan huisnr.',
			30,
			{ from: (o) => visitAddress(o).HmAd },
		],
		['ZipCode', 'string', 'Postcode', 15, { from: (o) => visitAddress(o).ZpCd }],
		['Phone', 'string', 'Telefoonnr. werk', 255, { from: (o) => o.TeNr }],
		['Website', 'string', 'Homepage', 255, { from: (o) => o.HoPa }],
		['ContactCount', 'int', 'Aantal contacten', 9, { from: countContacts }],
	],
});

function countContacts(org, state) {
	return state.data.contacts.filter((c) => c.BcCoOrg === org.BcCo).length;
}

const CONTACT_KINDS = [
	{ id: 'AFD', description: 'Afdeling bij organisatie' },
	{ id: 'AFL', description: 'Afleveradres' },
	{ id: 'PRS', description: 'Persoon bij organisatie' },
];

const PROFIT_CONTACTS = recordConnector({
	id: 'Profit_Contacts',
	description: 'Contacten',
	records: (state) =>
		state.data.contacts.map((contact) => ({
			contact,
			org: state.data.organisations.find((o) => o.BcCo === contact.BcCoOrg),
			person: contact.BcCoPer && state.data.persons.find((p) => p.BcCo === contact.BcCoPer),
		})),
	columns: [
		['ContactId', 'int', 'Contact', 9, { from: (r) => r.contact.CdId }],
		['OrganisationBcCo', 'string', 'Nummer organisatie', 15, { from: (r) => r.contact.BcCoOrg }],
		['OrganisationName', 'string', 'Naam organisatie', 255, { from: (r) => r.org && r.org.Nm }],
		[
			'ContactType',
			'string',
			'Soort contact',
			3,
			{ from: (r) => r.contact.ViKc, values: CONTACT_KINDS },
		],
		['PersonBcCo', 'string', 'Nummer persoon', 15, { from: (r) => r.contact.BcCoPer }],
		[
			'PersonName',
			'string',
			'Naam persoon',
			255,
			{
				from: (r) => r.person && `${r.person.FiNm || ''} ${r.person.LaNm || ''}`.trim(),
			},
		],
		['Function', 'string', 'Functie visitekaartje', 50, { from: (r) => r.contact.FuDs }],
		['Department', 'string', 'Afdeling', 255, { from: (r) => r.contact.ExAd }],
		['Email', 'string', 'E-mail werk', 255, { from: (r) => r.contact.EmAd }],
		['Phone', 'string', 'Telefoonnr. werk', 255, { from: (r) => r.contact.TeNr }],
	],
});

const cents = (value) => Math.round(Number(value || 0) * 100);
const lineAmount = (line) => (cents(line.QuUn ?? line.Qu ?? 1) * cents(line.Upri)) / 10000;

const PROFIT_SALES_ORDERS = recordConnector({
	id: 'Profit_SalesOrders',
	description: 'Verkooporders',
	records: (state) =>
		state.data.salesOrders.map((order) => ({
			order,
			debtor: state.data.debtors.find((d) => d.DbId === order.DbId),
		})),
	columns: [
		['OrderNumber', 'string', 'Nummer', 12, { controlType: 5, from: (r) => r.order.OrNu }],
		['DebtorId', 'string', 'Verkooprelatie', 16, { from: (r) => r.order.DbId }],
		['DebtorName', 'string', 'Naam verkooprelatie', 255, { from: (r) => r.debtor && r.debtor.Nm }],
		['OrderDate', 'date', 'Datum', 0, { from: (r) => r.order.OrDa }],
		['Reference', 'string', 'Ordernummer/referentie', 100, { from: (r) => r.order.RfCs }],
		['Warehouse', 'string', 'Magazijn', 15, { from: (r) => r.order.War }],
		['Administration', 'int', 'Administratie', 9, { from: (r) => r.order.Unit }],
		['DeliveryNote', 'string', 'Omschrijving afleveradres', 255, { from: (r) => r.order.ExAd }],
		['LineCount', 'int', 'Aantal regels', 9, { from: (r) => r.order.lines.length }],
		[
			'TotalAmount',
			'decimal',
			'Totaalbedrag excl. btw',
			12,
			{
				decimals: 2,
				from: (r) =>
					Math.round(r.order.lines.reduce((sum, line) => sum + lineAmount(line), 0) * 100) / 100,
			},
		],
	],
});

const PROFIT_SALES_ORDER_LINES = recordConnector({
	id: 'Profit_SalesOrderLines',
	description: 'Verkooporderregels',
	records: (state) =>
		state.data.salesOrders.flatMap((order) =>
			order.lines.map((line, index) => ({ order, line, number: index + 1 })),
		),
	columns: [
		['OrderNumber', 'string', 'Nummer order', 12, { from: (r) => r.order.OrNu }],
		['LineNumber', 'int', 'Regelnummer', 9, { from: (r) => r.number }],
		['LineGuid', 'string', 'GUID regel', 38, { from: (r) => r.line.GuLi }],
		['ItemType', 'string', 'Type item', 10, { from: (r) => r.line.VaIt }],
		['ItemCode', 'string', 'Itemcode', 40, { from: (r) => r.line.ItCd }],
		['Description', 'string', 'Omschrijving', 255, { from: (r) => r.line.Ds }],
		['Unit', 'string', 'Eenheid', 15, { from: (r) => r.line.BiUn }],
		['Quantity', 'decimal', 'Aantal eenheden', 12, { decimals: 2, from: (r) => r.line.QuUn }],
		['UnitPrice', 'decimal', 'Prijs per eenheid', 12, { decimals: 2, from: (r) => r.line.Upri }],
		['Amount', 'decimal', 'Bedrag', 12, { decimals: 2, from: (r) => lineAmount(r.line) }],
	],
});

module.exports = {
	PROFIT_ORGANISATIONS,
	PROFIT_CONTACTS,
	PROFIT_SALES_ORDERS,
	PROFIT_SALES_ORDER_LINES,
};
