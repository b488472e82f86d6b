'use strict';
// Request schemas of the simulated write endpoints, transcribed from sb-6.0.0.json
// (updateconnector-{resource}-{ver}-{create|update|delete}_request): names, types, formats, enums, required.
const S = (extra = {}) => ({ type: 'string', ...extra });
const uuid = (required) => S({ format: 'uuid', required });
const relationType = (withUnknown) => S({ required: true, enum: withUnknown ? ['organisation', 'person', 'unknown'] : ['organisation', 'person'] });
const PAYMENT_METHOD = ['creditcard', 'directdebit', 'debetcard', 'unknown', 'cash', 'ideal', 'banktransfer', '', 'null'];

const address = {
	type: 'object',
	props: {
		StreetName: S({ required: true }), HouseNumber: { type: 'integer' }, HouseNumberAddition: S(), Explanation: S(), PostalZone: S(),
		State: S(), CityName: S({ required: true }), CountryCode: S({ required: true }), PreferredSupplierAddress: { type: 'boolean' },
		PreferredShippingAddress: { type: 'boolean' }, PreferredBillingAddress: { type: 'boolean' },
	},
};
const bank = (required) => ({
	type: 'object',
	props: {
		AccountNumber: S({ required: true }), BankId: S({ required: required.includes('BankId') }), Bic: S(),
		CountryCode: S({ required: required.includes('CountryCode') }), AccountHolderName: S({ required: required.includes('AccountHolderName') }),
		PreferredOutgoingPayments: { type: 'boolean' }, PreferredIncommingPayments: { type: 'boolean' },
	},
});

const organisationProps = (create) => ({
	...(create ? {} : { RelationId: uuid(true) }),
	Name: S({ required: create }), ExternalId: S(), CocNumber: S(), VatNumber: S(), Tradename: S(), SbiCode: S(),
	EmailAddress: S({ format: 'email' }), Website: S(), PhoneNumber: S(),
	Addresses: { type: 'array', items: address }, BankAccounts: { type: 'array', items: bank(['AccountHolderName']) },
});
const personProps = (create) => ({
	...(create ? {} : { RelationId: uuid(true) }),
	FirstName: S(), LastName: S({ required: create }), Initials: S(), Prefix: S(), EmailAddress: S({ format: 'email' }),
	PhoneNumber: S(), ExternalId: S(), Addresses: { type: 'array', items: address },
	BankAccounts: { type: 'array', items: bank(create ? ['BankId', 'CountryCode'] : ['CountryCode']) },
});

const salesJournalEntryCreate = {
	AdministrationId: uuid(true), InvoiceDate: S({ format: 'date', required: true }), InvoiceNumber: S({ required: true }),
	RelationType: relationType(true), RelationId: uuid(true), Reference: S(), Description: S(),
	PaymentMethod: S({ enum: PAYMENT_METHOD }), PaymentConditionId: uuid(false),
	Attachments: { type: 'array', items: { type: 'object', props: { AttachmentId: uuid(true) } } },
	InvoiceLine: {
		type: 'array', required: true,
		items: {
			type: 'object',
			props: {
				LedgerAccountId: uuid(true), Description: S(), AmountExcludingVat: { type: 'number', required: true }, AmountVat: { type: 'number' },
				VatType: S({ required: true, enum: ['high', 'low', 'zero', '', 'null'] }), IntraCommunityType: S({ enum: ['supplies', 'services', '', 'null'] }),
				VatCalculation: S({ enum: ['reversecharged', 'exempt', '', 'null'] }),
			},
		},
	},
};
const deleteById = { AdministrationId: uuid(true), Id: uuid(true) };

const lineProps = (update) => ({
	AdministrationId: uuid(true), ...(update ? { LineToBeInvoicedId: uuid(true) } : {}), Date: S({ format: 'date', required: true }),
	Description: S({ required: true }), RelationType: relationType(true), RelationId: uuid(true), ItemId: uuid(false),
	Quantity: { type: 'number', required: true }, Price: { type: 'number' }, ProjectId: uuid(false),
});

module.exports = {
	organisationCreate: organisationProps(true),
	organisationUpdate: organisationProps(false),
	personCreate: personProps(true),
	personUpdate: personProps(false),
	salesJournalEntryCreate,
	deleteById,
	lineCreate: lineProps(false),
	lineUpdate: lineProps(true),
};
