/**
 * One requirement of a Kubernetes label selector.
 *
 * @public
 */
export interface LabelRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Splits on commas that are not inside a `(…)` value set. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map(p => p.trim());
}

function checkKey(key: string, term: string) {
  if (!KEY.test(key)) {
    throw new Error(`'${key}' in '${term}' is not a valid label key`);
  }
}

function checkValue(value: string, term: string) {
  if (!VALUE.test(value) || value.length > 63) {
    throw new Error(`'${value}' in '${term}' is not a valid label value`);
  }
}

/**
 * Parses the string form of a Kubernetes label selector
 * (`a=b,c!=d,e in (f,g),!h,i`), throwing an Error that names the bad term.
 *
 * @public
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  if (text.trim() === '') {
    throw new Error('the label selector is empty');
  }
  return splitTopLevel(text).map(term => {
    let m = term.match(/^(\S+?)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (m) {
      const values = m[3].split(',').map(v => v.trim());
      checkKey(m[1], term);
      values.forEach(v => checkValue(v, term));
      return { key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values };
    }
    m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/);
    if (m) {
      checkKey(m[1], term);
      checkValue(m[3], term);
      return {
        key: m[1],
        operator: m[2] === '!=' ? 'NotIn' : 'In',
        values: [m[3]],
      };
    }
    m = term.match(/^(!?)([^=!\s()]+)$/);
    if (m) {
      checkKey(m[2], term);
      return {
        key: m[2],
        operator: m[1] ? 'DoesNotExist' : 'Exists',
        values: [],
      };
    }
    throw new Error(`'${term}' is not a label selector term`);
  });
}

/**
 * True when the labels satisfy every requirement.
 *
 * @public
 */
export function matchesLabelSelector(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const own = labels ?? {};
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(own, r.key);
    switch (r.operator) {
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'In':
        return has && r.values.includes(own[r.key]);
      case 'NotIn':
        return !has || !r.values.includes(own[r.key]);
      default:
        return false;
    }
  });
}
