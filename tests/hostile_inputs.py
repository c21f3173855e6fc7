"""Malformed and malicious contributions, as files to add to a small valid content tree
(tests/contenttree.py): the inputs that must fail, with a fragment of their one error, and the
payloads that must build and reach the page only as inert text (tests/content/test_hostile.py)."""

from __future__ import annotations

import json

from contenttree import GOOD_SOURCE, campaign_text, claim_text, event_text

PAGE = "---\ntitle: {title}\ndescription: {description}\n---\n{body}\n"
ENTITY = "---\nname: {name}\ntype: organisation\n{extra}---\nIt is named.[@good-source]\n"


def source(**changes) -> str:
    """The good source with fields changed, or added before the closing fence."""
    text = GOOD_SOURCE
    for key, value in changes.items():
        if f"\n{key}:" in text:
            lines = text.split("\n")
            text = "\n".join(f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines)
        else:
            head, fence, body = text.partition("\n---\n")
            text = f"{head}\n{key}: {value}{fence}{body}"
    return text


def yaml_text(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML string, whatever quotes it holds


# (file, content, fragment of the one expected error)
FAILING = [
    (
        "sources/bad.md",
        source().replace(
            "Last Thursday, something happened.", "Last Thursday, <script>alert(1)</script> happened."
        ),
        "raw HTML is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body='<iframe src="https://evil.example"></iframe>'),
        "raw HTML is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="<a onclick=alert(1)>x</a>"),
        "raw HTML is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[x](javascript:alert(1))"),
        "scheme that is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[x](&#106;avascript:alert(1))"),
        "scheme that is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[x](data:text/html;base64,PHNjcmlwdD4=)"),
        "scheme that is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="![x](data:image/svg+xml,<svg onload=alert(1)>)"),
        "would load from another site",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="![x](https://tracker.example/p.gif)"),
        "would load from another site",
    ),
    ("sources/bad.md", source(original_url="'javascript:alert(1)'"), "is not a web address"),
    ("sources/bad.md", source(archived_url="'data:text/html,hi'"), "is not a web address"),
    ("sources/bad.md", source(date="2018-13-01"), "has no month 13"),
    ("events/bad.md", event_text(date="2018-02-30"), "is not a day of the calendar"),
    ("events/bad.md", event_text(extra="end: 2017-01-01\n"), "before it starts"),
    ("sources/bad.md", source(summary="", kind="report"), "the required field 'summary' is missing"),
    (
        "campaigns/bad.md",
        campaign_text().replace("outcome: not reported\n", ""),
        "the required field 'outcome' is missing",
    ),
    (
        "claims/bad.md",
        claim_text([("1", "Last Thursday", "good-source, para. 1")], extra="colour: blue\n"),
        "'colour' is not a field",
    ),
    ("sources/bad.md", source(authors="42"), "authors: this field must be a name or a list of names"),
    ("events/bad.md", event_text(entities="example-news"), "entities: this field must be a list of slugs"),
    ("sources/bad.md", "---\ntitle: x\n\tkind: report\n---\nText.\n", "the metadata is not valid YAML"),
    ("sources/bad.md", "---\ntitle: [unclosed\n---\nText.\n", "the metadata is not valid YAML"),
    ("sources/bad.md", b"---\ntitle: \xff\xfe\n---\n", "the file is not valid UTF-8"),
    ("sources/bad.md", "", "does not start with a metadata block"),
    ("sources/bad.md", "\ufeff", "does not start with a metadata block"),
    (
        "sources/bad.md",
        source().replace("kind: news report", "kind: news report\nkind: report"),
        "the field 'kind' is given twice",
    ),
    (
        "pages/sources.md",
        PAGE.format(title="T", description="D", body="x"),
        "the address /sources/ is already used",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="Claim.[@nowhere]"),
        "no source has the key 'nowhere'",
    ),
    ("events/bad.md", event_text(entities="[nobody]"), "no entity has the slug 'nobody'"),
    ("sources/bad.md", source(text_from="bad"), "text_from names 'bad', which is not another source"),
    (
        "entities/bad.md",
        ENTITY.format(
            name="Bad", extra="relationships:\n  - verb: owns\n    object: bad\n    cite: good-source\n"
        ),
        "given a relationship with itself",
    ),
    (
        "entities/bad.md",
        ENTITY.format(name="Bad", extra="aliases: [Example]\n"),
        "the name 'Example' is also claimed by content/entities/",
    ),
    ("campaigns/bad.md", campaign_text(quote="words nobody wrote"), "is not in good-source, para. 2"),
    (
        "sources/bad.md",
        "---\n"
        + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abc", "bcd", strict=True))
        + "---\n",
        "far too large",
    ),
    ("sources/bad.md", "---\ntitle: x\n---\n" + "word " * 250_000, "more than the 1,000,000 allowed"),
    ("sources/Bad File.md", source(), "is not a valid slug"),
    # Parsers that recurse, and numbers Python will not read (issue 23).
    (
        "claims/bad.md",
        "---\nquestion: " + "[" * 30_000 + "\n---\n",
        "more than 16 brackets inside one another",
    ),
    # Balanced on one line, or after a quotation mark or '#' that YAML reads as text: each reached
    # LibYAML's parser (a RecursionError at 500 deep, a segmentation fault at 30,000).
    ("claims/bad.md", "---\nquestion: " + "[" * 500 + "]" * 500 + "\n---\n", "more than 16 brackets"),
    ("claims/bad.md", "---\nquestion: [it's, " + "[" * 500 + "]" * 501 + "\n---\n", "more than 16 brackets"),
    ("claims/bad.md", "---\nquestion: [a#b, " + "[" * 500 + "]" * 501 + "\n---\n", "more than 16 brackets"),
    ("sources/bad.md", source() + "".join("    " * i + "- item\n" for i in range(500)), "nested too deeply"),
    ("sources/bad.md", source() + "> " * 500 + "deep\n", "the text is nested too deeply"),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="X.[@good-source, para. " + "1" * 5000 + "]"),
        "is not a paragraph number a source could have",
    ),
    ("sources/bad.md", source().replace("paragraph: 1", "paragraph: 1" + "0" * 5000), "more than 9 digits"),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[x](/sources/good-source/#p" + "9" * 5000 + ")"),
        "names a paragraph that does not exist",
    ),
    # Markdown that Python-Markdown reads ahead through once a level, in the square of the depth.
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[" * 2000 + "x" + "]" * 2000),
        "the text nests brackets 17 deep here",
    ),
    ("pages/bad.md", PAGE.format(title="T", description="D", body="![x" * 2000), "nests brackets"),
    ("pages/bad.md", PAGE.format(title="T", description="D", body="[x](" * 2000), "nests links' addresses"),
    ("pages/bad.md", PAGE.format(title="T", description="D", body='[x]("a)' * 2000), "links' addresses"),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="*a " * 2000 + "x" + " b*" * 2000),
        "the text nests emphasis 17 deep here",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="> _a\n>_ b\n" * 2000 + "> x" + " y_" * 2000),
        "nests emphasis",
    ),
    (
        "claims/bad.md",
        claim_text([("1", yaml_text("[" * 20 + "a quotation" + "]" * 20), "good-source, para. 2")]),
        "the text nests brackets 17 deep here",
    ),
    # Characters a reader cannot see.
    ("sources/bad.md", source().replace("something happened", "something\x00happened"), "U+0000 NUL"),
    (
        "events/bad.md",
        event_text().replace("Something happened", "\u202eSomething happened"),
        "U+202E RIGHT-TO-LEFT OVERRIDE",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="Text \u2066isolated\u2069."),
        "bidirectional",
    ),
    ("entities/bad.md", ENTITY.format(name="Ev\u200bil", extra=""), "U+200B ZERO WIDTH SPACE"),
    ("sources/bad.md", source().replace("something happened", "something\x9bhappened"), "control character"),
    # ... written as YAML escapes, which no line shows, at any depth and in field names too.
    (
        "events/bad.md",
        event_text().replace("title: Something happened", 'title: "\\u202eAmazon\\0 letter"'),
        "U+202E RIGHT-TO-LEFT OVERRIDE",
    ),
    ("sources/bad.md", source(title='"A \\0 headline"'), "U+0000 NUL"),
    ("sources/bad.md", source(authors='[{given: "Ann\\u2066", family: Writer}]'), "U+2066"),
    ("sources/bad.md", source(kind='news report\n"\\u200bkind": report'), "U+200B ZERO WIDTH SPACE"),
    # ... or as character references, which a browser turns into the character.
    (
        "events/bad.md",
        event_text(body="It happened &#x202E;here.[@good-source, para. 1]"),
        "(U+202E RIGHT-TO-LEFT OVERRIDE), written as the reference &#x202E;",
    ),
    ("pages/bad.md", PAGE.format(title="T", description="D", body="A &#0; B"), "U+0000 NUL"),
    ("pages/bad.md", PAGE.format(title="T", description="D", body="A &rlm;B"), "U+200F RIGHT-TO-LEFT MARK"),
    ("events/bad.md", event_text().replace("title: Something happened", "title: '&#8238;x'"), "U+202E"),
    ("sources/bad.md", source(summary='"A \\x26#x9B; summary"'), "U+009B"),  # an escape writes the '&'
    # Words slipped past the quotation checks.
    (
        "claims/bad.md",
        claim_text(
            [("x", yaml_text('Over 9,000 employees signed" and "a quotation'), "good-source, para. 2")]
        ),
        "is not in good-source, para. 2",
    ),
    (
        "claims/bad.md",
        claim_text([("x", yaml_text("[Over 9,000 people signed] a quotation"), "good-source, para. 2")]),
        "states a figure",
    ),
    (
        "claims/bad.md",
        claim_text([("over 950,000", "a quotation", "good-source, para. 2")]),
        "the value 'over 950,000' states 950000, which its quotation does not",
    ),
    (
        "pages/bad.md",
        PAGE.format(
            title="T",
            description="D",
            body='It said "a quotation" and "over 9,000 people".[@good-source, para. 2]',
        ),
        "is not in good-source, para. 2",
    ),
    # Dates that cannot be.
    ("sources/bad.md", source(accessed="2001-01-01"), "before the source was published"),
    ("events/bad.md", event_text(date="2099-01-01"), "after every source that reports it"),
]

# Payloads that are legitimate text and must build, reaching the page only as escaped text.
PAYLOADS = {
    "title": '"><script>alert("title")</script>',
    "summary": "<img src=x onerror=alert('summary')>",
    "label": "javascript:alert('label')",
    "description": "</script><script>alert('jsonld')</script>",
    "name": "<b onmouseover=alert('name')>Evil Corp</b>",
    "event": "{{ 7*7 }} {% raw %}<svg onload=alert('event')>",
    "event title": "<img src=x onerror=alert('export')>",
}
