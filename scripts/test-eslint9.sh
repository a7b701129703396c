#!/usr/bin/env bash
# Runs the whole test suite again against each ESLint 9 version in package.json's config.eslint9
# (the lowest supported, 9.34.0: the first with `--concurrency` and a parser that reads
# `await using`, which the suite uses; and 9.latest), in a temporary
# copy of the working tree, so the main checkout keeps ESLint 10.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
versions="$(node -p "[].concat(require('$root/package.json').config?.eslint9 ?? '9').join(' ')")"
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./bench/corpus -cf - . | tar -C "$copy" -xf -
cd "$copy"
npm ci --no-audit --no-fund --prefer-offline >/dev/null
for version in $versions; do
  npm install --no-save --no-audit --no-fund --prefer-offline "eslint@$version" >/dev/null
  echo "Running the test suite with ESLint $(node -p "require('eslint/package.json').version")"
  npm test
done
