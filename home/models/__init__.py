from .media import CustomDocument, CustomImage, CustomRendition
from .notice import SiteNotice
from .pages import BasePage, HomePage, StandardPage
from .site_settings import SiteSettings
from .social import SocialLinksMixin
from .taxonomy import Network, State, TaxonomyMixin, Topic

__all__ = [
    "BasePage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "Network",
    "SiteNotice",
    "SiteSettings",
    "SocialLinksMixin",
    "StandardPage",
    "State",
    "TaxonomyMixin",
    "Topic",
]
