#!/usr/bin/env bash
# Runs the whole test suite again against ESLint 9 (the lowest supported major), in a temporary
# copy of the working tree, so the main checkout keeps ESLint 10.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
eslint9="$(node -p "require('$root/package.json').config?.eslint9 ?? '9'")"
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./bench/corpus -cf - . | tar -C "$copy" -xf -
cd "$copy"
npm ci --no-audit --no-fund --prefer-offline >/dev/null
npm install --no-save --no-audit --no-fund --prefer-offline "eslint@$eslint9" >/dev/null
echo "Running the test suite with ESLint $(node -p "require('eslint/package.json').version")"
npm test
