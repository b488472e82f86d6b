'use strict';
/**
 * File downloads (research §8.2–§8.5): FileConnector, SubjectConnector, ImageConnector, ReportConnector.
 * Answers `{filename?, mimetype, filedata(Base64)}`, raw bytes with `SendFileAsBinary: 1` (UNVERIFIED,
 * one client), and 404 with an empty body when the file is missing or not visible.
 */
const { errorBody, ERROR_NUMBERS } = require('./errors');

const MIME_TYPES = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	txt: 'text/plain',
	csv: 'text/csv',
	xml: 'application/xml',
	json: 'application/json',
	zip: 'application/zip',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mimeTypeOf(fileName) {
	const extension = String(fileName).split('.').pop().toLowerCase();
	return MIME_TYPES[extension] || 'application/octet-stream';
}

function sendFile(ctx, { fileName, mimetype, data }, includeName = true) {
	const type = mimetype || mimeTypeOf(fileName);
	if (String(ctx.headers.sendfileasbinary || '') === '1')
		return ctx.send(200, data, { 'Content-Type': type });
	const body = includeName
		? { filename: fileName, mimetype: type, filedata: data.toString('base64') }
		: { filedata: data.toString('base64'), mimetype: type };
	return ctx.send(200, body);
}

function notLinked(ctx) {
	ctx.send(
		500,
		errorBody(
			'Connector not supported for this app or the user is not authorized',
			ERROR_NUMBERS.notSupported,
		),
	);
}

function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

/**
 * The FileConnector's file-name rule (§8.2, help page): `_` must be sent as `_5f`, other special characters
 * URL-escaped. The simulator is strict: a bare `_` in the path means the client skipped the rule -> 404.
 */
function decodeFileName(raw) {
	const decoded = safeDecode(raw);
	if (decoded === null) return null;
	const marked = decoded.replace(/_5f/gi, '\u0000');
	if (marked.includes('_')) return null;
	return marked.replace(/\u0000/g, '_');
}

function allFiles(state) {
	const attachments = state.data.subjects.flatMap((subject) =>
		subject.attachments.map((a) => ({
			fileId: a.FileId,
			fileName: a.FileName,
			data: a.data,
		})),
	);
	return [...state.data.files, ...attachments];
}

/** `/fileconnector/{fileId}/{fileName}` (path form, §8.2) or `?fileid=&filename=` (the OpenAPI form, §12 #1). */
function handleFileConnector(ctx, state, app, rawSegments) {
	if (!app.special.file) return notLinked(ctx);
	let fileId;
	let fileName;
	if (rawSegments.length >= 3) {
		fileId = safeDecode(rawSegments[1]);
		fileName = decodeFileName(rawSegments.slice(2).join('/'));
	} else if (rawSegments.length === 1) {
		fileId = ctx.query.get('fileid') || ctx.query.get('fileId');
		const name = ctx.query.get('filename') || ctx.query.get('fileName');
		fileName = name === null ? null : name.replace(/_5f/gi, '_');
	}
	if (!fileId || !fileName) return ctx.send(404);
	const file = allFiles(state).find(
		(f) => f.fileId.toLowerCase() === fileId.toLowerCase() && f.fileName === fileName,
	);
	if (!file) return ctx.send(404);
	return sendFile(ctx, file);
}

/** `/subjectconnector/{subjectId}/{fileId}` (§8.3) or `?SubjectId=&FileId=` (OpenAPI form). */
function handleSubjectConnector(ctx, state, app, segments) {
	if (!app.special.subject) return notLinked(ctx);
	const subjectId = segments[1] || ctx.query.get('SubjectId') || ctx.query.get('subjectid');
	const fileId = segments[2] || ctx.query.get('FileId') || ctx.query.get('fileid');
	if (!subjectId || !fileId) return ctx.send(404);
	const subject = state.data.subjects.find((s) => String(s.SbId) === String(subjectId));
	const attachment =
		subject &&
		subject.attachments.find((a) => a.FileId.toLowerCase() === String(fileId).toLowerCase());
	if (!attachment) return ctx.send(404);
	return sendFile(ctx, {
		fileName: attachment.FileName,
		data: attachment.data,
	});
}

/** `/imageconnector/{imageId}?format=0|1|2` -> `{filedata, mimetype}` (§8.4). Missing format = 0 (UNVERIFIED). */
function handleImageConnector(ctx, state, app, segments) {
	if (!app.special.image) return notLinked(ctx);
	const format = ctx.query.get('format') || '0';
	if (!['0', '1', '2'].includes(format)) return ctx.send(404);
	const image =
		segments[1] &&
		state.data.images.find((i) => i.imageId.toLowerCase() === segments[1].toLowerCase());
	if (!image) return ctx.send(404);
	return sendFile(
		ctx,
		{ fileName: 'image.png', mimetype: image.mimetype, data: image.data },
		false,
	);
}

/** `/reportconnector/{reportId}` -> `{filename, mimetype, filedata}` (§8.5; `filename` added for consistency). */
function handleReportConnector(ctx, state, app, segments) {
	if (!app.special.report) return notLinked(ctx);
	const report =
		segments[1] &&
		state.data.reports.find((r) => r.reportId.toLowerCase() === segments[1].toLowerCase());
	if (!report) return ctx.send(404);
	return sendFile(ctx, { fileName: report.fileName, data: report.data });
}

module.exports = {
	handleFileConnector,
	handleSubjectConnector,
	handleImageConnector,
	handleReportConnector,
	mimeTypeOf,
};
