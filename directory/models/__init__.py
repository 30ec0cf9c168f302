from .closures import ActionClosure, LieuClosure
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
    "ActionClosure",
    "LieuClosure",
    "ActionPage",
    "DirectoryIndexPage",
    "LieuRessourcePage",
    "LieuStop",
    "PromeneurNetwork",
    "PromeneurPage",
    "StructurePage",
]
