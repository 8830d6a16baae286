/**
 * `phiGuard.exclude`: globs matched with minimatch (the library ESLint uses for its own
 * patterns), relative to the workspace folder. A workspace can set this, also in VS Code's
 * Restricted Mode, so a pattern is data from an untrusted source: glob libraries compile to
 * backtracking regular expressions, and a pattern such as `**?**?**?**?**!` takes seconds per
 * path in minimatch and picomatch alike. So each pattern is checked before use: runs of `*` and
 * `?` inside a segment are collapsed into their equivalent (`*?*?` is `??*`), and a pattern whose
 * shape still allows polynomial backtracking (many stars in one segment, many `**` segments,
 * many brace groups) or that is very long is not used, and the caller is told why. Dropping an
 * exclude pattern only makes PHI Guard analyze more files, so this fails closed.
 */
import { Minimatch } from 'minimatch';

const MAX_PATTERN_LENGTH = 512;
/** Stars left in one path segment after collapsing runs: `*.test.*` has 2. Backtracking is O(n^stars). */
const MAX_STARS_PER_SEGMENT = 3;
const MAX_GLOBSTAR_SEGMENTS = 4;
const MAX_BRACE_GROUPS = 4;

export interface RejectedPattern {
  pattern: string;
  why: string;
}

export class ExcludeMatcher {
  private readonly matchers: Minimatch[] = [];
  readonly rejected: RejectedPattern[] = [];

  constructor(globs: readonly string[]) {
    for (const glob of globs) {
      const why = unsafeBecause(glob);
      if (why) {
        this.rejected.push({ pattern: glob, why });
        continue;
      }
      try {
        // noext: no extglobs (`+(a|aa)` nests quantifiers); VS Code's own globs have none either.
        this.matchers.push(new Minimatch(collapseWildcardRuns(glob), { dot: true, noext: true, nocomment: true, optimizationLevel: 2 }));
      } catch (error) {
        // Not thrown on: a pattern minimatch cannot compile excludes nothing (fails closed), and is reported.
        this.rejected.push({ pattern: glob, why: `minimatch could not compile it (${(error as Error)?.message ?? error})` });
      }
    }
  }

  /** `relative`: a path relative to the workspace folder, with forward slashes. */
  matches(relative: string): boolean {
    return this.matchers.some((m) => m.match(relative) || m.match(`${relative}/`));
  }
}

/** Within a segment, a run of `*` and `?` with at least one `*` means "at least k characters". */
export function collapseWildcardRuns(glob: string): string {
  return glob
    .split('/')
    .map((segment) =>
      segment === '**'
        ? segment
        : segment.replace(/(?<!\\)[*?]{2,}/g, (run) => (run.includes('*') ? `${'?'.repeat(run.replace(/\*/g, '').length)}*` : run)),
    )
    .join('/');
}

function unsafeBecause(glob: string): string | undefined {
  if (glob.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  const segments = collapseWildcardRuns(glob).split('/');
  if (segments.filter((s) => s === '**').length > MAX_GLOBSTAR_SEGMENTS) return `it has more than ${MAX_GLOBSTAR_SEGMENTS} "**" segments`;
  for (const segment of segments) {
    if (segment === '**') continue;
    const stars = (segment.match(/(?<!\\)\*/g) ?? []).length;
    if (stars > MAX_STARS_PER_SEGMENT) return `the segment "${segment}" has more than ${MAX_STARS_PER_SEGMENT} wildcards "*"`;
  }
  if ((glob.match(/(?<!\\)\{/g) ?? []).length > MAX_BRACE_GROUPS) return `it has more than ${MAX_BRACE_GROUPS} brace groups`;
  return undefined;
}

const cache = new WeakMap<readonly string[], ExcludeMatcher>();

/** One compiled matcher per settings object (settings are replaced, never mutated). */
export function excludeMatcherFor(globs: readonly string[]): ExcludeMatcher {
  let matcher = cache.get(globs);
  if (!matcher) {
    matcher = new ExcludeMatcher(globs);
    cache.set(globs, matcher);
  }
  return matcher;
}
