import { startSimulator, type Simulator } from '../simulator';
import { call, sendJson, type FileBody } from './profitTestClient';

describe('Profit simulator: files, version and OTP', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, seed: { profit: { profitVersion: '9.1.2' } } });
	});
	afterAll(async () => sim.close());

	it('returns the configured Profit version', async () => {
		const res = await call<{ version: string }>(sim, '/profitversion');
		expect(res.json).toEqual({ version: '9.1.2' });
	});

	describe('FileConnector', () => {
		it('serves the vendor example file as {filename, mimetype, filedata}', async () => {
			const res = await call<FileBody>(
				sim,
				'/fileconnector/F64BB8E942BBC5E94FC747904E19FE1B/Invoice3734.pdf',
			);
			expect(res.status).toBe(200);
			expect(res.json.filename).toBe('Invoice3734.pdf');
			expect(res.json.mimetype).toBe('application/pdf');
			expect(atob(res.json.filedata).startsWith('%PDF-')).toBe(true);
		});

		it('needs "_" encoded as "_5f" in the file name', async () => {
			const encoded = await call<FileBody>(
				sim,
				'/fileconnector/3D9A6C1E2F7B4A8C9D0E1F2A3B4C5D6E/Jaaropgave_5f2024_5fdef.pdf',
			);
			expect(encoded.status).toBe(200);
			expect(encoded.json.filename).toBe('Jaaropgave_2024_def.pdf');
			const raw = await call(
				sim,
				'/fileconnector/3D9A6C1E2F7B4A8C9D0E1F2A3B4C5D6E/Jaaropgave_2024_def.pdf',
			);
			expect(raw.status).toBe(404);
			expect(raw.text).toBe('');
		});

		it('also accepts the query-parameter form of the OpenAPI file, and 404s on a wrong name', async () => {
			const res = await call<FileBody>(
				sim,
				'/FileConnector?fileid=F64BB8E942BBC5E94FC747904E19FE1B&filename=Invoice3734.pdf',
			);
			expect(res.status).toBe(200);
			expect(
				(await call(sim, '/fileconnector/F64BB8E942BBC5E94FC747904E19FE1B/Other.pdf')).status,
			).toBe(404);
		});

		it('returns raw bytes with SendFileAsBinary: 1', async () => {
			const res = await fetch(
				`${sim.profitUrl}/fileconnector/F64BB8E942BBC5E94FC747904E19FE1B/Invoice3734.pdf`,
				{
					headers: {
						Authorization: `AfasToken ${sim.credentials.profit.tokenBase64}`,
						SendFileAsBinary: '1',
					},
				},
			);
			expect(res.headers.get('content-type')).toBe('application/pdf');
			expect((await res.text()).startsWith('%PDF-')).toBe(true);
		});
	});

	it('serves a dossier attachment with the vendor example ids, 404 when missing', async () => {
		const res = await call<FileBody>(
			sim,
			'/SubjectConnector/49946/5C055C034516ED67972E0A852E03C5B9',
		);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ filename: 'contract_2024.pdf', mimetype: 'application/pdf' });
		expect(
			(await call(sim, '/subjectconnector/49946/00000000000000000000000000000000')).status,
		).toBe(404);
	});

	it('serves images by id and format, and reports by id', async () => {
		const image = await call<FileBody>(
			sim,
			'/imageconnector/0A1B2C3D4E5F60718293A4B5C6D7E8F1?format=1',
		);
		expect(image.status).toBe(200);
		expect(image.json).toEqual({ filedata: expect.any(String), mimetype: 'image/png' });
		expect((await call(sim, '/imageconnector/FFFF?format=0')).status).toBe(404);
		const report = await call<FileBody>(sim, '/reportconnector/CF761B2F7099455B8C5227639C447689');
		expect(report.status).toBe(200);
		expect(report.json).toMatchObject({
			filename: 'Debiteurenlijst.pdf',
			mimetype: 'application/pdf',
		});
		expect((await call(sim, '/reportconnector/00000000000000000000000000000000')).status).toBe(404);
	});

	describe('OTP', () => {
		it('mails a one-time password and exchanges it once for a working token', async () => {
			const { apiKey, environmentKey, userId } = sim.credentials.profit.otp;
			const request = await sendJson(
				sim,
				'POST',
				'/otprequest',
				{ apiKey, apiToken: environmentKey, userId },
				{ auth: null },
			);
			expect(request.status).toBe(201);
			expect(request.text).toBe('');
			const mail = sim.profit.outbox[sim.profit.outbox.length - 1];
			expect(mail.userId).toBe(userId);

			// Key casing varies between clients (userid / Otp); both are accepted.
			const wrong = await sendJson(
				sim,
				'POST',
				'/otpvalidation',
				{ apiKey, apiToken: environmentKey, userid: userId, otp: 'nope' },
				{ auth: null },
			);
			expect(wrong.status).toBe(204);
			const ok = await sendJson<{ token: string }>(
				sim,
				'POST',
				'/otpvalidation',
				{ apiKey, apiToken: environmentKey, userid: userId, Otp: mail.otp },
				{ auth: null },
			);
			expect(ok.status).toBe(200);
			expect(ok.json.token).toMatch(
				/^<token><version>1<\/version><data>[0-9A-F]{64}<\/data><\/token>\r\n$/,
			);
			const reused = await sendJson(
				sim,
				'POST',
				'/otpvalidation',
				{ apiKey, apiToken: environmentKey, userid: userId, otp: mail.otp },
				{ auth: null },
			);
			expect(reused.status).toBe(204);

			const meta = await call(sim, '/metainfo', {
				auth: `AfasToken ${btoa(ok.json.token.trim())}`,
			});
			expect(meta.status).toBe(200);
			expect(JSON.stringify(sim.requests)).not.toContain(mail.otp);
		});

		it('answers 201 without mailing anything when the keys do not match', async () => {
			const before = sim.profit.outbox.length;
			const res = await sendJson(
				sim,
				'POST',
				'/otprequest',
				{ apiKey: 'x', apiToken: 'y', userId: 'z' },
				{ auth: null },
			);
			expect(res.status).toBe(201);
			expect(sim.profit.outbox.length).toBe(before);
		});
	});
});
