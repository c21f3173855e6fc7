"""How to cite one page of the site, as Quarto's citation appendix offers it: a plain-text
citation, BibTeX (biblatex's @online) and the page's CSL-JSON record, each with the page's
address and the date its file last changed.

The page is cited as the project's work; a source page's article has its own record in
/data/sources.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..content.dates import parse_partial_date

# TeX's special characters, written so that BibTeX prints them as they are.
TEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
               "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}  # fmt: skip


@dataclass(frozen=True)
class PageCitation:
    text: str
    bibtex: str
    csl_json: str


def citation_key(page_url: str) -> str:
    """'timeline/group/amazon/' -> 'timeline-group-amazon'; the home page is 'home'."""
    return re.sub(r"[^a-z0-9]+", "-", page_url.lower()).strip("-") or "home"


def _tex(text: str) -> str:
    return "".join(TEX_ESCAPES.get(char, char) for char in text)


def _one_field_a_line(record: dict) -> str:
    """The record as a CSL-JSON list, one field a line: short enough to read and copy."""
    lines = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in record.items())
    return f"[\n  {{\n{lines}\n  }}\n]"


def page_citation(name: str, page_url: str, changed: str | None, settings) -> PageCitation:
    """`name` as the page's heading shows it (a bracketed title stays bracketed); `changed` is
    the ISO day its file last changed, or None outside the repository's history."""
    url = f"{settings['SITEURL']}/{page_url}"
    site, author, key = settings["SITENAME"], settings["AUTHOR"], citation_key(page_url)
    date = parse_partial_date(changed) if changed else None
    record = {
        "id": key,
        "type": "webpage",
        "title": name,
        "container-title": site,
        "author": [{"literal": author}],
        "URL": url,
        "language": "en",
    }
    if date:
        record["issued"] = {"date-parts": [[date.year, date.month, date.day]]}
    title = f"{name}." if name.startswith("[") else f"\u201c{name}.\u201d"
    when = f"Last changed {date.text()}." if date else "Not yet committed to the repository."
    fields = {"author": f"{{{_tex(author)}}}", "title": _tex(name), "organization": _tex(site)}
    fields |= {"date": date.iso()} if date else {}
    fields |= {"url": url, "langid": "english"}
    bibtex = f"@online{{{key},\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items()) + "\n}"
    return PageCitation(
        text=f"{author}. {title} {site}. {when} {url}",
        bibtex=bibtex,
        csl_json=_one_field_a_line(record),
    )
