import fc from 'fast-check';

/**
 * Keys and strings full of what a reader of JSON text must see through: colons (counted as
 * keys), quotes, backslashes, brackets and commas (walked over), and a non-ASCII letter.
 */
export const trickyText = fc.string({
  unit: fc.constantFrom('a', ':', '"', '\\', ' ', '{', '}', ']', ',', 'é', '\n'),
});

/** Any JSON value, nested a few levels, with tricky strings for keys and values. */
export const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    {depthSize: 'small'},
    trickyText,
    fc.integer(),
    fc.double({noNaN: true, noDefaultInfinity: true}),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), {maxLength: 3}),
    tie('object'),
  ),
  object: fc.dictionary(trickyText, tie('value'), {maxKeys: 4}),
})).value;

/** A JSON object of one to five entries. */
export const jsonObject = fc.dictionary(trickyText, jsonValue, {minKeys: 1, maxKeys: 5});
