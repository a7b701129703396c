// Password checks for the login endpoint (CommonJS module).
'use strict';
const crypto = require('node:crypto');
const { findUserByEmail } = require('./db.cjs');

async function login(email, password) {
  const user = await findUserByEmail(email);
  if (!user) return null;
  const hash = crypto.pbkdf2Sync(password, user.salt, 310000, 32, 'sha256'); // expect: event-loop/prefer-worker-for-cpu
  return crypto.timingSafeEqual(hash, user.hash) ? user : null;
}

module.exports = { login };
