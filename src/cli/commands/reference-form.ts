import { parseArgs } from 'node:util';
import { describeForm, ReferenceForm } from '../../shared/afnemer/reference-form';
import { formatIssues } from '../../shared/json';
import { referenceFormAt, setReferenceForm } from '../../server/admin/reference-forms';
import { CLI_ACTOR } from '../../server/audit/append';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const SET_USAGE =
  'lbt gemeente reference-form set --gemeente G --mask MASK [--mask MASK …] [--check geen|elfproef|luhn] --example REF [--data DIR]';
const SHOW_USAGE = 'lbt gemeente reference-form show --gemeente G [--data DIR]';
const CLEAR_USAGE = 'lbt gemeente reference-form clear --gemeente G [--data DIR]';

/**
 * `lbt gemeente reference-form set`: the form of a gemeente's candidate references (masks of 9 = digit,
 * A = letter, X = either, and - . / as themselves; src/shared/afnemer/reference-form.ts). Kiosks learn it with
 * their next roster; a bad form is refused with every problem, and nothing changes.
 */
export const referenceFormSet: CliCommand = {
  summary: "set the form of a gemeente's candidate references (kiosks get it with the signed roster)",
  run(args, env) {
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: {
            ...DATA_OPTION,
            gemeente: { type: 'string' },
            mask: { type: 'string', multiple: true },
            check: { type: 'string', default: 'geen' },
            example: { type: 'string' },
          },
        }),
      SET_USAGE,
    );
    if (!parsed) return 2;
    const { gemeente, mask, check, example } = parsed.values;
    if (!gemeente || !mask || !example) {
      console.error(`usage: ${SET_USAGE}`);
      return 2;
    }
    const form = ReferenceForm.safeParse({ masks: mask, checkDigit: check, example });
    if (!form.success) {
      console.error(`Not a usable reference form:\n${formatIssues(form.error)}`);
      return 1;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      await setReferenceForm(deps.db, deps.dialect, deps.now(), gemeente, form.data, CLI_ACTOR);
      console.log(`${gemeente}: ${describeForm(form.data)}`);
      return 0;
    });
  },
};

export const referenceFormShow: CliCommand = {
  summary: "show the form of a gemeente's candidate references",
  run(args, env) {
    const parsed = parseCliArgs(
      () => parseArgs({ args, options: { ...DATA_OPTION, gemeente: { type: 'string' } } }),
      SHOW_USAGE,
    );
    if (!parsed) return 2;
    const { gemeente } = parsed.values;
    if (!gemeente) {
      console.error(`usage: ${SHOW_USAGE}`);
      return 2;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const form = await referenceFormAt(deps.db, gemeente);
      console.log(
        form
          ? `${gemeente}: ${describeForm(form)}\n${JSON.stringify(form)}`
          : `${gemeente}: no form set; kiosks use their own pattern and refuse names`,
      );
      return 0;
    });
  },
};

export const referenceFormClear: CliCommand = {
  summary: "remove a gemeente's reference form (kiosks fall back to their own pattern)",
  run(args, env) {
    const parsed = parseCliArgs(
      () => parseArgs({ args, options: { ...DATA_OPTION, gemeente: { type: 'string' } } }),
      CLEAR_USAGE,
    );
    if (!parsed) return 2;
    const { gemeente } = parsed.values;
    if (!gemeente) {
      console.error(`usage: ${CLEAR_USAGE}`);
      return 2;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      await setReferenceForm(deps.db, deps.dialect, deps.now(), gemeente, null, CLI_ACTOR);
      console.log(`${gemeente}: reference form cleared`);
      return 0;
    });
  },
};
