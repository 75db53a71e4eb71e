import type { Condition } from '../model/rule.js';

const _OPERATORS: Readonly<Record<string, string>> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'includes',
  doesNotContain: 'does not include',
};

/** A fact and its path as one name: `explained` with `$.first.elapsed` is `explained.first.elapsed`. */
function _name(fact: string, path: string | undefined): string {
  return path === undefined ? fact : `${fact}${path.slice(1)}`;
}

function _value(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(_value).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const ref = v as { fact: string; path?: string };
    return _name(ref.fact, ref.path);
  }
  return JSON.stringify(v);
}

/**
 * A rule condition as a plain expression, the way `docs/rules.md` shows it: facts by name and
 * path, comparisons as symbols, `and`/`or`/`not` with brackets where they nest.
 *
 * @example
 * conditionText({ fact: 'gaps', path: '$.exceeded', operator: 'greaterThan', value: 0 }); // 'gaps.exceeded > 0'
 * conditionText({ all: [a, { not: b }] }); // 'a … and not (b …)'
 */
export function conditionText(c: Condition): string {
  if ('all' in c) return c.all.map(_nested).join(' and ');
  if ('any' in c) return c.any.map(_nested).join(' or ');
  if ('not' in c) return `not ${_nested(c.not)}`;
  return `${_name(c.fact, c.path)} ${_OPERATORS[c.operator] ?? c.operator} ${_value(c.value)}`;
}

/** A part of a larger expression: bracketed when it joins several. */
function _nested(c: Condition): string {
  const text = conditionText(c);
  return ('all' in c && c.all.length > 1) || ('any' in c && c.any.length > 1) || 'not' in c
    ? `(${text})`
    : text;
}
