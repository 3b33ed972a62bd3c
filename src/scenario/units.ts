// Schema building blocks shared by every part of a scenario: durations with units, quantities,
// and the one distribution notation (a plain value means a constant).

import * as z from './zod.js';
import type { Distribution } from '../engine/distributions.js';

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600, d: 86400 };
const DURATION_PATTERN = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(ms|s|min|m|h|d)\s*$/;

/** Seconds in a duration written as a number of seconds or a string such as `250ms`, `90s`, `15m`, `24h`, `2d`. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  return match ? Number(match[1]) * DURATION_UNITS[match[2]] : undefined;
}

const DURATION_HINT = 'a duration: seconds as a number, or a string such as 250ms, 90s, 15m, 24h, 2d';

const DURATION = z
  .union([
    z.number(),
    z.string().regex(DURATION_PATTERN, { error: `expected ${DURATION_HINT}` }),
  ], { error: `expected ${DURATION_HINT}` })
  .transform((v, ctx) => {
    const seconds = typeof v === 'number' ? v : (parseDuration(v) as number);
    if (!(seconds >= 0) || !Number.isFinite(seconds)) {
      ctx.issues.push({ code: 'custom', input: v, message: `expected a non-negative finite duration, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return seconds;
  })
  .meta({ description: DURATION_HINT });

/**
 * A non-negative duration in seconds (number, or string with a unit). One schema serves every key (zod
 * schemas are immutable): building schemas is most of what `dv2g validate` spends beyond Node's start.
 */
export function duration() {
  return DURATION;
}

/** A strictly positive duration in seconds. */
export function positiveDuration() {
  return duration().refine((s) => s > 0, { error: 'expected a duration greater than zero' });
}

type Quantity = ReturnType<typeof duration> | z.ZodNumber;

/** Number quantities that many keys share, so that each one's distribution schema is built once. */
export const positiveNumber = z.number().positive();
export const nonNegativeNumber = z.number().nonnegative();
export const fraction = z.number().min(0).max(1);

/** The distribution schema of each quantity schema built so far, shared by the keys of that quantity. */
const distributions = new WeakMap<Quantity, unknown>();

/**
 * A random quantity in the distribution notation, e.g. `{dist: exponential, mean: 30m}`;
 * a plain value stands for `{dist: constant, value: ...}`. `value` parses one quantity (a number or a duration).
 */
export function distribution<Q extends Quantity>(value: Q): ReturnType<typeof buildDistribution<Q>> {
  let schema = distributions.get(value) as ReturnType<typeof buildDistribution<Q>> | undefined;
  if (!schema) distributions.set(value, (schema = buildDistribution(value)));
  return schema;
}

function buildDistribution<Q extends Quantity>(value: Q) {
  const v = () => value;
  const spread = value;
  const objects = z.discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('constant'), value: v() }),
    z.strictObject({ dist: z.literal('uniform'), min: v(), max: v() }),
    z.strictObject({ dist: z.literal('exponential'), mean: v() }),
    z.strictObject({ dist: z.literal('normal'), mean: v(), sd: spread, min: v().optional(), max: v().optional() }),
    z.strictObject({
      dist: z.literal('lognormal'),
      mean: v().optional().meta({ description: 'mean of the variable (give mean and sd, or mu and sigma)' }),
      sd: spread.optional().meta({ description: 'standard deviation of the variable' }),
      mu: z.number().optional().meta({ description: 'mean of its logarithm' }),
      sigma: z.number().nonnegative().optional().meta({ description: 'standard deviation of its logarithm' }),
      min: v().optional(),
      max: v().optional(),
    }),
    z.strictObject({
      dist: z.literal('empirical'),
      values: z.array(v()).min(1),
      weights: z.array(z.number().nonnegative()).optional(),
    }),
  ], { error: 'expected dist to be one of: constant, uniform, exponential, normal, lognormal, empirical' });

  return z
    .union([value, objects])
    .transform((input, ctx): Distribution => {
      if (typeof input === 'number') return { dist: 'constant', value: input };
      const d = input as Record<string, unknown> & { dist: string };
      const problem = distributionProblem(d);
      if (problem) {
        ctx.issues.push({ code: 'custom', input, message: problem });
        return z.NEVER;
      }
      if (d.dist === 'lognormal') return lognormal(d as LognormalInput);
      return d as unknown as Distribution;
    })
    .meta({ description: 'a random quantity: a plain value (constant) or {dist: constant|uniform|exponential|normal|lognormal|empirical, ...}' });
}

interface LognormalInput { mean?: number; sd?: number; mu?: number; sigma?: number; min?: number; max?: number }

function distributionProblem(d: Record<string, unknown>): string | undefined {
  const num = (k: string) => d[k] as number | undefined;
  switch (d.dist) {
    case 'uniform':
      return num('min')! <= num('max')! ? undefined : 'expected min <= max';
    case 'normal':
      return (num('sd') ?? 0) >= 0 ? undefined : 'expected sd >= 0';
    case 'lognormal': {
      const byMoments = d.mean !== undefined && d.sd !== undefined;
      const byLog = d.mu !== undefined && d.sigma !== undefined;
      if (byMoments === byLog) return 'expected either mean and sd, or mu and sigma';
      if (byMoments && !(num('mean')! > 0)) return 'expected mean > 0';
      return undefined;
    }
    case 'empirical': {
      const weights = d.weights as number[] | undefined;
      if (weights && weights.length !== (d.values as number[]).length) return 'expected as many weights as values';
      if (weights && !weights.some((w) => w > 0)) return 'expected at least one positive weight';
      return undefined;
    }
    default:
      return undefined;
  }
}

function lognormal(d: LognormalInput): Distribution {
  let mu = d.mu, sigma = d.sigma;
  if (mu === undefined || sigma === undefined) {
    const mean = d.mean!, sd = d.sd!;
    sigma = Math.sqrt(Math.log(1 + (sd * sd) / (mean * mean)));
    mu = Math.log(mean) - (sigma * sigma) / 2;
  }
  return { dist: 'lognormal', mu, sigma, min: d.min, max: d.max };
}
