/**
 * XML 1.0 escaping for the JUnit report. Characters XML 1.0 cannot carry at all (most C0 control
 * characters, U+FFFE, U+FFFF and unpaired surrogates; not even as `&#...;` references) become
 * U+FFFD, the replacement character, so that the document always parses.
 */

const _FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const _TEXT: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const _ATTR: Readonly<Record<string, string>> = {
  ..._TEXT,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/**
 * Escapes character data (element text): `&`, `<` and `>` (so `]]>` and `</script>` never appear
 * as written), and carriage return as a reference, which end-of-line handling would otherwise drop.
 */
export function escapeXmlText(text: string): string {
  return text.replace(_FORBIDDEN, '\uFFFD').replace(/[&<>\r]/g, (c) => _TEXT[c] ?? c);
}

/**
 * Escapes an attribute value for double quotes: as text, plus both quotes, and tab, line feed and
 * carriage return as references so that attribute-value normalisation keeps them.
 */
export function escapeXmlAttribute(text: string): string {
  return text.replace(_FORBIDDEN, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => _ATTR[c] ?? c);
}

type _Attrs = Readonly<Record<string, string | number | undefined>>;

const _attributes = (attrs: _Attrs): string =>
  Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');

/** An element's start tag, `<name a="1">`, for content written piece by piece. */
export const xmlStartTag = (name: string, attrs: _Attrs): string => `<${name}${_attributes(attrs)}>`;

/** An element: `<name a="1">text</name>`, or `<name a="1"/>` when it has no content. */
export function xmlElement(name: string, attrs: _Attrs, content = ''): string {
  return content === ''
    ? `<${name}${_attributes(attrs)}/>`
    : `${xmlStartTag(name, attrs)}${content}</${name}>`;
}
