'use strict';
// POST api/supplier: creates the relation (Organisatie + Instelling, or Persoon), the supplier (Leverancier) and
// its payee (Begunstigde), plus e-mail, phone and bank account instances. It is the simulator's one deterministic
// trigger for `PartiallySucceeded` (spec components.responses.400 example): a BankAccountNumber that is not a valid
// IBAN leaves the relation and supplier created and reports the bank account under its entity name.
const crypto = require('crypto');
const { succeededInstances, partiallySucceeded } = require('./errors');
const { personName } = require('./writes');
const { pad6 } = require('./seed');

/** ISO 13616 check: country code, two check digits, mod 97 == 1. Spaces are ignored. */
function isIban(text) {
	const iban = String(text).replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
	const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
	let rest = 0;
	for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
	return rest === 1;
}

let supplierCode = 9100;

function create(store, body) {
	const instances = [];
	const errors = [];
	let relation;
	let description;
	if (body.Person) {
		const p = body.Person;
		relation = store.touch({
			Id: crypto.randomUUID(), Name: '', FirstName: p.Firstname ?? null, Initials: p.Initials ?? null, Prefix: p.Prefix ?? null, Lastname: p.Lastname,
			PhoneNumber: body.PhoneNumber ?? null, EmailAddress: body.EmailAddress ?? null, ExternalId: null, IsArchived: false,
		});
		relation.Name = personName(relation);
		store.nextRelationNumber();
		store.persons.push(relation);
		description = relation.Name;
		instances.push({ Code: 'Persoon', Id: relation.Id });
	} else {
		// Neither Person nor Organisation is required by the schema; without both the simulator still creates an
		// organisation named after the supplier (UNVERIFIED: AFAS's behaviour for such a body is not documented).
		const o = body.Organisation || {};
		const number = store.nextRelationNumber();
		description = o.Name || `Leverancier ${number}`;
		relation = store.touch({
			Id: crypto.randomUUID(), Name: `${description} (${number})`, CocNumber: o.CompanyIdCoc ?? null, VatNumber: o.CompanyIdVat ?? null,
			PhoneNumber: body.PhoneNumber ?? null, EmailAddress: body.EmailAddress ?? null, SbiCode: null, RelationId: number, ExternalId: null, IsArchived: false,
		});
		store.organisations.push(relation);
		instances.push({ Code: 'Organisatie', Id: relation.Id, Relatienummer: number }, { Code: 'Instelling', Id: crypto.randomUUID() });
	}
	const supplierId = crypto.randomUUID();
	instances.push({ Code: 'Leverancier', Id: supplierId }, { Code: 'Begunstigde', Id: relation.Id });
	if (body.EmailAddress) instances.push({ Code: 'Emailadres', Id: crypto.randomUUID() });
	if (body.PhoneNumber) instances.push({ Code: 'Telefoonnummer', Id: crypto.randomUUID() });
	let bankAccountId = null;
	if (body.BankAccountNumber) {
		if (isIban(body.BankAccountNumber)) {
			bankAccountId = crypto.randomUUID();
			instances.push({ Code: 'Bankrekening', Id: bankAccountId });
		} else {
			errors.push({ Bankrekening: `'Rekeningnummer' bevat een ongeldig IBAN-nummer (${body.BankAccountNumber}).` }); // invented
		}
	}
	store.supplier.push(store.touch({
		Id: supplierId, Description: description, AdministrationId: body.AdministrationId.toLowerCase(), SupplierId: relation.Id, Code: pad6(supplierCode++),
		CompanyIdVat: body.Organisation?.CompanyIdVat ?? null, CompanyIdCoc: body.Organisation?.CompanyIdCoc ?? null, VatTypeId: null,
		LedgerAccountId: body.LedgerAccountId ? body.LedgerAccountId.toLowerCase() : null, PhoneNumber: body.PhoneNumber ?? null, PhoneNumberId: null,
		Emailaddress: body.EmailAddress ?? null, EmailaddressId: null, AddressId: null, Street: null, HouseNumber: null, HouseNumberAddition: null, Comments: null,
		PostalCode: null, CityName: null, State: null, CountryCode: null, CountryName: null, BankAccountId: bankAccountId,
		AccountNumber: bankAccountId ? body.BankAccountNumber : null, AccountHolder: bankAccountId ? description : null, BankId: null, BIC: body.BIC ?? null,
		IncludeInBankFile: Boolean(bankAccountId), PaymentMethodId: null, IsBlocked: false, IsArchived: false,
		GescandeFacturenAutomatischBoeken: null, MaximumBedragVoorAutomatischBoeken: null,
	}));
	if (body.LedgerAccountId && !store.ledgeraccounts.some((l) => l.Id === body.LedgerAccountId.toLowerCase())) {
		errors.push({ Leverancier: `'Grootboekrekening' bevat een verwijzing naar een ongeldige waarde.` }); // wording of the spec's errors[] example
	}
	return errors.length ? partiallySucceeded(instances, errors) : succeededInstances(instances);
}

module.exports = { create, isIban };
