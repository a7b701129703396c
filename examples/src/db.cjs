// A stand-in for a database client.
'use strict';

const users = new Map();

async function findUserByEmail(email) {
  return users.get(email) ?? null;
}

module.exports = { findUserByEmail };
