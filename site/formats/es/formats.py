"""Spanish: “28 de noviembre de 2026”, “14:00”, and for a webinar
“sábado, 28 de noviembre de 2026, 14:00 EST”. Django's own Spanish formats give the
date and the time; only the date with time and zone differs."""

DATETIME_FORMAT = r"l, j \d\e F \d\e Y, H:i T"
