/**
 * Row 9 of issue 8, in the page: how long until Kehu's validator for the customer schema is ready,
 * and how fast it checks seeded customers, against bare ajv compiling and running the same schema.
 * `bench/core-rows.mjs` opens `validator.html` and calls `window.kehuBench`.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Plugin } from 'ajv';
import { defineEntity, type JsonSchema } from '@kehu/core';
// Internals on purpose: bare ajv gets Kehu's system fields and formats, so both check the same rules.
import { validationSchemaOf } from '../packages/core/src/entity/define-entity.js';
import { kehuFormats } from '../packages/core/src/validation/formats.js';
import type { PrecompiledValidators } from '../packages/core/src/validation/precompiled.js';
import { seed } from './dataset.js';
import { time } from './measure.js';

type Check = (record: unknown) => boolean;
// `auto` is what an integrator gets: interpreted for the first records, compiled after (no CSP here).
type Mode = 'auto' | 'compiled' | 'interpreted' | 'precompiled';

let schema: JsonSchema | undefined;
let records: Record<string, unknown>[] = [];
let precompiled: PrecompiledValidators | undefined;

/** Bare ajv as an integrator would set it up for this schema: all errors, its formats, Kehu's names. */
function bareAjv(): Ajv2020 {
  // The shipped schemas declare JSON Schema 2020-12.
  // addUsedSchema: false lets every trial compile the schema again under its `$id`.
  const ajv = new Ajv2020({ allErrors: true, strict: false, addUsedSchema: false });
  (addFormats as Plugin<unknown>)(ajv);
  for (const [name, validate] of Object.entries(kehuFormats)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}
let ajv: Ajv2020 | undefined;

/** Kehu's check: `defineEntity` (schema checks, field model, validator) then `validate`. */
function kehu(mode: Mode): Check {
  // A copy per call: validators are prepared once per schema object, and each trial must prepare anew.
  const copy = structuredClone(schema!);
  const entity =
    mode === 'precompiled'
      ? defineEntity(copy, 'bench', { precompiled })
      : defineEntity(copy, 'bench', mode === 'auto' ? {} : { validation: mode });
  return (record) => entity.validate(record).length === 0;
}

function bare(): Check {
  const validate = ajv!.compile(validationSchemaOf(structuredClone(schema!)));
  return (record) => validate(record);
}

const checkOf = (side: 'kehu' | 'ajv', mode: Mode): Check => (side === 'kehu' ? kehu(mode) : bare());

const bench = {
  /** The customer schema, `count` seeded customers, the precompiled validators (not a measure). */
  async prepare(count: number) {
    schema = (await (await fetch('/schemas/customer.schema.json')).json()) as JsonSchema;
    records = seed(count).customers.slice(0, count);
    ({ validators: precompiled } = (await import('/examples/demo/shipped-validators.js' as string)) as {
      validators: PrecompiledValidators;
    });
    ajv = bareAjv();
    // Both sides' ajv instances and code are warm before the first timed trial.
    for (const side of ['kehu', 'ajv'] as const) checkOf(side, 'compiled')(records[0]);
    return records.length;
  },

  /** Milliseconds from the schema to the first answer, for one side (and Kehu's mode). */
  ready(side: 'kehu' | 'ajv', mode: Mode = 'auto') {
    let valid = false;
    const ms = performanceTime(() => {
      valid = checkOf(side, mode)(records[0]);
    });
    return { ms, valid };
  },

  /** Milliseconds to check every seeded customer once, with a validator prepared beforehand. */
  async throughput(side: 'kehu' | 'ajv', mode: Mode = 'auto') {
    const check = checkOf(side, mode);
    let valid = 0;
    const ms = await time(() => {
      for (const record of records) if (check(record)) valid++;
    });
    return { ms, valid };
  },
};

/** Synchronous timing: `ready` must not include a microtask turn. */
function performanceTime(task: () => void): number {
  const start = performance.now();
  task();
  return performance.now() - start;
}

Object.assign(window, { kehuBench: bench });
