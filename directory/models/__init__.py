from .communes import Commune, Epci
from .pages import (
    ActionPage,
    DirectoryIndexPage,
    LieuRessourcePage,
    LieuStop,
    PromeneurNetwork,
    PromeneurPage,
    StructurePage,
)

__all__ = [
    "ActionPage",
    "Commune",
    "DirectoryIndexPage",
    "Epci",
    "LieuRessourcePage",
    "LieuStop",
    "PromeneurNetwork",
    "PromeneurPage",
    "StructurePage",
]
