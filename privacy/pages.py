"""What every page type of the site inherits from privacy (through BasePage)."""

from privacy.visibility import restrictions_applying_to


class PrivacyRulesMixin:
    """Serving a page checks privacy's rules, not only Wagtail's: an alias is as private
    as its source, wherever it sits (privacy.visibility.restrictions_applying_to)."""

    def get_view_restrictions(self):
        return restrictions_applying_to(self, super().get_view_restrictions())
