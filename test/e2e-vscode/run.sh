#!/usr/bin/env bash
# Real-editor tests of PHI Guard, end to end:
#  1. VS Code: code-server 4.100.3 (VS Code 1.100.3) with the packaged .vsix installed, the
#     telehealth example opened, driven by playwright-core in Debian's headless chromium
#     (ui.js: squiggle + message, hover with the flow, quick fix applied, diagnostic gone).
#  2. Neovim as a second LSP client, started by server/README.md's own snippet for its version:
#     Debian's 0.7.2, then 0.10.x (Debian trixie's build, unpacked by nvim/setup-0.10.sh).
# Installs what is missing (setup.sh; cached outside the repo), builds the .vsix, starts
# code-server on loopback and stops it by process group. Screenshots and logs go to
# test-artifacts/e2e-vscode/. Exit status is non-zero when any check fails.
#   SKIP_VSCODE=1 / SKIP_NVIM=1   run only one part;  PORT (default: a free one)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ARTIFACTS=$REPO/test-artifacts/e2e-vscode
T_START=$(date +%s)
step() { echo "== e2e [$(( $(date +%s) - T_START ))s] $*"; }
rm -rf "$ARTIFACTS"; mkdir -p "$ARTIFACTS"

step "setup (apt packages, code-server; cached)"
CSDIR=$("$HERE/setup.sh" | tail -1)
CS=$CSDIR/node_modules/.bin/code-server

step "build and package the extension"
(cd "$REPO" && npx tsc -b server >/dev/null && npm run package -w client --silent >"$ARTIFACTS/vsce.log" 2>&1) \
  || { cat "$ARTIFACTS/vsce.log"; exit 1; }
VSIX=$REPO/client/phi-guard-vscode.vsix

# A throwaway copy of the example (the quick fix edits it), with the repo's node_modules linked
# so the real SDK typings resolve.
RUN=$(mktemp -d "${TMPDIR:-/tmp}/phi-guard-e2e-XXXXXX")
WS=$RUN/ws/telehealth-app
mkdir -p "$RUN/ws" && cp -r "$REPO/examples/telehealth-app" "$WS" && rm -rf "$WS/node_modules"
ln -s "$REPO/node_modules" "$RUN/ws/node_modules"
export FILE=src/features/chartSummary.ts NEEDLE=patient.fullName EXPECT='PHI Patient.fullName reaches OpenAI' \
       QUICKFIX='Wrap patient.fullName in redact()' QUICKFIX_RESULT='redact(patient.fullName)'

# One line per check: "PASS: ..." / "FAIL: ..." in ui.log and nvim.log. The last line printed is
# always "e2e-vscode: N passed, N failed" (.ci/run adds it to the tests line); a part that died
# before printing a FAIL line counts as one failure.
SUMMARY_DONE=
summary() {
  [ -n "$SUMMARY_DONE" ] && return; SUMMARY_DONE=1
  local passed=0 failed=0 rc log p f
  for part in "$RC_VSCODE:ui.log" "$RC_NVIM:nvim.log" "$RC_NVIM10:nvim-0.10.log"; do
    rc=${part%%:*}; log=$ARTIFACTS/${part#*:}
    [ "$rc" = skipped ] && continue
    p=$(grep -c '^PASS: ' "$log" 2>/dev/null || true); f=$(grep -c '^FAIL: ' "$log" 2>/dev/null || true)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
  done
  step "done: vscode=$RC_VSCODE nvim=$RC_NVIM nvim-0.10=$RC_NVIM10 (artifacts in ${ARTIFACTS#$REPO/})"
  echo "e2e-vscode: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

CS_PID=
RC_VSCODE=skipped RC_NVIM=skipped RC_NVIM10=skipped
cleanup() {
  local rc=$?
  if [ -n "$CS_PID" ]; then kill -- "-$CS_PID" 2>/dev/null || true; fi
  cp "$RUN/server.log" "$ARTIFACTS/code-server.log" 2>/dev/null || true
  if [ -d "$RUN/ud/logs" ]; then cp -r "$RUN/ud/logs" "$ARTIFACTS/vscode-logs" 2>/dev/null || true; fi
  rm -rf "$RUN"
  # Died early (signal, install, ...): the part that was running failed.
  if [ -z "$SUMMARY_DONE" ]; then
    [ "$RC_VSCODE" = running ] && RC_VSCODE=$rc
    [ "$RC_NVIM" = running ] && RC_NVIM=$rc
    [ "$RC_NVIM10" = running ] && RC_NVIM10=$rc
    [ "$RC_VSCODE" = skipped ] && [ "$RC_NVIM" = skipped ] && RC_VSCODE=$rc
    summary || true
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

if [ "${SKIP_VSCODE:-0}" != 1 ]; then
  RC_VSCODE=running
  # Fresh profile; HOME/XDG redirected so neither code-server nor chromium writes into ~.
  mkdir -p "$RUN/ud/User" "$RUN/ext" "$RUN/home"
  cat > "$RUN/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 200
}
JSON
  CSARGS=(--auth none --disable-telemetry --disable-update-check --disable-workspace-trust
          --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" --config "$RUN/config.yaml")
  step "install $(basename "$VSIX") into code-server $(node -p "require('$CSDIR/node_modules/code-server/package.json').version")"
  HOME=$RUN/home XDG_CONFIG_HOME=$RUN/home/.config XDG_DATA_HOME=$RUN/home/.local/share XDG_CACHE_HOME=$RUN/home/.cache \
    "$CS" "${CSARGS[@]}" --install-extension "$VSIX" >"$ARTIFACTS/install-extension.log" 2>&1 \
    || { cat "$ARTIFACTS/install-extension.log"; exit 1; }
  PORT=${PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
  step "start code-server on 127.0.0.1:$PORT"
  HOME=$RUN/home XDG_CONFIG_HOME=$RUN/home/.config XDG_DATA_HOME=$RUN/home/.local/share XDG_CACHE_HOME=$RUN/home/.cache \
    setsid "$CS" "${CSARGS[@]}" --bind-addr "127.0.0.1:$PORT" >"$RUN/server.log" 2>&1 &
  CS_PID=$!
  for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
  step "drive the workbench (ui.js)"
  set +e
  HOME=$RUN/home XDG_CONFIG_HOME=$RUN/home/.config XDG_CACHE_HOME=$RUN/home/.cache TMPDIR=$RUN \
    CS_URL=http://127.0.0.1:$PORT WORKSPACE=$WS EXT_DIR=$RUN/ext SHOTS=$ARTIFACTS NODE_PATH=$REPO/node_modules \
    node "$HERE/ui.js" 2>&1 | tee "$ARTIFACTS/ui.log"
  RC_VSCODE=${PIPESTATUS[0]}
  set -e
  kill -- "-$CS_PID" 2>/dev/null || true; CS_PID=
fi

# One Neovim run: $1 the nvim command, $2 its log (in $ARTIFACTS).
run_nvim() {
  local nvim=$1 log=$2 X=$RUN/nvim-$2
  mkdir -p "$X"
  step "Neovim $("$nvim" --version | head -1 | cut -d' ' -f2) as an LSP client"
  (cd "$WS" && cp "$REPO/examples/telehealth-app/$FILE" "$WS/$FILE" &&
   XDG_CONFIG_HOME=$X/config XDG_DATA_HOME=$X/data XDG_CACHE_HOME=$X/cache XDG_STATE_HOME=$X/state \
   PHI_GUARD_REPO="$REPO" \
   timeout 120 "$nvim" --headless --clean -c "luafile $HERE/nvim/lsp-check.lua" "$FILE") 2>&1 | tee "$ARTIFACTS/$log"
  return "${PIPESTATUS[0]}"
}

if [ "${SKIP_NVIM:-0}" != 1 ]; then
  RC_NVIM=running
  set +e
  run_nvim nvim nvim.log; RC_NVIM=$?
  RC_NVIM10=running
  NVIM10=$("$HERE/nvim/setup-0.10.sh" 2>"$ARTIFACTS/nvim-0.10-setup.log" | tail -1)
  if [ -x "$NVIM10" ]; then
    run_nvim "$NVIM10" nvim-0.10.log; RC_NVIM10=$?
  else
    echo "FAIL: Neovim 0.10 could not be set up (see nvim-0.10-setup.log)" | tee "$ARTIFACTS/nvim-0.10.log"; RC_NVIM10=1
  fi
  set -e
fi

summary
