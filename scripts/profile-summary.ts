/**
 * Sums a CPU profile of the command by source module: each sample goes to the innermost frame
 * in our own code (esbuild keeps `// src/...` comments in the bundle, so bundle lines map back to
 * source files), tagged with the dependency it was in when the time was spent inside one.
 *
 *   node --cpu-prof --cpu-prof-dir=.bench/prof dist/cli.js check LOG --format ndjson --as-of ... > /dev/null
 *   npx tsx scripts/profile-summary.ts .bench/prof/CPU.*.cpuprofile [dist/cli.js] [--top 30]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
const positional = args.filter((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1));
const [profileFile, bundleFile = 'dist/cli.js'] = positional;
if (!profileFile) {
  console.error('usage: tsx scripts/profile-summary.ts PROFILE.cpuprofile [BUNDLE.js] [--top N]');
  process.exit(2);
}

const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as Profile;
const bundleName = bundleFile.split('/').pop() as string;
const marks: [number, string][] = [];
readFileSync(bundleFile, 'utf8')
  .split('\n')
  .forEach((line, i) => {
    const m = /^\/\/ (?:\.\.\/)*(src\/\S+)$/.exec(line);
    if (m) marks.push([i, m[1] as string]);
  });
const moduleAt = (line: number) => {
  let found = '(bundle)';
  for (const [at, name] of marks) {
    if (at > line) break;
    found = name;
  }
  return found;
};
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dependency = (url: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];

const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
const byModule = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const t = profile.timeDeltas[i] ?? 0;
  let dep: string | undefined;
  let nodeInternal: string | undefined;
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const { url, lineNumber, functionName } = (nodes.get(cur) as ProfileNode).callFrame;
    if (url.endsWith(bundleName)) {
      const key = `${moduleAt(lineNumber)}${dep ? ` [${dep}]` : ''}`;
      byModule.set(key, (byModule.get(key) ?? 0) + t);
      return;
    }
    dep ??= dependency(url);
    if (!url && cur === id) nodeInternal = `(${functionName})`;
    else if (url && !dependency(url)) nodeInternal ??= `node ${url.split('/').slice(-2).join('/')}`;
  }
  const key = dep ? `dependency ${dep}` : (nodeInternal ?? '(other)');
  byModule.set(key, (byModule.get(key) ?? 0) + t);
});

console.log(`total ${(total / 1000).toFixed(0)} ms of samples`);
for (const [name, t] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(
    `${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`,
  );
}
