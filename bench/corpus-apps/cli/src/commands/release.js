import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import prompts from 'prompts';
import { commitsSince, currentBranch, git, isClean } from '../lib/git.js';
import { request, upload } from '../lib/http.js';
import { build } from './build.js';

const BUMPS = ['patch', 'minor', 'major'];

function nextVersion(version, bump) {
  const [major, minor, patch] = version.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

function changelog(commits) {
  return commits.map((commit) => `- ${commit.subject} (${commit.hash.slice(0, 7)})`).join('\n');
}

async function confirmAll(questions, yes) {
  const answers = {};
  for (const question of questions) {
    if (yes) {
      answers[question.name] = question.initial ?? true;
      continue;
    }
    const answer = await prompts(question);
    if (answer[question.name] === undefined) throw new Error('aborted');
    answers[question.name] = answer[question.name];
  }
  return answers;
}

export async function release({ out, token, yes, dry }) {
  if (!isClean()) throw new Error('working tree is not clean');
  if (currentBranch() !== 'main') throw new Error('release from main only');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const lastTag = git('describe', '--tags', '--abbrev=0');
  const commits = commitsSince(lastTag);
  if (commits.length === 0) {
    console.log('nothing to release');
    return;
  }

  const { bump, publish } = await confirmAll(
    [
      { type: 'select', name: 'bump', message: 'Version bump', choices: BUMPS.map((value) => ({ title: value, value })), initial: 0 },
      { type: 'confirm', name: 'publish', message: 'Publish a GitHub release?', initial: true },
    ],
    yes,
  );
  const version = nextVersion(pkg.version, BUMPS[bump] ?? bump);
  if (dry) {
    console.log(`would release ${version}:\n${changelog(commits)}`);
    return;
  }

  writeFileSync('package.json', `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
  await build({ out, dry });
  git('commit', '-am', `release ${version}`);
  git('tag', `v${version}`);
  git('push', '--follow-tags');
  if (!publish) return;

  const [owner, repo] = git('remote', 'get-url', 'origin').replace(/\.git$/, '').split(/[/:]/).slice(-2);
  const created = await request(`/repos/${owner}/${repo}/releases`, {
    token,
    method: 'POST',
    body: { tag_name: `v${version}`, name: version, body: changelog(commits) },
  });

  const assets = ['SHA256SUMS', 'build.json', `${pkg.name}-${version}.tgz`];
  for (const asset of assets) {
    const data = await readFile(path.join(out, asset));
    await upload(created.upload_url, asset, data, token);
  }
  console.log(`released ${version}: ${created.html_url}`);
}
