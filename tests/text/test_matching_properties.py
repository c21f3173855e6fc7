"""Property tests of comparing words: whatever the text, the matcher answers or reports an empty
quotation, and highlighting keeps the paragraph whole."""

from __future__ import annotations

from explainer.text.highlight import _normal_with_origins, segments
from explainer.text.normal import normalise
from explainer.text.quotes import EmptyQuotation, occurs_in
from hypothesis import given
from hypothesis import strategies as st

text_like = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@given(text_like, text_like)
def test_quotation_matching_answers_or_reports_an_empty_quotation(quotation, passage):
    try:
        found = occurs_in(quotation, passage)
    except EmptyQuotation:
        return
    assert isinstance(found, bool)


@given(text_like, st.lists(text_like, max_size=3))
def test_highlighting_keeps_the_paragraph_and_marks_only_quoted_words(paragraph, quotations):
    normal, origins = _normal_with_origins(paragraph)
    assert normal.strip() == normalise(paragraph)
    assert origins == sorted(origins) and len(origins) == len(normal)
    runs = segments(paragraph, tuple(quotations))
    assert "".join(text for text, _ in runs) == paragraph
    for text, quoted in runs:
        if quoted:
            assert normalise(text) and normalise(text) in normalise(paragraph)
