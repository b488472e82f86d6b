/**
 * The GET list endpoints of AFAS SB spec 6.0.0 (AFAS's OpenAPI file `sb-6.0.0.json`), each with the
 * Accept-Version its operationId names (get_<resource>_<version>) and a default sort field: `Id`, else
 * `InstanceId`, else the first property of the response schema (SB's docs: always sort when paging).
 */
export interface SbResource {
	value: string;
	name: string;
	acceptVersion: string;
	defaultSort: string;
}

export const SB_RESOURCES: readonly SbResource[] = [
	{
		value: 'accountingperiod',
		name: 'Accounting Periods',
		acceptVersion: '2.0',
		defaultSort: 'Id',
	},
	{ value: 'accountingyear', name: 'Accounting Years', acceptVersion: '2.0', defaultSort: 'Id' },
	{ value: 'address', name: 'Address (Legacy Name)', acceptVersion: '1.0', defaultSort: 'Id' },
	{ value: 'addresses', name: 'Addresses', acceptVersion: '1.0', defaultSort: 'Id' },
	{
		value: 'administration',
		name: 'Administration (Legacy Name)',
		acceptVersion: '1.0',
		defaultSort: 'Id',
	},
	{ value: 'administrations', name: 'Administrations', acceptVersion: '1.0', defaultSort: 'Id' },
	{
		value: 'bankaccount',
		name: 'Bank Account (Legacy Name)',
		acceptVersion: '1.0',
		defaultSort: 'Id',
	},
	{ value: 'bankaccounts', name: 'Bank Accounts', acceptVersion: '1.0', defaultSort: 'Id' },
	{
		value: 'cashregisters',
		name: 'Cash Registers',
		acceptVersion: '1.0',
		defaultSort: 'InstanceId',
	},
	{ value: 'contacts', name: 'Contacts', acceptVersion: '1.0', defaultSort: 'Id' },
	{ value: 'countries', name: 'Countries', acceptVersion: '1.0', defaultSort: 'Id' },
	{ value: 'country', name: 'Country (Legacy Name)', acceptVersion: '1.0', defaultSort: 'Id' },
	{
		value: 'creditorbalance',
		name: 'Creditor Balance',
		acceptVersion: '1.0',
		defaultSort: 'AdministrationId',
	},
	{
		value: 'creditorinvoicebalance',
		name: 'Creditor Invoice Balance',
		acceptVersion: '1.0',
		defaultSort: 'AdministrationId',
	},
	{
		value: 'debtorbalance',
		name: 'Debtor Balance',
		acceptVersion: '2.0',
		defaultSort: 'AdministrationId',
	},
	{
		value: 'debtorinvoicebalance',
		name: 'Debtor Invoice Balance',
		acceptVersion: '3.0',
		defaultSort: 'AdministrationId',
	},
	{
		value: 'debtorpaymentterms',
		name: 'Debtor Payment Terms',
		acceptVersion: '1.0',
		defaultSort: 'AdministationId',
	},
	{
		value: 'featuretoggles',
		name: 'Feature Toggles',
		acceptVersion: '1.0',
		defaultSort: 'AdministrationId',
	},
	{
		value: 'invoicevatpercentage',
		name: 'Invoice VAT Percentage',
		acceptVersion: '1.0',
		defaultSort: 'AdministrationCountryId',
	},
	{
		value: 'invoicevatrate',
		name: 'Invoice VAT Rate',
		acceptVersion: '1.0',
		defaultSort: 'AdministrationCountryId',
	},
	{
		value: 'journalentries',
		name: 'Journal Entries',
		acceptVersion: '1.1',
		defaultSort: 'AdministrationId',
	},
	{
		value: 'ledgeraccount',
		name: 'Ledger Account (Legacy Name)',
		acceptVersion: '1.0',
		defaultSort: 'Id',
	},
	{ value: 'ledgeraccounts', name: 'Ledger Accounts', acceptVersion: '1.0', defaultSort: 'Id' },
	{
		value: 'ledgerperiodtotals',
		name: 'Ledger Period Totals',
		acceptVersion: '1.0',
		defaultSort: 'AdministrationId',
	},
	{
		value: 'linestobeinvoiced',
		name: 'Lines to Be Invoiced',
		acceptVersion: '1.0',
		defaultSort: 'InstanceId',
	},
	{
		value: 'organisations',
		name: 'Organisations',
		acceptVersion: '2.0',
		defaultSort: 'Id',
	},
	{
		value: 'paymentconditions',
		name: 'Payment Conditions',
		acceptVersion: '1.0',
		defaultSort: 'Id',
	},
	{ value: 'paymentmethod', name: 'Payment Methods', acceptVersion: '1.0', defaultSort: 'Id' },
	{ value: 'persons', name: 'Persons', acceptVersion: '2.0', defaultSort: 'Id' },
	{ value: 'products', name: 'Products', acceptVersion: '3.0', defaultSort: 'Id' },
	{
		value: 'projects',
		name: 'Projects',
		acceptVersion: '1.0',
		defaultSort: 'InstanceId',
	},
	{
		value: 'salesinvoices',
		name: 'Sales Invoices',
		acceptVersion: '1.0',
		defaultSort: 'InstanceId',
	},
	{
		value: 'salespricesperrelation',
		name: 'Sales Prices per Relation',
		acceptVersion: '1.0',
		defaultSort: 'Id',
	},
	{
		value: 'salesrelations',
		name: 'Sales Relations',
		acceptVersion: '1.0',
		defaultSort: 'AdministrationId',
	},
	{ value: 'supplier', name: 'Suppliers', acceptVersion: '1.0', defaultSort: 'Id' },
	{
		value: 'unknownrelation',
		name: 'Unknown Relations',
		acceptVersion: '1.0',
		defaultSort: 'Id',
	},
	{ value: 'vatrate', name: 'VAT Rates', acceptVersion: '1.0', defaultSort: 'Id' },
	{ value: 'vattype', name: 'VAT Types', acceptVersion: '1.0', defaultSort: 'Id' },
];

const BY_VALUE = new Map(SB_RESOURCES.map((resource) => [resource.value, resource]));

export function sbResource(value: string): SbResource | undefined {
	return BY_VALUE.get(value.trim().toLowerCase());
}
