// ESLint with eslint-plugin-phi-guard for the tests (test/server/support/eslintRun.ts,
// cli/tests/support.ts), run as a child process: typescript-eslint keeps one project service per
// process, with the first call's allowDefaultProject, so each folder gets a fresh process (as in
// CI). Argument: a JSON request { cwd, patterns, recommended? }. Prints { results } or, when
// ESLint stops the whole run (a broken config), { stopped }.
const { ESLint } = require('eslint');

const request = JSON.parse(process.argv[2]);
(async () => {
  let options = { cwd: request.cwd };
  if (request.recommended) {
    const recommended = require('eslint-plugin-phi-guard').configs.recommended;
    options = {
      cwd: request.cwd,
      overrideConfigFile: true,
      overrideConfig: [{
        ...recommended,
        files: request.recommended.files,
        languageOptions: {
          ...recommended.languageOptions,
          parserOptions: {
            projectService: { allowDefaultProject: request.recommended.allowDefaultProject, maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 1000 },
            tsconfigRootDir: request.cwd,
          },
        },
      }],
    };
  }
  let out;
  try {
    const results = await new ESLint(options).lintFiles(request.patterns);
    out = {
      results: results.map((r) => ({
        filePath: r.filePath,
        messages: r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message, fatal: m.fatal })),
      })),
    };
  } catch (e) {
    out = { stopped: String((e && e.message) || e) };
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
