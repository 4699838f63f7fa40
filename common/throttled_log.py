"""Log a recurring problem once per interval, not once per request.

A dependency that is down fails on every request; one warning per ``interval`` seconds (with
how many were left out) says the same without flooding the logs or costing time per request.
"""

import threading
import time

_lock = threading.Lock()
_last = {}  # key -> (time of the last record written, records left out since)


def log_throttled(logger, key, message, *args, interval=60.0, level=30, clock=time.monotonic):
    """``logger.log(level, message, *args)`` unless ``key`` was logged less than ``interval`` ago."""
    now = clock()
    with _lock:
        last, skipped = _last.get(key, (None, 0))
        if last is not None and now - last < interval:
            _last[key] = (last, skipped + 1)
            return False
        _last[key] = (now, 0)
    if skipped:
        message = f"{message} (and {skipped} more in the last {interval:.0f} s)"
    logger.log(level, message, *args)
    return True


def forget():
    """Start afresh (tests)."""
    with _lock:
        _last.clear()
