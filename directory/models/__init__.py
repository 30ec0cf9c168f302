from .pages import (
    ActionCancelledDate,
    ActionPage,
    ActionSession,
    DirectoryIndexPage,
    LieuRessourcePage,
    LieuStop,
    PromeneurNetwork,
    PromeneurPage,
    StructurePage,
)

__all__ = [
    "ActionCancelledDate",
    "ActionPage",
    "ActionSession",
    "DirectoryIndexPage",
    "LieuRessourcePage",
    "LieuStop",
    "PromeneurNetwork",
    "PromeneurPage",
    "StructurePage",
]
