'use strict';
async function handleUpdate(ctx) { ctx.send(501); }
async function handleDelete(ctx) { ctx.send(501); }
module.exports = { handleUpdate, handleDelete };
