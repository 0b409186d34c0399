"""US English: “November 28, 2026”, “2:00 p.m.”, and for a webinar
“Saturday, November 28, 2026, 2:00 p.m. EST”."""

DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i a"
DATETIME_FORMAT = "l, F j, Y, g:i a T"
