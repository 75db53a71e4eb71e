import type { ParameterValue } from '../model/config.js';
import type { ParameterDefinition } from '../model/rule.js';

/**
 * What is wrong with a parameter's value for its unit (completing "parameter "x" ..."), if anything:
 * the same for a ruleset's default as for a configured override.
 *
 * @example parameterProblem({ unit: 'percent', default: 50, basis: '' }, 120); // 'must be a percentage from 0 to 100'
 */
export function parameterProblem(def: ParameterDefinition, v: ParameterValue): string | undefined {
  const wd = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  switch (def.unit) {
    case 'working_days':
      return wd(v) ? undefined : 'must be a whole number of working days (0 or more)';
    case 'score':
      return typeof v === 'number' ? undefined : 'must be a number';
    case 'roles':
      return Array.isArray(v) ? undefined : 'must be a list of roles';
    case 'topics':
      return Array.isArray(v) ? undefined : 'must be a list of topics';
    case 'percent':
      return typeof v === 'number' && v >= 0 && v <= 100 ? undefined : 'must be a percentage from 0 to 100';
    case 'working_days_by_complexity':
      // A parameter value's schema (a config's and a manifest's) admits no null: an object is a map or a list.
      return typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.entries(v).every(([k, n]) => ['simple', 'standard', 'complex'].includes(k) && wd(n))
        ? undefined
        : 'must map simple, standard and complex to whole numbers of working days';
  }
}
