"""Small texts the markup and text tests quote from: a letter's sentences, and a report's paragraphs."""

SOURCE_TEXT = [
    "We refuse to build the platform that powers ICE, and we refuse to contribute to tools that violate "
    "human rights.",
    "In the midst of historic militarisation of police - this will be another powerful tool for the "
    "surveillance state.",
    'The letter asks Bezos to "stop powering a government surveillance infrastructure."',
]

ZDNET_LIKE = {
    1: "It was a busy week. Nothing else was said.",
    2: 'However, one email from a county employee acknowledged that "the perception might be that we are '
    'constantly checking faces from everything, kind of a Big Brother vibe." The ACLU asked for more.',
}
