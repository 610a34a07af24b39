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
  if [ -n "${ONLY:-}" ] && [[ "$repo" != $ONLY ]]; then return; fi
  local dir="$MIRROR/${repo/\//+}/repo"
  if [ ! -d "$dir" ]; then echo "skip $repo (no mirror)"; return; fi
  case $kind in
    py) python3 "$HERE/extract-python.py" "$dir" "$repo" "$re" "$slug" "$group" "$@" | tail -1 ;;
    ts) node "$HERE/extract-ts.mjs" "$dir" "$repo" "$re" "$slug" "$group" "$@" | tail -1 ;;
    go) node "$HERE/extract-go.mjs" "$dir" "$repo" "$re" "$slug" "$group" "$@" | tail -1 ;;
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
run go grafana/mcp-grafana '^()' repo-grafana-mcp-grafana grafana --official --license Apache-2.0 --server-name-format 'Grafana MCP'
run go hashicorp/terraform-mcp-server '^()' repo-hashicorp-terraform-mcp-server hashicorp --official --license MPL-2.0 --server-name-format 'Terraform MCP'
run go hashicorp/vault-mcp-server '^()' repo-hashicorp-vault-mcp-server hashicorp --official --license MPL-2.0 --server-name-format 'Vault MCP'
run go korotovsky/slack-mcp-server '^()' repo-korotovsky-slack-mcp-server korotovsky --server-name-format 'Slack MCP (korotovsky)'
run go mark3labs/mcp-filesystem-server '^()' repo-mark3labs-mcp-filesystem-server mark3labs --server-name-format 'mcp-filesystem-server'
run go buildkite/buildkite-mcp-server '^()' repo-buildkite-buildkite-mcp-server buildkite --official --license MIT --server-name-format 'Buildkite MCP'
run py lharries/whatsapp-mcp '^()' repo-lharries-whatsapp-mcp lharries --server-name-format 'WhatsApp MCP'
run py LaurieWired/GhidraMCP '^()' repo-lauriewired-ghidramcp lauriewired --server-name-format 'GhidraMCP'
run py mem0ai/mem0-mcp '^()' repo-mem0ai-mem0-mcp mem0ai --official --server-name-format 'mem0 MCP'
run py kagisearch/kagimcp '^()' repo-kagisearch-kagimcp kagisearch --official --server-name-format 'Kagi MCP'
run py e2b-dev/mcp-server '^()' repo-e2b-dev-mcp-server-py e2b-dev --official --server-name-format 'E2B MCP (Python)'
run py microsoft/markitdown '^()' repo-microsoft-markitdown microsoft --official --license MIT --server-name-format 'MarkItDown MCP'
run ts zcaceres/markdownify-mcp '^()' repo-zcaceres-markdownify-mcp zcaceres --server-name-format 'Markdownify MCP'
run py alpacahq/alpaca-mcp-server '^()' repo-alpacahq-alpaca-mcp-server alpacahq --official --server-name-format 'Alpaca MCP'
run py basicmachines-co/basic-memory '^()' repo-basicmachines-co-basic-memory basicmachines-co --official --server-name-format 'Basic Memory'
run py crystaldba/postgres-mcp '^()' repo-crystaldba-postgres-mcp crystaldba --official --server-name-format 'Postgres MCP Pro'
run py semgrep/mcp '^()' repo-semgrep-mcp semgrep --official --server-name-format 'Semgrep MCP'
run py oxylabs/oxylabs-mcp '^()' repo-oxylabs-oxylabs-mcp oxylabs --official --server-name-format 'Oxylabs MCP'
run py nickclyde/duckduckgo-mcp-server '^()' repo-nickclyde-duckduckgo-mcp-server nickclyde --server-name-format 'DuckDuckGo MCP'
run py zilliztech/mcp-server-milvus '^()' repo-zilliztech-mcp-server-milvus zilliztech --official --server-name-format 'Milvus MCP'
run py datalayer/jupyter-mcp-server '^()' repo-datalayer-jupyter-mcp-server datalayer --server-name-format 'Jupyter MCP'
run py getzep/graphiti '^()' repo-getzep-graphiti getzep --official --server-name-format 'Graphiti MCP'
run py StarRocks/mcp-server-starrocks '^()' repo-starrocks-mcp-server-starrocks starrocks --official --server-name-format 'StarRocks MCP'
run py financial-datasets/mcp-server '^()' repo-financial-datasets-mcp-server financial-datasets --official --server-name-format 'Financial Datasets MCP'
run py doobidoo/mcp-memory-service '^()' repo-doobidoo-mcp-memory-service doobidoo --server-name-format 'MCP Memory Service'
run ts square/square-mcp-server '^()' repo-square-square-mcp-server square --official --server-name-format 'Square MCP'
run ts webflow/mcp-server '^()' repo-webflow-mcp-server webflow --official --server-name-format 'Webflow MCP'
run ts jfrog/mcp-jfrog '^()' repo-jfrog-mcp-jfrog jfrog --official --server-name-format 'JFrog MCP'
run ts Dhravya/apple-mcp '^()' repo-dhravya-apple-mcp dhravya --server-name-format 'Apple MCP'
run py neo4j-contrib/mcp-neo4j '^servers/([^/]+)/' repo-neo4j-contrib neo4j-contrib --official --server-name-format 'Neo4j {dir}'
run ts docker/hub-mcp '^()' repo-docker-hub-mcp docker --official --server-name-format 'Docker Hub MCP'
run ts microsoft/azure-devops-mcp '^()' repo-microsoft-azure-devops-mcp microsoft --official --license MIT --server-name-format 'Azure DevOps MCP'
run ts vantage-sh/vantage-mcp-server '^()' repo-vantage-sh-vantage-mcp-server vantage-sh --official --server-name-format 'Vantage MCP'
run py comet-ml/opik-mcp '^()' repo-comet-ml-opik-mcp comet-ml --official --server-name-format 'Opik MCP'
run ts langfuse/mcp-server-langfuse '^()' repo-langfuse-mcp-server-langfuse langfuse --official --server-name-format 'Langfuse MCP'
run py apache/doris-mcp-server '^()' repo-apache-doris-mcp-server apache --official --license Apache-2.0 --server-name-format 'Apache Doris MCP'
run py tinybirdco/mcp-tinybird '^()' repo-tinybirdco-mcp-tinybird tinybirdco --official --server-name-format 'Tinybird MCP'
run py ktanaka101/mcp-server-duckdb '^()' repo-ktanaka101-mcp-server-duckdb ktanaka101 --server-name-format 'DuckDB MCP'
run ts supabase-community/supabase-mcp '^packages/(mcp-server-supabase)/' repo-supabase-community supabase --official --license Apache-2.0 --server-name-format 'Supabase MCP (source)'
run ts neondatabase/mcp-server-neon '^()' repo-neondatabase-mcp-server-neon neondatabase --official --license MIT --server-name-format 'Neon MCP (source)'
