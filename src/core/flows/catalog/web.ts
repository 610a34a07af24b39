import { tool, tools, type CatalogServer } from './types';

const PAGE = 'a web page';

/** Search engines, scrapers, browsers and local power tools. */
export const WEB_SERVERS: readonly CatalogServer[] = [
  {
    id: 'brave-search',
    title: 'Brave Search',
    match: ['npm:@modelcontextprotocol/server-brave-search', 'npm:@brave/brave-search-mcp-server', 'docker:mcp/brave-search'],
    tools: tools('U', ['brave_web_search', 'brave_local_search', 'brave_news_search', 'brave_image_search', 'brave_video_search', 'brave_summarizer'], { content: 'a search result' }),
    reads: ['untrusted-content'],
    source: 'brave/brave-search-mcp-server README; archived reference server',
  },
  {
    id: 'playwright',
    title: 'Playwright (@playwright/mcp)',
    match: ['npm:@playwright/mcp', 'docker:mcr.microsoft.com/playwright/mcp', 'binary:mcp-server-playwright'],
    tools: [
      tool('browser_navigate', 'U', { possible: 'O', content: PAGE }),
      ...tools('U', ['browser_snapshot', 'browser_take_screenshot', 'browser_network_requests', 'browser_console_messages', 'browser_navigate_back', 'browser_tab_select', 'browser_tabs'], { content: PAGE }),
      ...tools('O', ['browser_type', 'browser_fill_form', 'browser_evaluate', 'browser_run_code']),
      tool('browser_file_upload', 'PO'),
      ...tools('', ['browser_click', 'browser_hover', 'browser_drag', 'browser_select_option', 'browser_press_key', 'browser_handle_dialog', 'browser_wait_for', 'browser_resize', 'browser_close', 'browser_install', 'browser_pdf_save', 'browser_mouse_click_xy', 'browser_mouse_move_xy', 'browser_mouse_drag_xy', 'browser_generate_locator', 'browser_verify_element_visible', 'browser_verify_text_visible']),
    ],
    reads: ['untrusted-content'],
    source: 'microsoft/playwright-mcp README',
    uncertain: 'Typing into a page and submitting sends data to that site, so form tools count as outbound.',
  },
  {
    id: 'firecrawl',
    title: 'Firecrawl',
    match: ['npm:firecrawl-mcp', 'url:mcp.firecrawl.dev'],
    tools: tools('U', ['firecrawl_scrape', 'firecrawl_map', 'firecrawl_search', 'firecrawl_crawl', 'firecrawl_check_crawl_status', 'firecrawl_extract', 'firecrawl_deep_research', 'firecrawl_generate_llmstxt'], { content: PAGE }),
    reads: ['untrusted-content'],
    source: 'firecrawl/firecrawl-mcp-server README',
  },
  {
    id: 'tavily',
    title: 'Tavily',
    match: ['npm:tavily-mcp', 'url:mcp.tavily.com'],
    tools: tools('U', ['tavily-search', 'tavily-extract', 'tavily-crawl', 'tavily-map', 'tavily_search', 'tavily_extract', 'tavily_crawl', 'tavily_map'], { content: PAGE }),
    reads: ['untrusted-content'],
    source: 'tavily-ai/tavily-mcp README',
  },
  {
    id: 'exa',
    title: 'Exa',
    match: ['npm:exa-mcp-server', 'url:mcp.exa.ai'],
    tools: tools('U', ['web_search_exa', 'get_code_context_exa', 'crawling_exa', 'company_research_exa', 'linkedin_search_exa', 'deep_researcher_start', 'deep_researcher_check'], { content: PAGE }),
    reads: ['untrusted-content'],
    source: 'exa-labs/exa-mcp-server README',
  },
  {
    id: 'aws-documentation',
    title: 'AWS Documentation (awslabs)',
    match: ['pypi:awslabs.aws-documentation-mcp-server'],
    tools: tools('', ['read_documentation', 'read_sections', 'search_table', 'search_documentation', 'recommend', 'get_available_services'], { possible: 'U', content: 'an AWS documentation page' }),
    source: 'awslabs/mcp src/aws-documentation-mcp-server (tool list recorded in the issue-12 corpus): reads pages of docs.aws.amazon.com only, reaches nothing private, sends nothing',
    uncertain: 'Documentation is written by AWS, not by outsiders; its pages are counted as untrusted only with a lower minConfidence.',
  },
  {
    id: 'context7',
    title: 'Context7 (library documentation)',
    match: ['npm:@upstash/context7-mcp', 'url:mcp.context7.com'],
    tools: tools('U', ['resolve-library-id', 'get-library-docs', 'query-docs'], { content: 'library documentation anyone can submit' }),
    reads: ['untrusted-content'],
    source: 'upstash/context7 README (documentation is contributed by third parties)',
  },
  {
    id: 'desktop-commander',
    title: 'Desktop Commander',
    match: ['npm:@wonderwhy-er/desktop-commander'],
    tools: [
      ...tools('DO', ['start_process', 'interact_with_process', 'execute_command', 'send_input']),
      tool('read_file', 'P', { possible: 'U', content: 'a file or URL it was pointed at' }),
      ...tools('P', ['read_multiple_files', 'list_directory', 'search_files', 'search_code', 'start_search', 'get_more_search_results', 'get_file_info', 'list_processes', 'list_sessions', 'read_process_output', 'read_output', 'get_config']),
      ...tools('D', ['write_file', 'edit_block', 'move_file', 'kill_process', 'force_terminate', 'set_config_value']),
      ...tools('', ['create_directory', 'stop_search', 'list_searches', 'get_usage_stats', 'give_feedback_to_desktop_commander', 'get_prompts']),
    ],
    reads: ['private-data'],
    source: 'wonderwhy-er/DesktopCommanderMCP README',
  },
];
