/** Making text safe for the two places the HTML report puts it: markup, and an embedded JSON block. */

const _HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text as HTML character data or a quoted attribute value: `& < > " '` as references, so that no
 * string from a report (a case id, an explanation, a file name) can open a tag or leave an
 * attribute.
 *
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>'); // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => _HTML[c] ?? c);
}

/**
 * A value as JSON to sit inside `<script type="application/json">`: `<` as `\u003c` (so that
 * neither `</script>` nor `<!--` can end or change the block), `>` and `&` likewise for good
 * measure, and U+2028 and U+2029 (line terminators to older JavaScript parsers) escaped. The
 * result is still JSON and parses back to the same value.
 *
 * @example
 * embedJson({ id: '</script>' }); // '{"id":"\\u003c/script\\u003e"}'
 */
export function embedJson(value: unknown): string {
  return embedJsonText(JSON.stringify(value));
}

/** JSON text (whole, or any piece of it) escaped as {@link embedJson} escapes it. */
export function embedJsonText(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
