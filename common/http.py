"""HTTP details shared by the search views and the page cache."""

# Sent by the search enhancement script to ask for the results region only; pages that answer
# it vary on it, and the page cache keys on it.
PARTIAL_HEADER = "X-Search-Partial"
