from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from events.formatting import format_event_when
from events.models import EventPage

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = ZoneInfo("UTC")


@pytest.mark.parametrize(
    "language,expected",
    [("nl", "dinsdag 14 juni 2022, 13.00–16.00 uur"), ("fr", "mardi 14 juin 2022, 13 h 00 – 16 h 00")],
)
def test_same_day(language, expected):
    start = datetime(2022, 6, 14, 13, 0, tzinfo=BRUSSELS)
    end = datetime(2022, 6, 14, 16, 0, tzinfo=BRUSSELS)
    assert format_event_when(start, end, language) == expected


@pytest.mark.parametrize(
    "language,expected",
    [
        ("nl", "zaterdag 29 maart 2025, 9.30 uur – zondag 30 maart 2025, 16.00 uur"),
        ("fr", "du samedi 29 mars 2025, 9 h 30 au dimanche 30 mars 2025, 16 h 00"),
    ],
)
def test_range_across_daylight_saving_change(language, expected):
    # Stored in UTC as the database does; 30 March 2025 is the switch to summer time.
    start = datetime(2025, 3, 29, 8, 30, tzinfo=UTC)  # 09:30 CET (UTC+1)
    end = datetime(2025, 3, 30, 14, 0, tzinfo=UTC)  # 16:00 CEST (UTC+2)
    assert format_event_when(start, end, language) == expected


def test_end_before_start_is_refused():
    page = EventPage(
        title="x",
        slug="x",
        intro="x",
        organiser="x",
        venue_name="Zaal",
        start=datetime(2025, 1, 2, 10, tzinfo=BRUSSELS),
        end=datetime(2025, 1, 1, 10, tzinfo=BRUSSELS),
    )
    with pytest.raises(ValidationError):
        page.clean()
