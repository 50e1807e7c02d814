/**
 * @module What a word processor puts on the clipboard, made plain before the schema reads it. Word
 * writes lists as paragraphs with `mso-list` styles and a typed bullet; those become real lists here.
 * Styles, comments, Office namespaces and anything executable go (the schema would ignore most of it
 * anyway; the server sanitizes again on save). Runs on an inert document: nothing in it loads or runs.
 */

const JUNK = 'script, style, meta, link, title, xml, iframe, object, embed, noscript, template, o\\:p';

function isWordListItem(el: Element): boolean {
  return el.tagName === 'P' && (/mso-list\s*:/i.test(el.getAttribute('style') ?? '') || /^MsoListParagraph/i.test(el.getAttribute('class') ?? ''));
}

/** The typed marker Word puts before a list item's text ('1.', 'a)', '·', '§'), removed; whether it counts. */
function takeMarker(el: Element): boolean {
  const ignore = [...el.querySelectorAll('span')].find((s) => /mso-list\s*:\s*ignore/i.test(s.getAttribute('style') ?? ''));
  let marker = '';
  if (ignore) {
    marker = ignore.textContent ?? '';
    // Word nests the marker span: drop the outermost one that holds only the marker.
    let top: Element = ignore;
    while (top.parentElement && top.parentElement !== el && (top.parentElement.textContent ?? '').trim() === marker.trim()) top = top.parentElement;
    top.remove();
  }
  return /^\s*[\d٠-٩a-zA-Zivx]+[.)]/.test(marker);
}

/**
 * Clipboard HTML with Word's lists rebuilt and styling junk dropped.
 *
 * @example cleanPastedHtml('<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">1.</span>أول</p>')
 * // → '<ol><li>أول</li></ol>'
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ''), 'text/html');
  for (const el of [...doc.querySelectorAll(JUNK)]) el.remove();
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  // Word's list paragraphs, grouped into lists.
  let list: Element | null = null;
  for (const p of [...doc.body.querySelectorAll('p')]) {
    if (!isWordListItem(p)) continue;
    const ordered = takeMarker(p);
    const prev = p.previousElementSibling;
    if (!list || prev !== list || (list.tagName === 'OL') !== ordered) {
      list = doc.createElement(ordered ? 'ol' : 'ul');
      p.before(list);
    }
    const li = doc.createElement('li');
    li.append(...p.childNodes);
    list.append(li);
    p.remove();
  }
  for (const el of [...doc.body.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      // Event handlers and styles never reach the editor; direction is re-read from the text itself.
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'class' || attr.name === 'dir' || attr.name === 'id') {
        if (!(attr.name === 'class' && /^(bare-link|gap|note)$/.test(attr.value))) el.removeAttribute(attr.name);
      }
    }
  }
  return doc.body.innerHTML;
}
