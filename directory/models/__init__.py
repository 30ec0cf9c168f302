from .closures import ActionClosure, LieuClosure
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
    "ActionClosure",
    "LieuClosure",
    "ActionPage",
    "ActionSession",
    "DirectoryIndexPage",
    "LieuRessourcePage",
    "LieuStop",
    "PromeneurNetwork",
    "PromeneurPage",
    "StructurePage",
]
