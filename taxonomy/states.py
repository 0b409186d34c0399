"""The US states, the District of Columbia and the territories, by USPS code.

Their names are stored in English (`State.name`, loaded by a data migration) and marked
here for the interface catalogue, which gives each one's official Spanish name
(site/locale/es/LC_MESSAGES/django.po, as USAGov en Español writes them: "Nueva York",
"Carolina del Norte", "Pensilvania"). `State.localized_name` reads the name in the active
language. A name is reference data, not content: no editor changes it, so the catalogue
is its one place, and no model field or content translation is needed.
"""

import unicodedata

from django.utils.translation import gettext_noop

STATE = "state"
DISTRICT = "district"
TERRITORY = "territory"

US_STATES: list[tuple[str, str, str]] = [
    ("AL", gettext_noop("Alabama"), STATE),
    ("AK", gettext_noop("Alaska"), STATE),
    ("AZ", gettext_noop("Arizona"), STATE),
    ("AR", gettext_noop("Arkansas"), STATE),
    ("CA", gettext_noop("California"), STATE),
    ("CO", gettext_noop("Colorado"), STATE),
    ("CT", gettext_noop("Connecticut"), STATE),
    ("DE", gettext_noop("Delaware"), STATE),
    ("DC", gettext_noop("District of Columbia"), DISTRICT),
    ("FL", gettext_noop("Florida"), STATE),
    ("GA", gettext_noop("Georgia"), STATE),
    ("HI", gettext_noop("Hawaii"), STATE),
    ("ID", gettext_noop("Idaho"), STATE),
    ("IL", gettext_noop("Illinois"), STATE),
    ("IN", gettext_noop("Indiana"), STATE),
    ("IA", gettext_noop("Iowa"), STATE),
    ("KS", gettext_noop("Kansas"), STATE),
    ("KY", gettext_noop("Kentucky"), STATE),
    ("LA", gettext_noop("Louisiana"), STATE),
    ("ME", gettext_noop("Maine"), STATE),
    ("MD", gettext_noop("Maryland"), STATE),
    ("MA", gettext_noop("Massachusetts"), STATE),
    ("MI", gettext_noop("Michigan"), STATE),
    ("MN", gettext_noop("Minnesota"), STATE),
    ("MS", gettext_noop("Mississippi"), STATE),
    ("MO", gettext_noop("Missouri"), STATE),
    ("MT", gettext_noop("Montana"), STATE),
    ("NE", gettext_noop("Nebraska"), STATE),
    ("NV", gettext_noop("Nevada"), STATE),
    ("NH", gettext_noop("New Hampshire"), STATE),
    ("NJ", gettext_noop("New Jersey"), STATE),
    ("NM", gettext_noop("New Mexico"), STATE),
    ("NY", gettext_noop("New York"), STATE),
    ("NC", gettext_noop("North Carolina"), STATE),
    ("ND", gettext_noop("North Dakota"), STATE),
    ("OH", gettext_noop("Ohio"), STATE),
    ("OK", gettext_noop("Oklahoma"), STATE),
    ("OR", gettext_noop("Oregon"), STATE),
    ("PA", gettext_noop("Pennsylvania"), STATE),
    ("RI", gettext_noop("Rhode Island"), STATE),
    ("SC", gettext_noop("South Carolina"), STATE),
    ("SD", gettext_noop("South Dakota"), STATE),
    ("TN", gettext_noop("Tennessee"), STATE),
    ("TX", gettext_noop("Texas"), STATE),
    ("UT", gettext_noop("Utah"), STATE),
    ("VT", gettext_noop("Vermont"), STATE),
    ("VA", gettext_noop("Virginia"), STATE),
    ("WA", gettext_noop("Washington"), STATE),
    ("WV", gettext_noop("West Virginia"), STATE),
    ("WI", gettext_noop("Wisconsin"), STATE),
    ("WY", gettext_noop("Wyoming"), STATE),
    ("AS", gettext_noop("American Samoa"), TERRITORY),
    ("GU", gettext_noop("Guam"), TERRITORY),
    ("MP", gettext_noop("Northern Mariana Islands"), TERRITORY),
    ("PR", gettext_noop("Puerto Rico"), TERRITORY),
    ("VI", gettext_noop("U.S. Virgin Islands"), TERRITORY),
]


def name_sort_key(name: str) -> str:
    """A key that sorts names as a reader expects in either language: “Míchigan”
    between “Massachusetts” and “Minnesota”, not after “Wyoming”."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
