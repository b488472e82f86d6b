'use strict';
// Journal entries written through salesjournalentry / financialjournalentry become rows of GET api/journalentries
// (schema get_journalentries_1.1): one row per line, LineId unique, HeaderId = the entry's id.
// Simplification: only the lines the client sent are booked (no generated debtor or VAT counter-lines).
const crypto = require('crypto');

const VAT_PERCENT = { high: 21, low: 9, zero: 0, special: 0 };
const round2 = (n) => Math.round(n * 100) / 100;

function periodOf(store, adminId, isoDate) {
	const t = Date.parse(`${isoDate}T00:00:00Z`);
	return store.accountingperiod.find((p) => p.AdministrationId === adminId && Date.parse(p.StartDate) <= t && t <= Date.parse(p.EndDate));
}

let entryNumber = 80000;

/** lines: [{ ledgerAccountId, debit?, credit?, vatType?, vatAmount?, description? }] */
function bookLines(store, { headerId, adminId, date, document, description, lines }) {
	const period = periodOf(store, adminId, date);
	const number = String(entryNumber++);
	for (const line of lines) {
		const debit = line.debit ?? 0;
		const credit = line.credit ?? 0;
		const vat = line.vatType ? VAT_PERCENT[String(line.vatType).toLowerCase()] ?? null : null;
		store.journalentries.push(store.touch({
			AdministrationId: adminId,
			HeaderId: headerId,
			LineId: crypto.randomUUID(),
			AccountingPeriodId: period ? period.Id : null,
			AccountingYearId: period ? store.accountingyear.find((y) => y.AdministrationId === adminId && y.Description === period.AccountingYear)?.Id ?? null : null,
			LedgerAccountId: String(line.ledgerAccountId).toLowerCase(),
			AmountDebit: debit,
			AmountCredit: credit,
			AmountTotal: round2(debit - credit),
			Number: number,
			PostingDate: `${date}T00:00:00Z`,
			Description: line.description ?? description ?? null,
			DocumentIdentification: document ?? null,
			DocumentDate: `${date}T00:00:00Z`,
			VatPercentage: vat,
			VatSection: null,
			VatAmount: line.vatAmount ?? (vat === null ? null : round2(((debit || credit) * vat) / 100)),
			AuditCreatedOnDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
		}));
	}
}

function removeLines(store, headerId) {
	for (let i = store.journalentries.length - 1; i >= 0; i--) {
		if (store.journalentries[i].HeaderId === headerId) store.journalentries.splice(i, 1);
	}
}

module.exports = { bookLines, removeLines };
