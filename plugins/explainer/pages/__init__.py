"""One Pelican generator per page family, and what each needs to present its data.

Pages read the model; they never read content files or write outside Pelican's writer.
"""
