from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = "Security"

    def ready(self):
        from security import spreadsheets

        spreadsheets.escape_formulas_in_csv_exports()
