/**
 * The floor for a first frame: Ink and React alone, production build, drawing one line. Imported
 * only after NODE_ENV is set (static imports would run first), the way failsight does it.
 */
// Through a local name, so the bundle's define of NODE_ENV leaves the assignment alone.
const environment = process.env;
environment['NODE_ENV'] ||= 'production';
const {createElement} = await import('react');
const {render, Text} = await import('ink');
render(createElement(Text, null, 'hello'));
