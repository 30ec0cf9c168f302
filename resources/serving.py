"""The responses that serve a resource's files: the download itself and its thumbnail."""

from django.http import FileResponse, Http404


def _open(field):
    try:
        return field.open("rb")
    except FileNotFoundError:
        raise Http404 from None


def download_response(resource_file, filename):
    """The file as an attachment, with the type found when it was checked."""
    response = FileResponse(
        _open(resource_file.file),
        as_attachment=True,
        filename=filename,
        content_type=resource_file.file_format.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-cache"
    return response


def thumbnail_response(resource_file):
    if not resource_file.thumbnail:
        raise Http404
    response = FileResponse(_open(resource_file.thumbnail), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
