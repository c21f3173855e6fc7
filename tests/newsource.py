"""A valid new source, as a contributor's pull request would add it, with content citing it.

Everything it refers to (an entity, a passage of a primary document, a demand category) is taken
from the content it is added to, so it stays valid whatever that content holds.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from explainer.content.fields import DEMAND_CATEGORIES
from explainer.text.letter_quotes import MIN_WORDS

SLUG = "new-report-2018-06-27"
FIGURE = "counted 12 signatures"


def _quotable_passage(model) -> tuple[str, str]:
    """A paragraph of a primary document to quote, and the demand category it belongs to.

    The paragraph a campaign's demand cites, where there is one, so that the new source's wording
    joins the comparison on /demands/; else any paragraph long enough to count as a quotation.
    """
    for campaign in model.campaigns:
        for demand in campaign.demands:
            source, pinpoint = demand.citation.note.source, demand.citation.pinpoint
            if source.kind == "primary document" and pinpoint:
                return source.paragraphs[pinpoint.first - 1], demand.category
    paragraphs = [p for s in model.sources if s.kind == "primary document" for p in s.paragraphs]
    long_enough = [p for p in paragraphs if len(p.split()) > MIN_WORDS and '"' not in p]
    return (long_enough[0] if long_enough else "No document is quoted."), next(iter(DEMAND_CATEGORIES))


def new_source_files(model) -> dict[str, str]:
    """The files to add below content/: the source, and an event, a claim and a campaign citing it."""
    entities = sorted(model.entities.values(), key=lambda entity: entity.slug)
    actor, target = entities[0], entities[-1]
    passage, category = _quotable_passage(model)
    source = f"""\
        ---
        title: A new report on the employees' letter
        kind: news report
        publication:
          value: Example Weekly
          status: inferred
          basis: The copy's footer names Example Weekly; the copy has no masthead.
        authors: [{{given: Jo Ann, family: Sample}}, {{organisation: Example Weekly Staff}}]
        date: 2018-06-27
        original_url: https://example.org/new-report
        archived_url:
          status: unknown
          note: No archived copy is known.
        accessed:
          value: 2018-06-28
          status: inferred
          basis: The copy was saved the day after it appeared.
        summary: A report added by the test suite, to prove that a new source passes every check.
        edits:
          - Joined the second paragraph, which the copy split in two.
        relative_dates:
          - phrase: Last Thursday
            paragraph: 1
          - phrase: last month
            paragraph: 3
        ---
        Last Thursday, {actor.name} was named in a new report on the employees' letter.

        \u201c{passage}\u201d

        It {FIGURE} on a copy seen last month.
        """
    event = f"""\
        ---
        title: A new report on the letter appears
        date:
          value: 2018-06-27
          status: inferred
          basis: The new report is dated 27 June 2018.
        group: press
        entities: [{actor.slug}]
        ---
        A new report names {actor.name}.[@{SLUG}, para. 1] It says it "{FIGURE}".[@{SLUG}, para. 3]
        """
    claim = f"""\
        ---
        question: How many signatures did the new report count?
        entities: [{actor.slug}]
        answers:
          - value: '12'
            quote: {FIGURE}
            cite: {SLUG}, para. 3
        ---
        """
    campaign = f"""\
        ---
        title: The campaign the new report describes
        actor: {actor.slug}
        targets: [{target.slug}]
        date: 2018-06
        form: petition
        participants:
          - quote: {FIGURE}
            cite: {SLUG}, para. 3
        demands:
          - category: {category}
            quote: {json.dumps(passage.split(".")[0])}
            cite: {SLUG}, para. 2
        outcome: not reported
        ---
        """
    return {
        f"sources/{SLUG}.md": source,
        f"events/{SLUG}.md": event,
        f"claims/{SLUG}.md": claim,
        f"campaigns/{SLUG}.md": campaign,
    }


def add_a_new_source(content: Path, model) -> None:
    for relative, text in new_source_files(model).items():
        (content / relative).write_text(textwrap.dedent(text), encoding="utf-8")
