"""The contract every search engine fulfils, as Wagtail's own search backends do.

An engine stores the engine-neutral documents built by `search.registry.SearchableType` and
answers a `SearchRequest` already parsed by `search.query`. It knows nothing of the project's
apps: labels of facet values are resolved afterwards by `search.api`.
"""

from abc import ABC, abstractmethod


class SearchBackend(ABC):
    name = ""
    # Errors that mean "the engine cannot answer now": the API then falls back on the database.
    unavailable_errors: tuple[type[Exception], ...] = ()

    # Writing -----------------------------------------------------------------------------

    @abstractmethod
    def index_documents(self, documents):
        """Insert or replace documents (dicts from `SearchableType.document`)."""

    @abstractmethod
    def delete(self, type_key, object_ids):
        """Remove objects of one type from the index."""

    @abstractmethod
    def clear(self, type_key=None):
        """Empty the index of one type, or of every type."""

    @abstractmethod
    def rebuild_type(self, searchable, batches):
        """Replace the index of one type by `batches` of documents; returns their count.

        Readers must never see the type empty while it is rebuilt.
        """

    @abstractmethod
    def indexed_ids(self, type_key):
        """The set of object ids indexed for a type (for drift reports)."""

    # Reading -----------------------------------------------------------------------------

    @abstractmethod
    def search(self, request, parsed, some_groups=False):
        """`EngineResults` for `request`, whose words were read into `parsed`.

        Every group of `parsed` must match; with `some_groups`, one is enough and the hits
        that match the most groups come first (then the engine's own relevance).
        """

    @abstractmethod
    def autocomplete(self, prefix, limit):
        """Up to `limit` titles starting with `prefix`: dicts with label, value, url, kind."""
