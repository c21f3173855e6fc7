"""How other sources word a passage: find each close copy and mark every difference.

Used for the Amazon letter's demands: each source that reproduces a demand is aligned word by
word with the letter, and the differences are named (punctuation, spelling, added or missing
words, a truncated end), computed from the texts rather than typed in.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .normal import normalise

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
# A paragraph this similar to the passage (0–1, over words and punctuation) is a copy of it.
SIMILAR_ENOUGH = 0.7


@dataclass
class Segment:
    text: str
    change: str | None = None  # None, "changed", "added" or "missing"


@dataclass
class Wording:
    source: object  # model.Source
    paragraph: int
    text: str
    segments: list[Segment] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)


def _tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text))


def tokens(text: str) -> list[str]:
    """Words (with their apostrophes) and single punctuation marks."""
    return _TOKEN.findall(text)


def _is_punctuation(tokens: list[str]) -> bool:
    return all(not token[0].isalnum() for token in tokens)


PUNCTUATION_NAMES = {
    '"': "a straight quotation mark",
    "\u201c": "an opening quotation mark",
    "\u201d": "a closing quotation mark",
    "'": "an apostrophe",
    ".": "a full stop",
    ",": "a comma",
    ";": "a semicolon",
    ":": "a colon",
    "-": "a hyphen",
    "\u2014": "a dash",
    "\u2013": "a dash",
}


def _named(tokens: list[str]) -> str:
    return " and ".join(PUNCTUATION_NAMES.get(token, f"“{token}”") for token in tokens)


def _describe(op: str, original: list[str], copy: list[str], said: str, wrote: str, at_end: bool) -> str:
    """Name one difference; `said` and `wrote` are the two passages as written."""
    if op == "insert":
        return f"adds {_named(copy)}" if _is_punctuation(copy) else f"adds the words “{wrote}”"
    if op == "delete":
        if _is_punctuation(original):
            return f"leaves out {_named(original)}"
        return f"{'stops before' if at_end else 'leaves out'} the words “{said}”"
    if _is_punctuation(original) and _is_punctuation(copy):
        return f"has {_named(copy)} for {_named(original)}"
    if len(original) == len(copy) == 1 and normalise(said) == normalise(wrote):
        return f"types “{said}” as “{wrote}” (quotation mark or apostrophe style)"
    if (
        len(original) == len(copy) == 1
        and difflib.SequenceMatcher(None, said.lower(), wrote.lower()).ratio() >= 0.7
    ):
        return f"spells “{said}” as “{wrote}”"
    return f"has “{wrote}” for “{said}”"


def _slide_punctuation(opcodes, words: list[str]) -> list[tuple]:
    """Move a left-out stretch that starts with the mark it ends before, so it ends with it.

    "report. We know it. We refuse" against "report. We refuse": difflib may leave out
    ". We know it" where a reader expects "We know it." The two are equivalent diffs.
    """
    ops = [list(op) for op in opcodes]
    for i in range(1, len(ops) - 1):
        before, gap, after = ops[i - 1], ops[i], ops[i + 1]
        if gap[0] != "delete" or before[0] != "equal" or after[0] != "equal":
            continue
        while after[2] > after[1] and not words[gap[1]][0].isalnum() and words[gap[1]] == words[gap[2]]:
            before[2] += 1
            before[4] += 1
            gap[1], gap[2], gap[3], gap[4] = gap[1] + 1, gap[2] + 1, gap[3] + 1, gap[4] + 1
            after[1] += 1
            after[3] += 1
    return [tuple(op) for op in ops if op[2] > op[1] or op[4] > op[3]]


@dataclass(frozen=True)
class Difference:
    """One difference of a copy from its original: where it stands in each, and in words."""

    change: str  # "changed", "added" or "missing"
    start: int  # the original's words, as character offsets; start == end where the copy adds
    end: int
    copy_start: int  # the copy's words; copy_start == copy_end where it leaves words out
    copy_end: int
    description: str


def compare(original: str, copy: str) -> list[Difference]:
    """Every difference of the copy from the original, in order."""
    a, b = _tokens(original), _tokens(copy)
    matcher = difflib.SequenceMatcher(None, [t.group() for t in a], [t.group() for t in b], autojunk=False)
    found = []
    for op, a1, a2, b1, b2 in _slide_punctuation(matcher.get_opcodes(), [t.group() for t in a]):
        if op == "equal":
            continue
        start = b[b1].start() if b1 < len(b) else len(copy)
        end = b[b2 - 1].end() if b2 > b1 else start
        # Words the copy adds stand right after the original's word before them.
        said_start = a[a1].start() if a2 > a1 else (a[a1 - 1].end() if a1 else 0)
        said_end = a[a2 - 1].end() if a2 > a1 else said_start
        said = original[said_start:said_end]
        change = {"delete": "missing", "insert": "added"}.get(op, "changed")
        described = _describe(
            op,
            [t.group() for t in a[a1:a2]],
            [t.group() for t in b[b1:b2]],
            said,
            copy[start:end],
            at_end=a2 == len(a),
        )
        found.append(Difference(change, said_start, said_end, start, end, described))
    return found


def align(original: str, copy: str) -> tuple[list[Segment], list[str]]:
    """The copy as segments marked against the original, and the differences in words."""
    segments, position = [], 0
    differences = compare(original, copy)
    for difference in differences:
        if difference.copy_start > position:
            segments.append(Segment(copy[position : difference.copy_start]))
        if difference.change == "missing":
            segments.append(Segment(original[difference.start : difference.end], "missing"))
        else:
            segments.append(Segment(copy[difference.copy_start : difference.copy_end], difference.change))
        position = max(position, difference.copy_end)
    if position < len(copy):
        segments.append(Segment(copy[position:]))
    return segments, [difference.description for difference in differences]


def _words(text: str) -> list[str]:
    return [t.group().lower() for t in _tokens(text)]


@dataclass(eq=False)  # keyed by what it is made of (model/cache_keys.py)
class WordingFinder:
    """The paragraphs of other sources that copy one passage, a source at a time."""

    original: str
    _matcher: difflib.SequenceMatcher | None = field(default=None, init=False, compare=False)

    def in_source(self, source) -> list[Wording]:
        if self._matcher is None:  # made when first needed: a rebuild may find every answer cached
            self._matcher = difflib.SequenceMatcher(None, autojunk=False)
            self._matcher.set_seq1(_words(self.original))
        matcher, found = self._matcher, []
        for number, paragraph in enumerate(source.paragraphs, 1):
            matcher.set_seq2(_words(paragraph))
            # Cheap upper bounds of the similarity rule out most paragraphs before the full comparison.
            if (
                matcher.real_quick_ratio() >= SIMILAR_ENOUGH
                and matcher.quick_ratio() >= SIMILAR_ENOUGH
                and matcher.ratio() >= SIMILAR_ENOUGH
            ):
                segments, differences = align(self.original, paragraph)
                found.append(Wording(source, number, paragraph, segments, differences))
        return found


def wordings(original: str, origin, sources) -> list[Wording]:
    """Every paragraph of the other sources that copies the original passage, aligned with it."""
    finder = WordingFinder(original)
    return [wording for source in sources if source is not origin for wording in finder.in_source(source)]
