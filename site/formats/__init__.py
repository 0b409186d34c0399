"""Date and time formats of the site's languages (settings.FORMAT_MODULE_PATH).

Each language's module overrides only what differs from Django's own formats for it;
templates and Python use the format names (`{{ value|date }}`, `|date:"DATETIME_FORMAT"`,
`|time`, `formats.date_format(value)`), never a format string, so every date follows
the language of the page. Times are shown in the site's zone (settings.TIME_ZONE).
"""
