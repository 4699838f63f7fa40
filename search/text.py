"""Text normalisation shared by indexing and querying: case and accents do not matter."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMERS = {"nl": "dutch", "fr": "french"}


def fold(text):
    """Lower case without accents: 'Café-Dialoog' -> 'cafe-dialoog'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text):
    return _WORD.findall(fold(text))


@lru_cache(maxsize=4)
def _stemmer(language):
    return snowballstemmer.stemmer(_STEMMERS.get(language, "dutch"))


def stems(text, language):
    return _stemmer(language).stemWords(words(text))
