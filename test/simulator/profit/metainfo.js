'use strict';
/** `/metainfo`, `/metainfo/get/{id}`, `/metainfo/update/{id}` (research §6). */

function listMetainfo(state, app) {
	const describe = (list, ids) =>
		ids
			.map((id) => list.find((c) => c.id === id))
			.filter(Boolean)
			.map((c) => ({ id: c.id, description: c.description }));
	return {
		updateConnectors: describe(state.updateConnectors, app.updateConnectors),
		getConnectors: describe(state.getConnectors, app.getConnectors),
		info: {
			envid: state.envid,
			appName: app.name,
			group: app.group,
			// UNVERIFIED semantics (§3.1): "0" in the vendor example, read as "no expiry".
			tokenExpiry: '0',
		},
	};
}

function getConnectorMetainfo(connector) {
	return {
		name: connector.id,
		description: connector.description,
		fields: connector.fields,
	};
}

function updateConnectorMetainfo(connector) {
	return {
		id: connector.id,
		description: connector.description,
		name: connector.name,
		fields: connector.fields,
		objects: connector.objects,
	};
}

module.exports = {
	listMetainfo,
	getConnectorMetainfo,
	updateConnectorMetainfo,
};
