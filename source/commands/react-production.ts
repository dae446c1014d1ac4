/**
 * React's development build keeps performance records for every render, so memory grows with
 * every view switch and every clock tick. failsight always runs the production build: this
 * module is the entry's first import, so it runs before anything can load react.
 */
process.env['NODE_ENV'] ||= 'production';

export {};
