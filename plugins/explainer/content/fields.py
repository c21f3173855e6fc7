"""The fields each kind of content takes (the schema contributors write against)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import PartialDate
from .facts import Fact, FieldError, date_value, text_value, url_value
from .names import names_value
from .schema import FieldSpec, choice, fact

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SOURCE_KINDS = ("news report", "opinion", "report", "press release", "primary document")


@dataclass
class RelativeDate:
    phrase: str
    paragraph: int
    index: int = 0  # its place in the file's list, for the line an error names
    resolved: PartialDate | None = None
    basis: str | None = None
    unresolved: str | None = None  # why the phrase names no date the build can work out


def slug_value(raw) -> str:
    text = text_value(raw)
    if not SLUG.fullmatch(text):
        raise FieldError(f"'{text}' is not a slug", "give a file name from content/sources/ without .md")
    return text


def text_list(raw) -> list[str]:
    if not isinstance(raw, list):
        raise FieldError("this field must be a list", "write each entry on its own line starting with '- '")
    return [text_value(item) for item in raw]


_RELATIVE_DATE_KEYS = {"phrase", "paragraph", "unresolved"}


def relative_dates_value(raw) -> list[RelativeDate]:
    if not isinstance(raw, list):
        raise FieldError(
            "relative dates must be a list", "write '- phrase: Last Thursday' and 'paragraph: 1' per entry"
        )
    entries = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict) or not {"phrase", "paragraph"} <= set(entry) <= _RELATIVE_DATE_KEYS:
            raise FieldError(
                "each entry needs 'phrase' and 'paragraph' (and may say why it is 'unresolved')",
                "write '- phrase: …' and '  paragraph: N'",
                (index,),
            )
        paragraph = entry["paragraph"]
        if not isinstance(paragraph, int) or isinstance(paragraph, bool) or paragraph < 1:
            raise FieldError(
                "'paragraph' must be a whole number from 1",
                "give the paragraph's number as the page shows it",
                (index, "paragraph"),
            )
        unresolved = text_value(entry["unresolved"]) if "unresolved" in entry else None
        entries.append(RelativeDate(text_value(entry["phrase"]), paragraph, index, unresolved=unresolved))
    return entries


SOURCE_FIELDS = [
    FieldSpec("title", fact(text_value), hint="the headline as the copy shows it, or unknown"),
    FieldSpec("label", text_value, required=False, hint="a short description"),
    FieldSpec("kind", choice(*SOURCE_KINDS), hint="news report"),
    FieldSpec("publication", fact(text_value), hint="the publication's name, or unknown"),
    FieldSpec("authors", fact(names_value), hint="[{given: Ann, family: Writer}], or unknown"),
    FieldSpec("date", fact(date_value), hint="2018-06-25, or unknown"),
    FieldSpec("original_url", fact(url_value), hint="https://…, or unknown"),
    FieldSpec("archived_url", fact(url_value), hint="https://…, or unknown"),
    FieldSpec("accessed", fact(date_value), hint="the date the copy was taken, or unknown"),
    # What the copy shows of who may reuse the text: a licence, or unknown (with a note).
    FieldSpec("rights", fact(text_value), required=False, default=Fact(), hint="CC BY 4.0, or unknown"),
    FieldSpec("summary", text_value, hint="one line in the project's own words"),
    FieldSpec("text_from", slug_value, required=False),
    FieldSpec("edits", text_list, required=False, default=()),
    FieldSpec("relative_dates", relative_dates_value, required=False, default=()),
]

PAGE_FIELDS = [
    FieldSpec("title", text_value, hint="the page title"),
    FieldSpec("description", text_value, hint="one sentence for search engines and link previews"),
]


# Timeline groups: the slug used in files and addresses, and the label readers see.
EVENT_GROUPS = {
    "amazon": "Amazon",
    "microsoft": "Microsoft and GitHub",
    "google": "Google",
    "palantir": "Palantir",
    "government": "Government",
    "civil-society": "Civil society",
    "press": "Press",
    "history": "History",
}
ENTITY_TYPES = (
    "company",
    "government agency",
    "organisation",
    "person",
    "product",
    "programme",
    "publication",
    "group of people",
)


# Types whose entities are named in the plural ("Google employees"): a verb after one agrees.
PLURAL_TYPES = frozenset({"group of people"})

ENTITY_TYPE_PLURALS = {
    "company": "companies",
    "government agency": "government agencies",
    "organisation": "organisations",
    "person": "people",
    "product": "products",
    "programme": "programmes",
    "publication": "publications",
    "group of people": "groups of people",
}


def slug_list(raw) -> list[str]:
    if not isinstance(raw, list) or not raw:
        raise FieldError("this field must be a list of slugs", "write e.g. [amazon, jeff-bezos]")
    values = []
    for index, item in enumerate(raw):
        try:
            values.append(slug_value(item))
        except FieldError as exc:
            raise FieldError(
                exc.problem, "give the file name from content/entities/ without .md", (index,)
            ) from None
    return values


def boolean_value(raw) -> bool:
    if not isinstance(raw, bool):
        raise FieldError("this field must be true or false", "write true or false")
    return raw


def event_date_value(raw):
    """An event's date may be inferred (with a basis) but not unknown: it must be placed in time."""
    parsed = fact(date_value)(raw)
    if not parsed.known:
        raise FieldError(
            "an event needs a date",
            "give at least the year; add earliest: and latest: for a date known within bounds",
        )
    return parsed


def follows_value(raw) -> list[dict]:
    """What an event comes after: event slugs, each with the claim that explains dates that say otherwise."""
    if not isinstance(raw, list) or not raw:
        raise FieldError("'follows' must list events", "write '- event: employees-letter'")
    found = []
    for index, item in enumerate(raw):
        if isinstance(item, str):
            item = {"event": item}
        if not isinstance(item, dict) or "event" not in item or set(item) - {"event", "explained_by"}:
            raise FieldError(
                "each entry names the 'event' it follows (and may name the claim that 'explained_by')",
                "write '- event: employees-letter' and, if the dates disagree, '  explained_by: <claim>'",
                (index,),
            )
        found.append(
            {
                "event": slug_value(item["event"]),
                "explained_by": slug_value(item["explained_by"]) if "explained_by" in item else None,
                "index": index,
            }
        )
    return found


EVENT_FIELDS = [
    FieldSpec("title", text_value, hint="a short title in the project's own words"),
    FieldSpec("date", event_date_value, hint="2018-06-21, 2018-06 or 2018"),
    FieldSpec("end", event_date_value, required=False),
    FieldSpec("group", choice(*EVENT_GROUPS), hint="amazon"),
    FieldSpec("entities", slug_list, hint="[amazon, jeff-bezos]"),
    FieldSpec("expected", boolean_value, required=False, default=False),
    FieldSpec("follows", follows_value, required=False, default=()),
]

# How one entity stands to another in the diagram: verb -> the phrase readers see after a
# singular subject and after a plural one ("Amazon employees protest to Jeff Bezos").
RELATIONSHIP_VERBS = {
    "hosts": ("hosts", "host"),
    "serves": ("serves", "serve"),
    "supplies": ("supplies", "supply"),
    "owns": ("owns", "own"),
    "protests": ("protests to", "protest to"),
    "petitions": ("petitions", "petition"),
}


def relationship_phrase(verb: str, plural_subject: bool) -> str:
    return RELATIONSHIP_VERBS[verb][plural_subject]


def relationships_value(raw):
    """[{verb, object, cite}]: how this entity stands to another, with the paragraph that says so."""
    if not isinstance(raw, list):
        raise FieldError(
            "relationships must be a list", "write '- verb: hosts', 'object: palantir' and 'cite: …'"
        )
    found = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) != {"verb", "object", "cite"}:
            missing = (
                "a citation ('cite')"
                if isinstance(item, dict) and "cite" not in item
                else "verb, object and cite"
            )
            raise FieldError(
                f"each relationship needs {missing}",
                "write verb, object and cite, e.g. cite: wsws-2018-06-25, para. 8",
                (index,),
            )
        if item["verb"] not in RELATIONSHIP_VERBS:
            raise FieldError(
                f"'{item['verb']}' is not a known relationship",
                f"write one of: {', '.join(RELATIONSHIP_VERBS)}",
                (index, "verb"),
            )
        found.append(
            {
                "verb": item["verb"],
                "object": slug_value(item["object"]),
                "cite": text_value(item["cite"]),
                "index": index,
            }
        )
    return found


ENTITY_FIELDS = [
    FieldSpec("name", text_value, hint="the name most sources use"),
    FieldSpec("type", choice(*ENTITY_TYPES), hint="company"),
    FieldSpec("aliases", text_list, required=False, default=()),
    FieldSpec("relationships", relationships_value, required=False, default=()),
]


# Demand categories, in the project's own words: the rows of /demands/.
DEMAND_CATEGORIES = {
    "stop-face-recognition-sales": "Stop selling face recognition to police and governments",
    "end-ice-support": "End contracts and services that support ICE",
    "transparency": "Disclose which agencies use the technology, and how",
    "stop-military-work": "Stop work on military artificial intelligence",
    "leave-surveillance-business": "Get out of the surveillance business",
}
# The same, as short as a column heading of the demands matrix can be (with soft hyphens).
DEMAND_SHORT_LABELS = {
    "stop-face-recognition-sales": "Face recog\u00adnition",
    "end-ice-support": "ICE",
    "transparency": "Dis\u00adclosure",
    "stop-military-work": "Military",
    "leave-surveillance-business": "Surveil\u00adlance",
}
CAMPAIGN_FORMS = (
    "open letter",
    "coalition letter",
    "petition",
    "internal petition",
    "resignations",
    "threat to move projects",
)
NOT_REPORTED = "not reported"


def _cited_quote(raw, index, extra=("category",)) -> dict:
    """{quote: words as the source has them, cite: 'key, para. N'}: a checked quotation."""
    if not isinstance(raw, dict) or set(raw) - {"quote", "cite", *extra} or not {"quote", "cite"} <= set(raw):
        raise FieldError(
            "each entry needs 'quote' (the source's words) and 'cite' (key, para. N)",
            "write '- quote: …' and '  cite: wsws-2018-06-25, para. 3'",
            (index,),
        )
    return {key: text_value(value) for key, value in raw.items()}


def sourced_quotes(raw):
    """A list of cited quotations, or 'not reported' (the sources give none)."""
    if isinstance(raw, str) and raw.strip().lower() == NOT_REPORTED:
        return []
    if not isinstance(raw, list) or not raw:
        raise FieldError(
            "this field must list cited quotations", f"write '- quote: …' entries, or '{NOT_REPORTED}'"
        )
    return [_cited_quote(item, index) for index, item in enumerate(raw)]


def demands_value(raw):
    if not isinstance(raw, list) or not raw:
        raise FieldError(
            "a campaign needs at least one demand", "write '- category: …', 'quote: …' and 'cite: …'"
        )
    demands = []
    for index, item in enumerate(raw):
        demand = _cited_quote(item, index)
        if demand.get("category") not in DEMAND_CATEGORIES:
            raise FieldError(
                f"'{demand.get('category')}' is not a demand category",
                f"write one of: {', '.join(DEMAND_CATEGORIES)}",
                (index, "category"),
            )
        demands.append(demand)
    return demands


CAMPAIGN_FIELDS = [
    FieldSpec("title", text_value, hint="a short name in the project's own words"),
    FieldSpec("actor", slug_value, hint="the entity that campaigned, e.g. amazon-employees"),
    FieldSpec("targets", slug_list, hint="[jeff-bezos, amazon]"),
    FieldSpec("date", event_date_value, hint="2018-06-21"),
    FieldSpec("form", choice(*CAMPAIGN_FORMS), hint="open letter"),
    FieldSpec("participants", sourced_quotes, hint=f"cited figures, or {NOT_REPORTED}"),
    FieldSpec("demands", demands_value, hint="a list of cited demands"),
    FieldSpec("outcome", sourced_quotes, hint=f"cited outcome, or {NOT_REPORTED}"),
]


def answers_value(raw):
    """Each source's answer to a claim: its value, its own words (quote) and the citation."""
    if not isinstance(raw, list) or not raw:
        raise FieldError("a claim needs at least one answer", "write '- value: …', 'quote: …' and 'cite: …'")
    answers = []
    for index, item in enumerate(raw):
        answer = _cited_quote(item, index, extra=("value", "reckoning"))
        if "value" not in answer:
            raise FieldError(
                "each answer needs a 'value'",
                "give the figure as the source states it, e.g. 'over 40'",
                (index,),
            )
        answers.append(answer)
    return answers


CLAIM_FIELDS = [
    FieldSpec("question", text_value, hint="a question of fact in the project's own words"),
    FieldSpec("entities", slug_list, required=False, default=()),
    FieldSpec("disputed", boolean_value, required=False, default=False),
    FieldSpec("answers", answers_value, hint="a list of cited answers"),
]
