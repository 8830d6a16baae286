#!/usr/bin/env bash
# Installs what the real-editor tests need, once, into a cache outside the repository:
# Debian's chromium and neovim (plus ripgrep and libkrb5-dev for code-server's install), and
# code-server 4.100.3 (= VS Code 1.100.3, the last release whose engines allow Node 20) from npm.
# Idempotent; prints the code-server prefix on its last line.
#   PHI_GUARD_E2E_CACHE  cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/phi-guard-e2e)
set -euo pipefail
CACHE=${PHI_GUARD_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/phi-guard-e2e}
CS_VERSION=${CS_VERSION:-4.100.3}
mkdir -p "$CACHE/tmp"
log() { echo "== setup: $*" >&2; }

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v nvim >/dev/null || need_apt+=(neovim)
command -v rg >/dev/null || need_apt+=(ripgrep)                   # seeds @vscode/ripgrep (its postinstall calls GitHub)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)    # code-server's 'kerberos' module compiles from source
command -v g++ >/dev/null || need_apt+=(build-essential)
command -v python3 >/dev/null || need_apt+=(python3)
command -v curl >/dev/null || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

CSDIR=$CACHE/code-server-$CS_VERSION
if [ ! -x "$CSDIR/node_modules/.bin/code-server" ]; then
  log "npm install code-server@$CS_VERSION (compiles native modules; 1-3 min)"
  export TMPDIR=$CACHE/tmp
  rm -rf "$CSDIR"; mkdir -p "$CSDIR"; cd "$CSDIR"; npm init -y >/dev/null
  # @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable): pre-seed its download
  # cache with Debian's rg, at the path the postinstall looks for.
  RGVER=$(npm pack "code-server@$CS_VERSION" --silent --pack-destination "$TMPDIR" >/dev/null 2>&1 && \
          tar xzf "$TMPDIR/code-server-$CS_VERSION.tgz" -O package/lib/vscode/npm-shrinkwrap.json | \
          node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages["node_modules/@vscode/ripgrep"];console.log(p?p.version:"")})')
  if [ -n "$RGVER" ]; then
    (cd "$TMPDIR" && npm pack "@vscode/ripgrep@$RGVER" --silent >/dev/null 2>&1)
    RGTAG=$(tar xzf "$TMPDIR/vscode-ripgrep-$RGVER.tgz" -O package/lib/postinstall.js | sed -n "s/^const VERSION = '\(.*\)';/\1/p")
    mkdir -p "$TMPDIR/rgseed" "$TMPDIR/vscode-ripgrep-cache-$RGVER"
    cp "$(command -v rg)" "$TMPDIR/rgseed/rg"
    tar czf "$TMPDIR/vscode-ripgrep-cache-$RGVER/ripgrep-$RGTAG-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rgseed" rg
  fi
  NODE_PREFIX=$(readlink -f "$(dirname "$(readlink -f "$(command -v node)")")/..")
  # unsafe_perm: postinstall.sh refuses root without it; yes: node-pty runs 'npx node-gyp';
  # nodedir: local headers instead of a download from nodejs.org.
  if ! npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$NODE_PREFIX" \
      npm install "code-server@$CS_VERSION" --no-fund --no-audit --loglevel=error > "$CSDIR/install.log" 2>&1; then
    tail -40 "$CSDIR/install.log" >&2
    rm -rf "$CSDIR/node_modules"
    exit 1
  fi
fi
echo "$CSDIR"
