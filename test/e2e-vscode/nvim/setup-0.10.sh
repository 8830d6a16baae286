#!/usr/bin/env bash
# Neovim 0.10+ for the second Neovim run: Debian bookworm ships 0.7.2 only, so this takes the
# neovim package of Debian trixie (0.10.x) and its libraries from Debian's own mirror, unpacks
# them (dpkg -x, nothing is installed: trixie's build needs glibc 2.38, bookworm has 2.36) and
# prints a launcher that runs nvim through trixie's own dynamic loader. Children nvim starts
# (the language server) use the system's loader and libraries as usual.
# Cached outside the repository; the package index decides the versions (a point release
# replaces the pool files, so none is pinned here). Prints the launcher's path as its last line.
set -euo pipefail
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=${PHI_GUARD_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/phi-guard-e2e}/nvim-trixie
LAUNCHER=$CACHE/nvim
if [ -x "$LAUNCHER" ] && "$LAUNCHER" --version >/dev/null 2>&1; then echo "$LAUNCHER"; exit 0; fi
rm -rf "$CACHE"; mkdir -p "$CACHE/debs" "$CACHE/root"
curl -fsS --max-time 300 "$MIRROR/dists/trixie/main/binary-amd64/Packages.xz" -o "$CACHE/Packages.xz"
xz -dc "$CACHE/Packages.xz" >"$CACHE/Packages"
PACKAGES="neovim neovim-runtime libc6 libgcc-s1 libluajit-5.1-2 libluajit-5.1-common libmsgpack-c2 libtree-sitter0.22 libunibilium4 libuv1t64 libvterm0 lua-lpeg lua-luv"
for pkg in $PACKAGES; do
  file=$(awk -v p="$pkg" '$1 == "Package:" { hit = ($2 == p) } hit && $1 == "Filename:" { print $2; exit }' "$CACHE/Packages")
  [ -n "$file" ] || { echo "setup-0.10: $pkg is not in trixie's package index" >&2; exit 1; }
  curl -fsS --max-time 300 "$MIRROR/$file" -o "$CACHE/debs/$(basename "$file")"
  dpkg -x "$CACHE/debs/$(basename "$file")" "$CACHE/root"
done
R=$CACHE/root
cat >"$LAUNCHER" <<LAUNCH
#!/bin/sh
VIMRUNTIME=$R/usr/share/nvim/runtime exec $R/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 --library-path $R/usr/lib/x86_64-linux-gnu $R/usr/bin/nvim "\$@"
LAUNCH
chmod +x "$LAUNCHER"
"$LAUNCHER" --version | head -1 >&2
echo "$LAUNCHER"
