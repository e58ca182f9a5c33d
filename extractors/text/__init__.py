"""Text machinery: sentences, tokens, dates, versions, negation and fast case-insensitive matching. Knows nothing of DARS."""
