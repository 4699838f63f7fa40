"""Test configuration for osmem-server, the in-memory OpenSearch-compatible stand-in.

Its two known gaps are handled here, never in the production path:
- it refuses the 8.x client's ``application/vnd.elasticsearch+json; compatible-with=8`` media
  type, so this node class sends plain ``application/json``;
- it has no Dutch stemmer (and a snowball analyzer makes every match return everything), so the
  indexes use a folding-only analyzer. Stemming is therefore asserted on the database backends
  and on a real cluster, not on the stand-in.
"""

from elastic_transport import HttpHeaders, Urllib3HttpNode

PLAIN_JSON = "application/json"

FOLDING_ANALYZERS = {
    "filters": {},
    "nl": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    "fr": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
}


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, request_timeout=None, **kwargs):
        headers = HttpHeaders(headers or {})
        for name in ("content-type", "accept"):
            if name in headers:
                headers[name] = PLAIN_JSON
        if request_timeout is None:
            return super().perform_request(method, target, body=body, headers=headers, **kwargs)
        return super().perform_request(method, target, body=body, headers=headers, request_timeout=request_timeout)
