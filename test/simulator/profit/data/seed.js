'use strict';
/**
 * The seeded environment: records keyed by UpdateConnector field ids (so writes land directly in the same
 * records that GetConnectors read), plus files for the File/Subject/Image/Report connectors.
 * Everything is deterministic; each simulator instance gets its own fresh copy.
 */
const {
	prng,
	pick,
	pad,
	localDate,
	FIRST_NAMES,
	LAST_NAMES,
	CITIES,
	COMPANY_WORDS,
} = require('./random');

// A 1x1 transparent PNG and a minimal one-page PDF: small, valid files for the file endpoints.
const PNG_1X1 = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);

function pdf(text) {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
			`3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R>>endobj\n` +
			`4 0 obj<</Length ${text.length + 24}>>stream\nBT /F1 12 Tf 10 50 Td (${text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
		'latin1',
	);
}

function seedPersons(random) {
	const persons = [];
	for (let i = 1; i <= 40; i++) {
		const first = pick(FIRST_NAMES, random());
		const [prefix, last] = pick(LAST_NAMES, random());
		const created = localDate(Math.floor(random() * 3000), Math.floor(random() * 86400));
		persons.push({
			BcId: i,
			BcCo: String(100000 + i),
			SeNm: last.toUpperCase().slice(0, 10),
			CaNm: first,
			FiNm: first,
			In: `${first[0]}.`,
			Is: prefix,
			LaNm: last,
			ViGe: pick(['M', 'V', 'O', 'X'], random()),
			EmAd: `${first}.${last}@example.nl`.toLowerCase().replace(/\s+/g, ''),
			MbNr: `06${pad(Math.floor(random() * 1e8), 8)}`,
			DaBi: localDate(-Math.floor(7000 + random() * 12000)),
			// A custom (free) field, as Profit exposes them: GUID-like `U…` id in update metainfo.
			U5F0D8A44C3B64C8E9E1A7B2C3D4E5F60: pick(['A', 'B', 'C', null], random()),
			CreateDate: created,
			ModifiedDate: created,
		});
	}
	// Numbers used by the vendor's KnPerson PUT examples (MatchPer 0 + BcCo).
	['1000781', '1000368', '1234568774', '1000780', '000021212', '1000008', '1000002'].forEach(
		(bcCo, i) => {
			persons[33 + i].BcCo = bcCo;
		},
	);
	return persons;
}

function seedOrganisations(random) {
	const organisations = [];
	for (let i = 1; i <= 15; i++) {
		const name = `${pick(COMPANY_WORDS, random())} ${pick(['B.V.', 'N.V.', 'V.O.F.', 'Groep'], random())}`;
		const created = localDate(Math.floor(random() * 3000), Math.floor(random() * 86400));
		organisations.push({
			BcId: 1000 + i,
			BcCo: String(200000 + i),
			Nm: `${pick(LAST_NAMES, random())[1]} ${name}`,
			SeNm: name.toUpperCase().slice(0, 10),
			CcNr: pad(30000000 + Math.floor(random() * 9999999), 8),
			Rs: pick(CITIES, random()),
			CoId: i % 7 === 0 ? 'B' : 'NL',
			EmAd: `info@org${i}.example.nl`,
			CreateDate: created,
			ModifiedDate: created,
		});
	}
	// Numbers used by the vendor's KnOrganisation PUT and sub-object examples (MatchOga 0 + BcCo).
	['1000614', '1000755', '1000002', '1000372'].forEach((bcCo, i) => {
		organisations[11 + i].BcCo = bcCo;
	});
	return organisations;
}

function seedDebtors(random, organisations, persons) {
	const debtors = [];
	for (let i = 1; i <= 20; i++) {
		const relation = i <= 12 ? organisations[i - 1] : persons[i];
		const created = localDate(1000 + Math.floor(random() * 2000), Math.floor(random() * 86400));
		debtors.push({
			DbId: String(10000 + i),
			BcCo: relation.BcCo,
			Nm: relation.Nm || `${relation.FiNm} ${relation.Is ? `${relation.Is} ` : ''}${relation.LaNm}`,
			Rs: relation.Rs || pick(CITIES, random()),
			CoId: relation.CoId || 'NL',
			Blocked: i % 9 === 0,
			CreditLimit: Math.round(random() * 50) * 1000,
			Balance: Math.round((random() * 20000 - 2000) * 100) / 100,
			CreateDate: created,
			ModifiedDate: created,
		});
	}
	return debtors;
}

function seedEmployees(random, persons) {
	const employees = [];
	for (let i = 1; i <= 30; i++) {
		const person = persons[i - 1];
		const start = localDate(-Math.floor(random() * 4000));
		// Every fourth employee left before 2020-03-22, the date in the vendor's OR-filter example (research §5.4).
		const end = i % 4 === 0 ? localDate(1500 + Math.floor(random() * 300)) : null;
		employees.push({
			EmId: String(1000 + i),
			BcCo: person.BcCo,
			Name: `${person.FiNm} ${person.Is ? `${person.Is} ` : ''}${person.LaNm}`,
			EmAd: person.EmAd,
			EmploymentStartDate: start,
			EmploymentEndDate: end,
			EmailForDigitalDocuments: pick(['P', 'W', null], random()),
			FunctionDescription: pick(
				['Consultant', 'Developer', 'Controller', 'HR adviseur', 'Support'],
				random(),
			),
			DepartmentCode: pick(['ICT', 'FIN', 'HR', 'SALES'], random()),
			HoursPerWeek: pick([16, 24, 32, 36, 40], random()),
			PhotoImageId: i <= 3 ? `0A1B2C3D4E5F60718293A4B5C6D7E8F${i}` : null,
			CreateDate: start,
			ModifiedDate: start,
		});
	}
	return employees;
}

function seedSubjects() {
	const attachment = (fileId, fileName, data) => ({
		FileId: fileId,
		FileName: fileName,
		data,
	});
	return [
		{
			SbId: 9910,
			StId: 1,
			Ds: 'Intake gesprek',
			SbTx: 'Eerste gesprek',
			Da: '2023-05-01T09:30:00',
			St: false,
			links: [],
			attachments: [],
		},
		{
			SbId: 9937,
			StId: 1,
			Ds: 'Workflow test',
			SbTx: null,
			Da: '2023-06-12T14:00:00',
			St: false,
			links: [],
			attachments: [],
		},
		{
			SbId: 49946,
			StId: 20,
			Ds: 'Arbeidsovereenkomst',
			SbTx: null,
			Da: '2024-01-15T10:00:00',
			St: true,
			links: [{ SfTp: 2, SfId: '1001' }],
			// The vendor's SubjectConnector example ids (research §8.3).
			attachments: [
				attachment(
					'5C055C034516ED67972E0A852E03C5B9',
					'contract_2024.pdf',
					pdf('Arbeidsovereenkomst'),
				),
			],
		},
		{
			SbId: 54286,
			StId: 15,
			Ds: 'Curriculum Vitae',
			SbTx: 'Ingestuurd vanuit ATS',
			Da: '2024-08-22T10:00:00',
			St: false,
			links: [{ SfTp: 17, SfId: '000256' }],
			attachments: [
				attachment('7A2D4F9E0B1C4E3A8F6D5C4B3A291807', 'example.png', PNG_1X1),
				attachment('8B3E5A0F1C2D4F4B9A7E6D5C4B3A2918', 'example.png', PNG_1X1),
			],
		},
	];
}

function seedFiles() {
	return [
		// The vendor's FileConnector example (research §8.2).
		{
			fileId: 'F64BB8E942BBC5E94FC747904E19FE1B',
			fileName: 'Invoice3734.pdf',
			data: pdf('Invoice 3734'),
		},
		// A name with underscores: only reachable with the `_5f` encoding.
		{
			fileId: '3D9A6C1E2F7B4A8C9D0E1F2A3B4C5D6E',
			fileName: 'Jaaropgave_2024_def.pdf',
			data: pdf('Jaaropgave 2024'),
		},
	];
}

function seedSalesOrders() {
	const line = (n, values) => ({
		GuLi: `{5A1E0000-0000-4000-8000-5EED0000000${n}}`,
		...values,
	});
	return [
		{
			OrNu: '60000175',
			DbId: '10001',
			OrDa: '2013-05-20T00:00:00',
			RfCs: 'Seed order',
			lines: [
				line(1, {
					VaIt: '2',
					ItCd: '1000',
					Ds: 'Seed item',
					BiUn: 'stk',
					QuUn: 2,
					Upri: 10,
				}),
			],
		},
		{
			OrNu: '60000178',
			DbId: '10002',
			OrDa: '2013-05-21T00:00:00',
			RfCs: 'Seed order 2',
			lines: [],
		},
		// Order numbers used by the vendor's FbSales PUT and sub-object examples.
		...['60000172', '60000176', '60000177', '60005490'].map((OrNu) => ({
			OrNu,
			DbId: '10003',
			OrDa: '2013-06-01T00:00:00',
			lines: [],
		})),
	];
}

function seedAdministrations() {
	// Chosen so the vendor's filterjson example (§5.5: AdminId=1 AND AdminNm contains 'Internet', OR
	// AdminId=3 AND AdminNm = 'Internet') selects exactly AdminId 1 and 3.
	return [
		{ AdminId: 1, AdminNm: 'Internet Holding' },
		{ AdminId: 2, AdminNm: 'Internet Retail' },
		{ AdminId: 3, AdminNm: 'Internet' },
		{ AdminId: 4, AdminNm: 'Consultancy' },
		{ AdminId: 5, AdminNm: 'AFAS Software B.V.' },
	];
}

function seedData() {
	const random = prng(20240601);
	const persons = seedPersons(random);
	const organisations = seedOrganisations(random);
	return {
		persons,
		organisations,
		debtors: seedDebtors(random, organisations, persons),
		employees: seedEmployees(random, persons),
		subjects: seedSubjects(),
		files: seedFiles(),
		images: [
			{
				imageId: '0A1B2C3D4E5F60718293A4B5C6D7E8F1',
				data: PNG_1X1,
				mimetype: 'image/png',
			},
			{
				imageId: '0A1B2C3D4E5F60718293A4B5C6D7E8F2',
				data: PNG_1X1,
				mimetype: 'image/png',
			},
			{
				imageId: '0A1B2C3D4E5F60718293A4B5C6D7E8F3',
				data: PNG_1X1,
				mimetype: 'image/png',
			},
		],
		// The vendor's ReportConnector example id (research §8.5).
		reports: [
			{
				reportId: 'CF761B2F7099455B8C5227639C447689',
				fileName: 'Debiteurenlijst.pdf',
				data: pdf('Debiteurenlijst'),
			},
		],
		salesOrders: seedSalesOrders(),
		// KnContact rows written below organisations (Profit_Contacts).
		contacts: [],
		journalEntries: [],
		administrations: seedAdministrations(),
		users: [],
		counters: {
			BcId: 5000,
			BcCo: 300000,
			SbId: 60000,
			OrNu: 60005491,
			EnNo: 70001,
			FileId: 1,
			CdId: 1,
			GuLi: 1,
		},
	};
}

module.exports = { seedData, PNG_1X1, pdf };
