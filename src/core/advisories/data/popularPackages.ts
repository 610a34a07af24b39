/**
 * Popular MCP server packages that `package-name-lookalike` compares launched names with. Kept by hand;
 * each entry says where it comes from. `alsoPublished` lists names the same owner publishes that sit
 * close to the popular one (no finding for them).
 */
export interface PopularPackage {
  ecosystem: 'npm' | 'pypi';
  name: string;
  source: string;
  alsoPublished?: string[];
}

const CATALOG = "MCP Warden's server catalog (src/core/flows/catalog; each entry cites the server's README)";
const ADVISORY = 'named by an advisory in scripts/advisories/records (see src/core/advisories/data/manifest.json)';
const REGISTRY = 'looked up on the npm registry (npm view <name> name) on 2026-12-07; README of the project names it as its MCP server';

export const POPULAR_PACKAGES: readonly PopularPackage[] = [
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-everything', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-filesystem', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-memory', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-sequential-thinking', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-github', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-gdrive', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-postgres', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-puppeteer', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-slack', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-brave-search', source: CATALOG },
  { ecosystem: 'npm', name: '@modelcontextprotocol/inspector', source: ADVISORY },
  { ecosystem: 'npm', name: '@modelcontextprotocol/sdk', source: ADVISORY },
  { ecosystem: 'npm', name: 'mcp-remote', source: ADVISORY },
  { ecosystem: 'npm', name: '@brave/brave-search-mcp-server', source: CATALOG },
  { ecosystem: 'npm', name: '@gongrzhe/server-gmail-autoauth-mcp', source: CATALOG },
  { ecosystem: 'npm', name: '@notionhq/notion-mcp-server', source: CATALOG },
  { ecosystem: 'npm', name: '@playwright/mcp', source: CATALOG },
  { ecosystem: 'npm', name: '@sentry/mcp-server', source: CATALOG },
  { ecosystem: 'npm', name: '@stripe/mcp', source: CATALOG },
  { ecosystem: 'npm', name: '@supabase/mcp-server-supabase', source: CATALOG },
  { ecosystem: 'npm', name: '@upstash/context7-mcp', source: CATALOG },
  { ecosystem: 'npm', name: '@wonderwhy-er/desktop-commander', source: CATALOG },
  { ecosystem: 'npm', name: '@zencoderai/slack-mcp-server', source: CATALOG },
  { ecosystem: 'npm', name: 'slack-mcp-server', source: CATALOG },
  { ecosystem: 'npm', name: 'exa-mcp-server', source: CATALOG },
  { ecosystem: 'npm', name: 'firecrawl-mcp', source: CATALOG },
  { ecosystem: 'npm', name: 'tavily-mcp', source: CATALOG },
  { ecosystem: 'npm', name: 'figma-developer-mcp', source: REGISTRY },
  { ecosystem: 'npm', name: 'chrome-devtools-mcp', source: REGISTRY },
  { ecosystem: 'npm', name: '@browsermcp/mcp', source: REGISTRY },
  { ecosystem: 'npm', name: '@executeautomation/playwright-mcp-server', source: REGISTRY },
  { ecosystem: 'npm', name: '@heroku/mcp-server', source: REGISTRY },
  { ecosystem: 'npm', name: 'task-master-ai', source: REGISTRY },
  { ecosystem: 'pypi', name: 'mcp-atlassian', source: CATALOG },
  { ecosystem: 'pypi', name: 'mcp-server-fetch', source: CATALOG },
  { ecosystem: 'pypi', name: 'mcp-server-git', source: CATALOG },
  { ecosystem: 'pypi', name: 'mcp-server-sqlite', source: CATALOG },
  { ecosystem: 'pypi', name: 'mcp-server-time', source: CATALOG },
  { ecosystem: 'pypi', name: 'mcp', source: ADVISORY },
];
