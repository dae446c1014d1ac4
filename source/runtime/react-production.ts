/**
 * React's development build keeps performance records for every render, so memory grows with
 * every view switch and every clock tick. failsight always runs the production build: this
 * module is the entry's first import, so it runs before anything can load react.
 */
// Through a local name: the bundle defines process.env.NODE_ENV as a constant, and this assignment
// must still run for the unbundled build (dist/source, the bench).
const environment = process.env;
environment['NODE_ENV'] ||= 'production';

export {};
