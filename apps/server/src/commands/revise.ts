import type { Command } from 'commander';
import { periodLabel, planTarget, readRevisedTarget, revisionWords } from '@pm/core';
import { toDomainError } from '@pm/api';
import { loadPlanById, reviseTarget } from '@pm/db';
import { CliError, withDatabase } from './context';
import { choosePlanFor, PERIOD_HELP, readPeriodOption } from './period';

interface ReviseOptions {
  period?: string;
  seq: string;
  from: string;
  target: string;
  document: string;
  reason: string;
  by: string;
}

function whole(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new CliError(`${option} must be a whole number, got "${text}"`);
  return Number(text);
}

function filled(option: string, text: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new CliError(`${option} is empty: ${what}`);
  return trimmed;
}

/** `plan revise`: 动态调整 (spec §6), as an administrator does it on the indicator page. */
export function registerRevise(plan: Command) {
  plan
    .command('revise')
    .description(
      "Revise an indicator's target from a year (动态调整), citing the document and the reason; the original target is kept",
    )
    .argument('<code>', 'the district division code, e.g. 130108')
    .option('--period <period>', PERIOD_HELP.replace('--year', '--from'))
    .requiredOption('--seq <n>', "the indicator's number (序号) in the plan")
    .requiredOption('--from <year>', 'the first year the revised target is in force, e.g. 2024')
    .requiredOption(
      '--target <text>',
      'the revised target as the document prints it: "65", "85 以上", "[3.2]", "年均增长 5% 左右", "65；年均增长 5%"',
    )
    .requiredOption('--document <text>', 'the decision or document that revised it')
    .requiredOption('--reason <text>', 'why it was revised')
    .option('--by <name>', 'who revised it, for the record', 'cli')
    .action(async (code: string, opts: ReviseOptions) => {
      if (!/^\d{6}$/.test(code))
        throw new CliError(`district code must be 6 digits, got "${code}"`);
      const seq = whole('--seq', opts.seq);
      const fromYear = whole('--from', opts.from);
      const document = filled('--document', opts.document, 'name the decision or document');
      const reason = filled('--reason', opts.reason, 'say why the target was revised');
      const by = filled('--by', opts.by, 'say who revised it');
      const period = readPeriodOption(opts.period);
      const text = opts.target.trim();
      const done = await withDatabase(async ({ db }) => {
        const chosen = await choosePlanFor(db, code, period, fromYear);
        const label = periodLabel(chosen);
        const indicators = (await loadPlanById(db, chosen.id))?.file.indicators ?? [];
        const indicator = indicators.find((i) => i.seq === seq);
        if (!indicator)
          throw new CliError(
            `--seq: ${code} ${label} has no indicator ${seq} (it has ${indicators.map((i) => i.seq).join(', ') || 'none'})`,
          );
        const read = readRevisedTarget(indicator, text, fromYear, indicators);
        if (!read.ok) throw new CliError(`--target: ${read.problem.message}`);
        const revision = { fromYear, target: read.target, text, document, reason };
        await reviseTarget(db, chosen.id, seq, revision, by).catch((error: unknown) => {
          const domain = toDomainError(error);
          throw domain ? new CliError(`${domain.message}; nothing was changed`) : error;
        });
        return { label, indicator };
      });
      const words = revisionWords(fromYear, planTarget(done.indicator.raw), text);
      console.log(
        `Revised indicator ${seq} ${done.indicator.name} of ${code} ${done.label}: ${words.zh}（${document}）`,
      );
      console.log(`${words.en}. Reason: ${reason}`);
    });
}
