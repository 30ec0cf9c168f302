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
    "DirectoryIndexPage",
    "LieuRessourcePage",
    "LieuStop",
    "PromeneurNetwork",
    "PromeneurPage",
    "StructurePage",
]
