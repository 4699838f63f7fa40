from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from events.formatting import format_event_moment, format_event_when
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


@pytest.mark.parametrize(
    "language,expected",
    [("nl", "zondag 27 oktober 2024, 1.30–4.00 uur"), ("fr", "dimanche 27 octobre 2024, 1 h 30 – 4 h 00")],
)
def test_same_day_across_the_end_of_summer_time(language, expected):
    # 27 October 2024, 03:00 CEST becomes 02:00 CET: 23:30 UTC is 01:30 summer time, 03:00 UTC is 04:00.
    start = datetime(2024, 10, 26, 23, 30, tzinfo=UTC)
    end = datetime(2024, 10, 27, 3, 0, tzinfo=UTC)
    assert format_event_when(start, end, language) == expected


@pytest.mark.parametrize(
    "language,expected", [("nl", "vrijdag 1 maart 2030, 17.00 uur"), ("fr", "vendredi 1 mars 2030, 17 h 00")]
)
def test_single_moment(language, expected):
    assert format_event_moment(datetime(2030, 3, 1, 16, 0, tzinfo=UTC), language) == expected


@pytest.mark.django_db  # a new page looks up its content type
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
