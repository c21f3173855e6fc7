"""Comparing words: normal forms, figures, sentences, and the matchers that find a quotation
or a wording in a source.

Pure functions over strings: nothing here reads files or knows the model.
"""
