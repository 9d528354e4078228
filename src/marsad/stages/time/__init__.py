"""Time expressions: Arabic dates, months, years, weekdays and relative words → ISO 8601 values.

Values are written at the granularity the text gives ("2025-10-21", "2025-10", "2017", "2025-W42",
"198X", intervals "2023-03-06/2023-03-10"), with the year open ("--10-21") when the text has none
and there is no publication date, and None when the text leaves the value open. Tables of month,
weekday and relative words are data files in `marsad/resources/time/`.
"""

from marsad.stages.time.find import find_timex
from marsad.stages.time.header import is_datetime_line, parse_header_date
from marsad.stages.time.resolve import resolve

__all__ = ["find_timex", "is_datetime_line", "parse_header_date", "resolve"]
