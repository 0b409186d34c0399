from .media import CustomDocument, CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage
from .site_settings import SiteSettings
from .taxonomy import Network, State, TaxonomyMixin, Topic

__all__ = [
    "BasePage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "Network",
    "SiteSettings",
    "StandardPage",
    "State",
    "TaxonomyMixin",
    "Topic",
]
