"""The breaker's states with a clock we move by hand."""

from common.circuit_breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_opens_after_failures_in_a_row_and_probes_once_after_the_cool_down():
    clock = Clock()
    breaker = CircuitBreaker("test", failures=3, cooldown=10, clock=clock)
    breaker.failure()
    breaker.success()  # a success in between starts the count again
    for _ in range(2):
        breaker.failure()
    assert breaker.state == CLOSED and breaker.allow()
    breaker.failure()
    assert breaker.state == OPEN and not breaker.allow()

    clock.now += 10
    assert breaker.state == HALF_OPEN
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # nobody else while it runs
    breaker.failure()
    assert breaker.state == OPEN and not breaker.allow()

    clock.now += 10
    assert breaker.allow()
    breaker.success()
    assert breaker.state == CLOSED and breaker.allow() and breaker.allow()


def test_after_a_failure_one_call_at_a_time_until_a_success():
    breaker = CircuitBreaker("test", failures=3, cooldown=10, clock=Clock())
    assert breaker.allow() and breaker.allow()  # healthy: every caller
    breaker.failure()
    assert breaker.state == CLOSED and breaker.suspect
    assert breaker.allow()  # the trial
    assert not breaker.allow()  # the others take their fallback while it runs
    breaker.release()  # ended without a verdict
    assert breaker.allow()
    breaker.success()
    assert not breaker.suspect and breaker.allow() and breaker.allow()
