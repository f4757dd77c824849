import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { assessPlan, defaultSettings } from '@pm/core';
import { builtinChanges, builtins } from './builtins';
import { makeDistrict, period, prng, SPECS, type District } from './synthetic';

const DISTRICTS = 3000;
const WARMUP = 5;
const RUNS = 15;
const plan = { ...period, settings: defaultSettings };

function assessAll(districts: readonly District[]): number {
  let warnings = 0;
  for (const d of districts) {
    warnings += assessPlan({ plan, indicators: d.indicators, values: d.values, year: d.year })
      .summary.bindingWarnings.length;
  }
  return warnings;
}

/**
 * Modules loaded first (`--load @pm/api`, repeatable) to see what they do to the engine: each
 * one's changes to the built-ins are listed, and the figures are not written to results/.
 */
async function load(modules: readonly string[]): Promise<void> {
  for (const specifier of modules) {
    const before = builtins();
    await import(specifier);
    const changes = builtinChanges(before);
    console.log(`${specifier} changed ${changes.length} built-ins: ${changes.join(' ') || '—'}`);
  }
}

export async function runEngine(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { load: { type: 'string', multiple: true, default: [] } },
  });
  await load(values.load);
  const rnd = prng(20250101);
  const districts = Array.from({ length: DISTRICTS }, (_, d) => makeDistrict(d, rnd));
  const indicators = DISTRICTS * SPECS.length;
  let checksum = 0;
  for (let i = 0; i < WARMUP; i++) checksum += assessAll(districts);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    checksum += assessAll(districts);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  const medianMs = round(times[Math.floor(RUNS / 2)] ?? NaN, 2);
  const minMs = round(times[0] ?? NaN, 2);
  const perIndicatorUs = round((medianMs * 1000) / indicators, 3);
  const result = {
    name: 'engine',
    date: new Date().toISOString(),
    node: process.version,
    districts: DISTRICTS,
    indicators,
    runs: RUNS,
    medianMs,
    minMs,
    perIndicatorUs,
  };
  console.log(
    `engine: assessPlan over ${DISTRICTS} districts × ${SPECS.length} indicators = ${indicators}: ` +
      `median ${medianMs} ms, min ${minMs} ms (${round(perIndicatorUs * 1000, 0)} ns per indicator; ${RUNS} runs, checksum ${checksum})`,
  );
  if (values.load.length > 0) return;
  const dir = new URL('../results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('engine.json', dir), `${JSON.stringify(result, null, 2)}\n`);
}
