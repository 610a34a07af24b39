// The checks Open VSX applies to a published extension's metadata (the registry server's extension validator:
// name and namespace pattern, version characters, field sizes and characters, URLs, enumerated values), plus its
// requirement that published content be licensed. Used by the loopback registry of `npm run release:dry`.
const NAME = /^[\w\-+$~]+$/;
const VERSION_CHARACTER = /[\p{L}\p{N}$+\-,.:;_]/u;
const BAD_CHARACTER = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;
const DEFAULT_SIZE = 255;
const DESCRIPTION_SIZE = 2048;
const GALLERY_COLOR_SIZE = 16;

/** Problems Open VSX would refuse the extension for, as sentences; empty when it would accept it. */
export function openVsxIssues(manifest, { hasLicenseFile = false } = {}) {
  const issues = [];
  name(manifest.publisher, 'namespace (publisher)', issues);
  name(manifest.name, 'extension name', issues);
  version(manifest.version, issues);
  text(manifest.displayName, 'displayName', DEFAULT_SIZE, issues);
  text(manifest.description, 'description', DESCRIPTION_SIZE, issues);
  for (const category of manifest.categories ?? []) text(category, 'categories', DEFAULT_SIZE, issues);
  for (const keyword of manifest.keywords ?? []) text(keyword, 'keywords', DEFAULT_SIZE, issues);
  text(manifest.license, 'license', DEFAULT_SIZE, issues);
  url(manifest.homepage, 'homepage', issues);
  url(urlOf(manifest.repository), 'repository', issues);
  url(urlOf(manifest.bugs), 'bugs', issues);
  oneOf(manifest.markdown, ['github', 'standard'], 'markdown', issues);
  text(manifest.galleryBanner?.color, 'galleryBanner.color', GALLERY_COLOR_SIZE, issues);
  oneOf(manifest.galleryBanner?.theme, ['dark', 'light'], 'galleryBanner.theme', issues);
  if (manifest.qna !== undefined && manifest.qna !== false && !['marketplace', 'false'].includes(manifest.qna) && !isUrl(manifest.qna)) {
    issues.push(`Invalid value in field 'qna': ${manifest.qna}. Allowed values: marketplace, false or a URL`);
  }
  if (!manifest.license && !hasLicenseFile) issues.push('No license: all Open VSX content must be licensed (a "license" field or a LICENSE file).');
  return issues;
}

function name(value, field, issues) {
  if (!value) issues.push(`The ${field} must not be empty.`);
  else if (!NAME.test(value)) issues.push(`Invalid ${field}: ${value}`);
  else if (value.length > DEFAULT_SIZE) issues.push(`The ${field} exceeds ${DEFAULT_SIZE} characters.`);
}

function version(value, issues) {
  if (!value) return void issues.push('Version must not be empty.');
  if (['latest', 'pre-release', 'reviews'].includes(value)) issues.push(`The version string '${value}' is reserved.`);
  const bad = [...value].findIndex((c) => !VERSION_CHARACTER.test(c));
  if (bad !== -1) issues.push(`Invalid character '${value[bad]}' found in version (index ${bad}).`);
}

function text(value, field, limit, issues) {
  if (value === undefined || value === null) return;
  if (BAD_CHARACTER.test(value)) issues.push(`Invalid character found in field '${field}': ${JSON.stringify(value)}`);
  if (value.length > limit) issues.push(`The field '${field}' exceeds the current limit of ${limit} characters.`);
}

function oneOf(value, allowed, field, issues) {
  if (value && !allowed.includes(value)) issues.push(`Invalid value in field '${field}': ${value}. Allowed values: ${allowed.join(', ')}`);
}

function url(value, field, issues) {
  if (!value) return;
  if (!isUrl(value)) issues.push(`Invalid URL in field '${field}': ${value}`);
  else if (value.length > DEFAULT_SIZE) issues.push(`The field '${field}' exceeds the current limit of ${DEFAULT_SIZE} characters.`);
}

function isUrl(value) {
  try {
    return new URL(value.startsWith('git+') ? value.slice(4) : value).host !== '';
  } catch {
    return false;
  }
}

const urlOf = (field) => (typeof field === 'string' ? field : field?.url);
