import type { Command } from 'commander';
import {
  carryOverWords,
  periodLabel,
  signedPct,
  type CarryOverRow,
  type ManualMatch,
} from '@pm/core';
import { toDomainError } from '@pm/api';
import { applyCarryOver, loadCarryOver, type CarryOverState } from '@pm/db';
import { CliError, formatTable, withDatabase } from './context';
import { choosePlanFor, readPeriodOption } from './period';

/** Who the figures a command carries over are recorded as written by. */
const CLI_USER = 'cli';

interface CarryOverOptions {
  period: string;
  match: string[];
  apply?: boolean;
  overwrite?: boolean;
}

/** `--match 3=5` (new indicator 3 is the previous plan's 5) or `--match 3=none`. */
function readMatch(text: string): ManualMatch {
  const m = /^\s*(\d+)\s*=\s*(\d+|none|-)\s*$/i.exec(text);
  if (!m)
    throw new CliError(
      `--match: “${text}” is not a match; write <new seq>=<previous seq>, e.g. 3=5, or 3=none`,
    );
  const previous = m[2]!.toLowerCase();
  return {
    seq: Number(m[1]),
    previousSeq: previous === 'none' || previous === '-' ? null : Number(previous),
  };
}

const collect = (value: string, list: string[]) => [...list, value];
const figure = (x: number | null) => (x === null ? '' : String(x));

function table(state: CarryOverState): string {
  const { year, rows } = state.proposals;
  const matched = (r: CarryOverRow) =>
    r.match ? `${r.match.seq} ${r.match.name}${r.how === 'manual' ? '（手动）' : ''}` : '';
  return formatTable(
    ['序号', '指标', '单位', '上期指标', '规划基数', `上期 ${year} 年审定值`, '差异', '处理'],
    rows.map((r) => [
      r.seq,
      r.name,
      r.unit,
      matched(r),
      figure(r.printedBaseline),
      figure(r.previousFigure),
      r.difference === null ? '' : signedPct(r.difference),
      `${r.action === 'disagree' ? '⚠ ' : ''}${carryOverWords(r, year).zh}`,
    ]),
  );
}

const fail = (error: unknown): never => {
  const domain = toDomainError(error);
  if (domain) throw new CliError(`${domain.message}; nothing was changed`);
  throw error;
};

/** `plan carry-over`: the proposals of 承接上期基数, and with --apply, applying them. */
export function registerCarryOver(plan: Command) {
  plan
    .command('carry-over')
    .description(
      "Propose the previous plan's approved baseline-year figures as the baselines of a new plan (matched by name and unit, or --match); --apply stores them",
    )
    .argument('<code>', 'the district division code, e.g. 130108')
    .requiredOption('--period <period>', 'the new plan’s period, e.g. 2026-2030, 15 or 十五五')
    .option(
      '--match <new=previous>',
      'match a new indicator with a previous one by hand (3=5), or with none (3=none); repeatable',
      collect,
      [],
    )
    .option('--apply', 'store every proposal marked to carry over (承接)')
    .option('--overwrite', 'with --apply: replace baseline-year figures the new plan already has')
    .action(async (code: string, opts: CarryOverOptions) => {
      if (!/^\d{6}$/.test(code))
        throw new CliError(`district code must be 6 digits, got "${code}"`);
      const period = readPeriodOption(opts.period);
      const manual = opts.match.map(readMatch);
      await withDatabase(async (h) => {
        const next = await choosePlanFor(h.db, code, period, undefined);
        const ref = { code, planId: next.id };
        const state = await loadCarryOver(h.db, ref, manual).catch(fail);
        if (!state) throw new CliError(`no plan ${periodLabel(next)} for district ${code}`);
        if (!state.previous)
          throw new CliError(
            `${code} has no plan before ${periodLabel(next)} to carry figures over from`,
          );
        console.log(
          `承接上期基数 ${code}: ${periodLabel(state.previous)} → ${periodLabel(next)}, ${state.proposals.year} 年`,
        );
        console.log(table(state));
        const chosen = state.proposals.rows.filter((r) => r.action === 'apply');
        const disagreements = state.proposals.rows.filter((r) => r.action === 'disagree').length;
        if (disagreements > 0)
          console.log(
            `${disagreements} printed baseline(s) differ from the previous plan's figure (⚠); they are kept.`,
          );
        if (!opts.apply) {
          console.log(
            chosen.length > 0
              ? `${chosen.length} figure(s) to carry over; run again with --apply to store them.`
              : 'Nothing to carry over.',
          );
          return;
        }
        if (chosen.length === 0) {
          console.log('Nothing to carry over.');
          return;
        }
        const items = chosen.map((r) => ({ seq: r.seq, previousSeq: r.match!.seq }));
        const result = await applyCarryOver(h.db, ref, items, CLI_USER, {
          overwrite: opts.overwrite,
        }).catch(fail);
        if (!result) throw new CliError(`no plan ${periodLabel(next)} for district ${code}`);
        console.log(
          `Carried over ${result.applied.length} figure(s) of ${result.year} into ${periodLabel(next)}: ` +
            result.applied.map((r) => `${r.seq} ${r.name} ${figure(r.previousFigure)}`).join(', '),
        );
      });
    });
}
