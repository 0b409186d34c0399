"""The tile-grid map of the United States that the member directory draws in SVG.

Every state and DC is one equal square, placed roughly where it lies, so small
states are as easy to see, point at and focus as large ones. Territories have no
place on the grid and are listed beside it.
"""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from taxonomy.states import TERRITORY, name_sort_key

# (column, row) of each tile on an 11 × 8 grid.
TILE_POSITIONS: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (10, 0),
    "VT": (9, 1), "NH": (10, 1),
    "WA": (0, 2), "ID": (1, 2), "MT": (2, 2), "ND": (3, 2), "MN": (4, 2), "IL": (5, 2),
    "WI": (6, 2), "MI": (7, 2), "NY": (8, 2), "RI": (9, 2), "MA": (10, 2),
    "OR": (0, 3), "NV": (1, 3), "WY": (2, 3), "SD": (3, 3), "IA": (4, 3), "IN": (5, 3),
    "OH": (6, 3), "PA": (7, 3), "NJ": (8, 3), "CT": (9, 3),
    "CA": (0, 4), "UT": (1, 4), "CO": (2, 4), "NE": (3, 4), "MO": (4, 4), "KY": (5, 4),
    "WV": (6, 4), "VA": (7, 4), "MD": (8, 4), "DE": (9, 4),
    "AZ": (1, 5), "NM": (2, 5), "KS": (3, 5), "AR": (4, 5), "TN": (5, 5), "NC": (6, 5),
    "SC": (7, 5), "DC": (8, 5),
    "OK": (3, 6), "LA": (4, 6), "MS": (5, 6), "AL": (6, 6), "GA": (7, 6),
    "HI": (0, 7), "TX": (3, 7), "FL": (8, 7),
}  # fmt: skip

TILE_SIZE = 48
TILE_GAP = 4
COLUMNS = 1 + max(column for column, _ in TILE_POSITIONS.values())
ROWS = 1 + max(row for _, row in TILE_POSITIONS.values())

# Shades from "no members" to "many", with a text colour that keeps 4.5:1 contrast.
# (lowest count, label, fill, text colour)
SHADES = [
    (0, _("No members"), "#eef1f5", "#1a1a2e"),
    (1, _("1 member"), "#c6dbef", "#1a1a2e"),
    (2, _("2–3 members"), "#6baed6", "#1a1a2e"),
    (4, _("4–5 members"), "#2171b5", "#ffffff"),
    (6, _("6 or more members"), "#08306b", "#ffffff"),
]


@dataclass(frozen=True)
class Shade:
    label: str
    fill: str
    text: str


@dataclass(frozen=True)
class StateTile:
    code: str
    name: str
    count: int
    href: str
    shade: Shade
    is_selected: bool
    x: int = 0
    y: int = 0

    @property
    def label(self) -> str:
        members = ngettext(
            "%(count)s member organisation", "%(count)s member organisations", self.count
        ) % {"count": self.count}
        return f"{self.name}: {members}"


@dataclass(frozen=True)
class StateTileMap:
    tiles: list[StateTile]  # the states and DC, on the grid
    territories: list[StateTile]  # listed beside it
    legend: list[Shade]
    width: int = COLUMNS * (TILE_SIZE + TILE_GAP) - TILE_GAP
    height: int = ROWS * (TILE_SIZE + TILE_GAP) - TILE_GAP
    tile_size: int = TILE_SIZE

    @property
    def total(self) -> int:
        return sum(tile.count for tile in self.tiles + self.territories)

    @property
    def rows(self) -> list[StateTile]:
        """Every state, DC and territory in name order: the map as a table."""
        return sorted(self.tiles + self.territories, key=lambda tile: name_sort_key(tile.name))


def shade_for(count: int) -> Shade:
    lowest, label, fill, text = next(shade for shade in reversed(SHADES) if count >= shade[0])
    return Shade(label, fill, text)


def state_href(code: str, selected: dict[str, list[str]]) -> str:
    """The directory's own address filtered to one state, keeping the other filters."""
    params = [(name, ",".join(values)) for name, values in selected.items() if name != "state"]
    return "?" + urlencode([("state", code), *params]) + "#members"


def state_tile_map(states, counts: dict[str, int], selected: dict[str, list[str]]) -> StateTileMap:
    """The map of `states` (State rows) shaded by `counts` (members per USPS code)."""
    chosen = set(selected.get("state", []))
    tiles, territories = [], []
    for state in states:
        count = counts.get(state.code, 0)
        tile = StateTile(
            code=state.code,
            name=state.localized_name,
            count=count,
            href=state_href(state.code, selected),
            shade=shade_for(count),
            is_selected=state.code in chosen,
        )
        if state.kind == TERRITORY or state.code not in TILE_POSITIONS:
            territories.append(tile)
            continue
        column, row = TILE_POSITIONS[state.code]
        step = TILE_SIZE + TILE_GAP
        tiles.append(replace(tile, x=column * step, y=row * step))
    # Reading order (row by row), so keyboard focus moves across the map as the eye does.
    tiles.sort(key=lambda tile: (tile.y, tile.x))
    return StateTileMap(
        tiles=tiles,
        territories=territories,
        legend=[Shade(label, fill, text) for _, label, fill, text in SHADES],
    )
