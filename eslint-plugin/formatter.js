// ESLint formatter: `npx eslint . -f ./node_modules/eslint-plugin-phi-guard/formatter.js`
// (see src/formatter.ts). ESLint loads a formatter by path, so it sits at the package root.
module.exports = require('./dist/src/formatter.js').format;
