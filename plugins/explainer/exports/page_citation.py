"""How to cite one page of the site, as Quarto's citation appendix offers it: a plain-text
citation, BibTeX (biblatex's types, with `year` too for classic BibTeX styles) and a CSL-JSON
record, each with a full address, and a line saying who may reuse what.

A page of the project's writing is cited as the project's work, dated by its file's last commit.
A source page holds a copy of someone else's text: it gives the source's own reference (the
record of /data/sources.json), with this site's copy as the archive, never the project as its
author.

A development build has no SITEURL (its links are paths); its citations give the address it is
served at, CITATION_SITEURL (settings), so that a copied reference is whole.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..content.dates import parse_partial_date
from ..content.phrasing import fact_text
from .csl import csl_item

# TeX's special characters, written so that BibTeX prints them as they are.
TEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
               "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}  # fmt: skip
# biblatex's entry type for each CSL type the site writes.
BIBTEX_TYPES = {"article-newspaper": "article", "webpage": "online", "report": "report", "document": "misc"}
NO_DATE = "n.d."
# A word, without the punctuation around it ("Bezos," braces "Bezos"), that has a capital.
WORD_WITH_A_CAPITAL = r"[^\s\[\](),.;:!?\u201c\u201d]*[A-Z][^\s\[\](),.;:!?\u201c\u201d]*"


@dataclass(frozen=True)
class PageCitation:
    text: str
    bibtex: str
    csl_json: str
    reuse: Markup  # who may reuse what, with a link to the project's licence


def citation_base(settings) -> str:
    return settings["SITEURL"] or settings["CITATION_SITEURL"]


def citation_key(settings, page_url: str) -> str:
    """'timeline/group/amazon/' -> 'amazon-employees-letter-explained-timeline-group-amazon': the
    site's name first, so that a key in someone's bibliography says whose page it is."""
    site = re.sub(r"^the-", "", _slug(settings["SITENAME"]))
    return f"{site}-{_slug(page_url) or 'home'}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "").replace("\u2019", "")).strip("-")


def _tex(text: str) -> str:
    return "".join(TEX_ESCAPES.get(char, char) for char in text)


def _tex_title(text: str) -> str:
    """Escaped, each word with a capital in braces: styles that set titles in sentence case
    lower-case every word they may ("Amazon" would print "amazon")."""
    return re.sub(WORD_WITH_A_CAPITAL, lambda word: "{" + word[0] + "}", _tex(text))


def _bibtex(entry_type: str, key: str, fields: dict[str, str]) -> str:
    lines = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@{entry_type}{{{key},\n{lines}\n}}"


def _one_field_a_line(record: dict) -> str:
    """The record as a CSL-JSON list, one field a line: short enough to read and copy."""
    lines = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in record.items())
    return f"[\n  {{\n{lines}\n  }}\n]"


def _licence(settings) -> Markup:
    return Markup('<a href="{}" rel="license">{}</a>').format(
        settings["WRITING_LICENSE_URL"], settings["WRITING_LICENSE"]
    )


def page_citation(name: str, page_url: str, changed: str | None, settings) -> PageCitation:
    """`name` as the page's heading shows it (a bracketed title stays bracketed); `changed` is
    the ISO day its file last changed, or None outside the repository's history."""
    url = f"{citation_base(settings)}/{page_url}"
    site, author, key = settings["SITENAME"], settings["AUTHOR"], citation_key(settings, page_url)
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
    fields = {"author": "{" + _tex(author) + "}", "title": _tex_title(name), "organization": _tex_title(site)}
    fields |= {"date": date.iso(), "year": str(date.year)} if date else {}
    fields |= {"url": url, "langid": "english"}
    return PageCitation(
        text=f"{author}. {title} {site}. {when} {url}",
        bibtex=_bibtex("online", key, fields),
        csl_json=_one_field_a_line(record),
        reuse=Markup(
            "Reuse: the project's writing here is {}; quoted words keep their sources' rights."
        ).format(_licence(settings)),
    )


def _names_text(record: dict) -> str:
    names = [
        n.get("literal") or ", ".join(filter(None, (n["family"], n.get("given")))) for n in record["author"]
    ]
    return names[0] if len(names) == 1 else "; ".join(names)


def _bibtex_name(name: dict) -> str:
    if "literal" in name:
        return "{" + _tex(name["literal"]) + "}"  # one name, never split into given and family
    return ", ".join(_tex(part) for part in (name["family"], name.get("given")) if part)


def _bibtex_type(record: dict) -> str:
    """biblatex's type for the record's; an @online must have its own address, so a web page
    whose original address is not known is @misc."""
    entry_type = BIBTEX_TYPES[record["type"]]
    return "misc" if entry_type == "online" and "URL" not in record else entry_type


def _sentence(text: str) -> str:
    return text if text.endswith(".") else f"{text}."


def _source_reuse(source, settings) -> Markup:
    rights = source.rights
    stated = _sentence(f"Its rights: {fact_text(rights)}") + (
        f" {_sentence(rights.note)}" if rights.note else ""
    )
    return Markup(
        "Reuse: the {kind}'s text is not the project's. {rights} "
        "The project's notes on it here are {licence}."
    ).format(kind=source.kind, rights=stated, licence=_licence(settings))


def source_citation(source, settings) -> PageCitation:
    """The source's own reference, as its record in /data/sources.json gives it: a value the
    project worked out in square brackets, this site's copy named as the archive."""
    copy_url = f"{citation_base(settings)}/{source.url}"
    record = csl_item(source, citation_base(settings), settings["SITENAME"])
    date, issued = source.date, record.get("issued", {})
    when = issued.get("literal") or (date.value.text() if date.known else NO_DATE)
    title = f"{record['title']}." if record["title"].startswith("[") else f"\u201c{record['title']}.\u201d"
    # Author, date, title, as author-date styles order them; with no author, the title leads.
    lead = [f"{_names_text(record)}.", f"{when}.", title] if "author" in record else [title, f"{when}."]
    rest = [f"{record['container-title']}." if "container-title" in record else ""]
    rest += [f"Original: {record['URL']}." if "URL" in record else ""]
    rest += [f"Copy: {record['archive']}, {copy_url}"]
    container = "journal" if record["type"] == "article-newspaper" else "organization"
    bracketed = json.dumps([record.get(k) for k in ("title", "author", "container-title", "issued")])
    fields = {
        "author": " and ".join(_bibtex_name(n) for n in record.get("author", ())),
        "title": _tex_title(record["title"]),
        container: _tex_title(record.get("container-title", "")),
        # Classic styles print the bracketed year as it is; biber warns that it is not a number
        # and leaves it out, which is true to a copy that shows no date.
        "date": date.value.iso() if "date-parts" in issued else "",
        "year": str(date.value.year) if "date-parts" in issued else issued.get("literal", ""),
        "url": record.get("URL", ""),
        "note": _tex(
            ("Square brackets mark what the copy does not show. " if "[" in bracketed else "") + rest[-1]
        ),
        "langid": "english",
    }
    return PageCitation(
        text=" ".join(part for part in lead + rest if part),
        bibtex=_bibtex(_bibtex_type(record), source.slug, fields),
        csl_json=_one_field_a_line(record),
        reuse=_source_reuse(source, settings),
    )
