/**
 * @module The "cite this" box for an article page: the citation in CSL-JSON, BibTeX and RIS, each a
 * download from `/api/articles/:id/cite`. No script: a `<details>` element opens it.
 */
const LABELS: Record<string, { cite: string; hint: string }> = {
  en: { cite: 'Cite this', hint: 'Download the citation for a reference manager:' },
  ar: { cite: 'اقتبس هذا', hint: 'نزّل الاقتباس لبرنامج إدارة المراجع:' },
};

/** @example <CiteBox id="a1b2" lang="ar" /> */
export function CiteBox(props: { id: string; lang: string }) {
  const l = LABELS[props.lang] ?? LABELS.en;
  const base = `/api/articles/${encodeURIComponent(props.id)}/cite`;
  return (
    <details class="cite-box">
      <summary>{l.cite}</summary>
      <p>{l.hint}</p>
      <ul>
        <li>
          <a href={`${base}?format=bibtex`} download={`${props.id}.bib`} lang="en" dir="ltr">BibTeX</a>
        </li>
        <li>
          <a href={`${base}?format=ris`} download={`${props.id}.ris`} lang="en" dir="ltr">RIS</a>
        </li>
        <li>
          <a href={`${base}?format=csl`} download={`${props.id}.json`} lang="en" dir="ltr">CSL-JSON</a>
        </li>
      </ul>
    </details>
  );
}
