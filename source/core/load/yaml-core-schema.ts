import {FAILSAFE_SCHEMA, Type} from 'js-yaml';

/**
 * YAML 1.2's core schema with the very patterns `yaml` resolves plain scalars by, for js-yaml:
 * its own core schema differs at the edges (`-.5` stays text there, a number here and in
 * `yaml`). Strings, lists and mappings are js-yaml's (the failsafe schema).
 */
// Most plain scalars are names: the first character rules them out before any pattern runs.
const startsNull = (text: string) => '~nN'.includes(text[0]!);
const startsBool = (text: string) => 'tTfF'.includes(text[0]!);
const startsNumber = (text: string) => '0123456789+-.'.includes(text[0]!);

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (text: string) =>
    text.length === 0 || (startsNull(text) && /^(?:~|[Nn]ull|NULL)$/.test(text)),
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (text: string) => startsBool(text) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
  construct: (text: string) => text[0] === 't' || text[0] === 'T',
});

const decimal = /^[-+]?[0-9]+$/;
const octal = /^0o[0-7]+$/;
const hexadecimal = /^0x[0-9a-fA-F]+$/;
const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string) =>
    startsNumber(text) && (decimal.test(text) || octal.test(text) || hexadecimal.test(text)),
  construct: (text: string) =>
    octal.test(text)
      ? parseInt(text.slice(2), 8)
      : hexadecimal.test(text)
        ? parseInt(text.slice(2), 16)
        : parseInt(text, 10),
});

const special = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const exponent = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const fraction = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string) =>
    startsNumber(text) && (special.test(text) || exponent.test(text) || fraction.test(text)),
  construct: (text: string) => {
    if (!special.test(text)) return parseFloat(text);
    if (text.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
});

export const coreSchema = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});
