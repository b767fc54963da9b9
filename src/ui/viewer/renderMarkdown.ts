/**
 * Markdown → safe HTML for the in-app viewer: `marked` renders it (GitHub-flavoured), DOMPurify
 * removes scripts, event handlers, `javascript:` links, styles, forms and embedded frames. Links
 * that remain open in a new tab without a handle on the app's window.
 *
 * Both libraries are downloaded the first time a Markdown document is shown, not with the app or
 * the Documents area.
 */
export async function renderMarkdown(text: string): Promise<string> {
  const [{ marked }, { default: DOMPurify }] = await Promise.all([import('marked'), import('dompurify')]);
  const html = marked.parse(text, { async: false, gfm: true });
  const fragment = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    RETURN_DOM_FRAGMENT: true,
  });
  for (const a of Array.from(fragment.querySelectorAll('a'))) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  const holder = document.createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}
