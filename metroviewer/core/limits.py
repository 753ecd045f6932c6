"""The limits the app keeps on untrusted input, in one place (docs/reliability.md states them)."""

# A search reads at most this many characters of a query, and at most this many terms of them:
# a pasted page must not become a match expression of thousands of phrases.
MAX_QUERY_CHARS = 256
MAX_QUERY_TERMS = 16

# Files: larger ones are refused with the reason (a saved page or paper is far smaller). A file
# of one huge line takes about 36 times its size in memory while it is read.
MAX_FILE_BYTES = 64 * 1024 * 1024
# A Word document is a ZIP: what it unpacks to is checked before it is opened ("zip bombs").
MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024
# An article keeps at most this much: a longer title is cut with "…", a longer text is cut
# with a note saying so (search, tags and figures read what is kept).
MAX_TITLE_CHARS = 300
MAX_BODY_CHARS = 2_000_000
# The reader lays out this much of a long article, with "Show all" for the rest.
READER_CHARS = 200_000
