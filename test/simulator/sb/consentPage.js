'use strict';
// The simulated SB login + consent screen. Real SB asks the user to log in and approve the app; here a fixed
// demo user is "logged in" and the page only asks for consent (Allow / Deny).

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function page(title, inner) {
	return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f3f5f9;margin:0}main{max-width:420px;margin:10vh auto;background:#fff;padding:2em;border-radius:8px;box-shadow:0 2px 8px #0002}
button{font-size:1em;padding:.6em 1.4em;margin-right:.6em;border-radius:4px;border:1px solid #0b62a4;cursor:pointer}#allow{background:#0b62a4;color:#fff}#deny{background:#fff;color:#0b62a4}
small{color:#667}</style></head><body><main>${inner}</main></body></html>`;
}

function renderConsent({ env, clientId, redirectUri, requestId }) {
	return page('AFAS SB - Toestemming', `
<h1>AFAS SB (simulator)</h1>
<p>Ingelogd als <strong>Demo Gebruiker</strong> in klantomgeving <strong>${esc(env)}</strong>.</p>
<p>De applicatie <strong>${esc(clientId)}</strong> vraagt toegang tot uw administratie.</p>
<form method="post" action="/${encodeURIComponent(env)}/app/auth">
<input type="hidden" name="request" value="${esc(requestId)}">
<button id="allow" type="submit" name="decision" value="allow">Allow</button>
<button id="deny" type="submit" name="decision" value="deny">Deny</button>
</form>
<p><small>Na toestemming gaat u terug naar ${esc(redirectUri)}</small></p>`);
}

function renderError(message) {
	return page('AFAS SB - Fout', `<h1>AFAS SB (simulator)</h1><p role="alert">${esc(message)}</p>`);
}

module.exports = { renderConsent, renderError };
