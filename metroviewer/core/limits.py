"""The limits the app keeps on untrusted input, in one place (docs/reliability.md states them)."""

# A search reads at most this many characters of a query, and at most this many terms of them:
# a pasted page must not become a match expression of thousands of phrases.
MAX_QUERY_CHARS = 256
MAX_QUERY_TERMS = 16
