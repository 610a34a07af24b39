#!/usr/bin/env bash
# Re-creates the repository-sourced part of the benign corpus from local git mirrors of public repositories
# (MIRROR/<owner>+<name>/repo, as the project's search tool fetches them). Each line: extractor, repo, the regex whose
# group names the server folder ('^()' = the whole repository is one server), slug, source group, flags.
# Official = published by the vendor of the service (or by modelcontextprotocol); community servers are not.
set -euo pipefail
MIRROR=${MIRROR:-/work/.mirror}
HERE=$(cd "$(dirname "$0")" && pwd)
run() { # kind repo dirRegex slug group [flags...]
  local kind=$1 repo=$2 re=$3 slug=$4 group=$5; shift 5
  local dir="$MIRROR/${repo/\//+}/repo"
  if [ ! -d "$dir" ]; then echo "skip $repo (no mirror)"; return; fi
  case $kind in
    py) python3 "$HERE/extract-python.py" "$dir" "$repo" "$re" "$slug" "$group" "$@" | tail -1 ;;
    ts) node "$HERE/extract-ts.mjs" "$dir" "$repo" "$re" "$slug" "$group" "$@" | tail -1 ;;
    snap) node "$HERE/extract-snapshots.mjs" "$dir" "$repo" "$re" "$slug" "$group" "$@" ;;
  esac
}
run snap github/github-mcp-server '^pkg/github/__toolsnaps__/.*\.snap$' repo-github-github-mcp-server github 'GitHub MCP Server' --official --license MIT
run py awslabs/mcp '^src/([^/]+)/' repo-awslabs awslabs --official --license Apache-2.0 --server-name-format 'AWS Labs {dir}'
run ts cloudflare/mcp-server-cloudflare '^(?:apps|packages)/([^/]+)/' repo-cloudflare cloudflare --official --license Apache-2.0 --server-name-format 'Cloudflare {dir}'
run py elevenlabs/elevenlabs-mcp '^()' repo-elevenlabs-elevenlabs-mcp elevenlabs --official --server-name-format 'ElevenLabs MCP'
run py redis/mcp-redis '^()' repo-redis-mcp-redis redis --official --server-name-format 'Redis MCP'
run py sooperset/mcp-atlassian '^()' repo-sooperset-mcp-atlassian sooperset --server-name-format 'mcp-atlassian'
run py taylorwilsdon/google_workspace_mcp '^()' repo-taylorwilsdon-google-workspace-mcp taylorwilsdon --server-name-format 'Google Workspace MCP'
run py chroma-core/chroma-mcp '^()' repo-chroma-core-chroma-mcp chroma-core --official --server-name-format 'Chroma MCP'
run py motherduckdb/mcp-server-motherduck '^()' repo-motherduckdb-mcp-server-motherduck motherduckdb --official --server-name-format 'MotherDuck MCP'
run py pydantic/logfire-mcp '^()' repo-pydantic-logfire-mcp pydantic --official --server-name-format 'Logfire MCP'
run py box-community/mcp-server-box '^()' repo-box-community-mcp-server-box box-community --server-name-format 'Box MCP'
run py MiniMax-AI/MiniMax-MCP '^()' repo-minimax-ai-minimax-mcp minimax-ai --official --server-name-format 'MiniMax MCP'
run py blazickjp/arxiv-mcp-server '^()' repo-blazickjp-arxiv-mcp-server blazickjp --server-name-format 'arXiv MCP'
run py ahujasid/blender-mcp '^()' repo-ahujasid-blender-mcp ahujasid --server-name-format 'Blender MCP'
run py haris-musa/excel-mcp-server '^()' repo-haris-musa-excel-mcp-server haris-musa --server-name-format 'Excel MCP'
