import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every derived rule has one home in src/shared (docs/ARCHITECTURE.md, "one home per rule"). This test reads the
 * source tree for restatements of those rules outside their home and lists them as file:line, so a copy beside
 * the home cannot come back unnoticed. Tests are not read: their oracles restate rules on purpose.
 */
const root = resolve(import.meta.dirname, '../../..');
const ROOTS = ['src', 'renderer', 'electron', 'items/tools', 'scripts'];
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
/** Migrations are frozen history in SQL: they must keep meaning what they meant when they shipped. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'migrations']);

interface Rule {
  name: string;
  home: string[];
  pattern: RegExp;
  /** Lines that must match, so a pattern cannot silently stop matching anything. */
  catches: string[];
  /** Lines near the rule that must not match. */
  ignores: string[];
}

const SCORING_RULES = 'src/shared/scoring/rules.ts';

const RULES: Rule[] = [
  {
    name: 'pass rule (raw against cesuur): use isHaalbaar / outcomeOf / isConform',
    home: [SCORING_RULES],
    // raw or score compared with a cesuur; `cesuur + 2` and the like are band edges, not the pass rule.
    pattern:
      /\b(?:[\w.]*\.)?(?:raw|score)\s*(?:>=|<=|<|>)\s*(?:[\w.]*\.)?cesuur\b(?!\s*[-+])|\b(?:[\w.]*\.)?cesuur\s*(?:>=|<=|<|>)\s*(?:[\w.]*\.)?(?:raw|score)\b/,
    catches: [
      'const after = g.raw >= cesuur;',
      'fill={bin.raw >= cesuur ? a : b}',
      'return row.raw < row.cesuur;',
      'if (cesuur <= raw) {}',
    ],
    ignores: ['if (raw <= cesuur + 2) return x;', 'if (event.cesuur > context.ordered.length) {}'],
  },
  {
    name: 'outcome literal: use Outcome / OutcomeKey / OUTCOME_BY_KEY / outcomeOf / keyOfOutcome',
    home: [SCORING_RULES],
    // Quoted as a value (not inside a sentence), and the stored key used other than as an object key.
    pattern: /['`]B1-route (?:niet )?haalbaar['`]|['"`]niet-haalbaar['"`](?!\s*:)|\[\s*'haalbaar'/,
    catches: [
      "outcome: raw >= c ? 'B1-route haalbaar' : 'B1-route niet haalbaar',",
      "outcome: z.enum(['haalbaar', 'niet-haalbaar']).nullable(),",
      "r.outcome as 'haalbaar' | 'niet-haalbaar' | null",
    ],
    ignores: [
      "const OUTCOME_SHORT = { haalbaar: 'haalbaar', 'niet-haalbaar': 'niet haalbaar' } as const;",
      `'"B1-route niet haalbaar" is niet hetzelfde als de Z-route'`,
    ],
  },
  {
    name: 'twijfelzone: use twijfelzoneAround / inTwijfelzone / ScoredTwijfelzone',
    home: [SCORING_RULES],
    pattern:
      />=\s*[\w.]*\bfrom\s*&&\s*[\w.]+\s*<=\s*[\w.]*\bto\b|[-+]\s*[\w.]*twijfelzone\.(?:below|above)|inZone:\s*z\./,
    catches: [
      'inZone: raw >= from && raw <= to',
      'const from = cesuur - definition.twijfelzone.below;',
      'z.object({ from: z.number().int(), to: z.number().int(), inZone: z.boolean() })',
    ],
    ignores: ['| twijfelzone | ${def.twijfelzone.below} below to ${def.twijfelzone.above} above |'],
  },
  {
    name: 'complete answer: use isComplete (src/shared/session/response-fit.ts)',
    home: ['src/shared/session/response-fit.ts'],
    pattern: /sequence\.every\(\s*\(?(\w+)\)?\s*=>\s*\1\s*!==\s*null\s*\)/,
    catches: ["response.kind === 'order' ? response.sequence.every((id) => id !== null) : true"],
    ignores: ['response.sequence.every((id, i) => id !== null && id === key.sequence[i])'],
  },
  {
    name: 'validity flags: use validityOf / isFastAnswer (src/shared/result/validity.ts)',
    home: ['src/shared/result/validity.ts'],
    pattern: /responseMs\s*<\s*[\w.]*fastAnswerMs|inputTypes\.includes\(\s*'mouse'\s*\)/,
    catches: [
      'fast: record.responseMs !== null && record.responseMs < fastAnswerMs,',
      "state.practice.some((r) => r.inputTypes.includes('mouse'))",
    ],
    ignores: ['fastAnswerMs: context.definition.timePolicy.fastAnswerMs,'],
  },
];

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return EXTENSIONS.test(entry.name) ? [path] : [];
  });
}

/** Comment lines say why, and may name the rule in words; only code is checked. */
function isComment(line: string): boolean {
  const t = line.trim();
  return t.startsWith('//') || t.startsWith('*') || t.startsWith('/*');
}

const files = ROOTS.flatMap((r) => sourceFiles(resolve(root, r))).map((path) => ({
  path: relative(root, path).split('\\').join('/'),
  lines: readFileSync(path, 'utf8').split('\n'),
}));

describe('one home per derived rule', () => {
  it('reads the source tree', () => {
    expect(files.some((f) => f.path === SCORING_RULES)).toBe(true);
    expect(files.length).toBeGreaterThan(100);
  });

  for (const rule of RULES) {
    describe(rule.name, () => {
      it('the pattern catches a copy and leaves nearby code alone', () => {
        for (const line of rule.catches) expect(line, line).toMatch(rule.pattern);
        for (const line of rule.ignores) expect(line, line).not.toMatch(rule.pattern);
      });

      it('has no copy outside its home', () => {
        const copies = files
          .filter((f) => !rule.home.includes(f.path))
          .flatMap((f) =>
            f.lines.flatMap((line, i) =>
              !isComment(line) && rule.pattern.test(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [],
            ),
          );
        expect(copies, `restated outside ${rule.home.join(', ')}:\n${copies.join('\n')}`).toEqual([]);
      });

      it('its home still holds it', () => {
        const home = files.filter((f) => rule.home.includes(f.path));
        expect(home.map((f) => f.path)).toEqual(rule.home);
      });
    });
  }
});
