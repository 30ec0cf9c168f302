"""The public cancel link of a registration: GET shows one button, POST cancels.

Mail scanners and link previews open links: a GET never changes anything.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import registrations


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    try:
        answer = registrations.answer_for_token(token)
        if request.method == "POST":
            registrations.cancel(answer)
    except registrations.CancelRefused as refusal:
        return render(request, "400.html", {"message": refusal.message}, status=400)
    form_page = answer.page.specific
    template = (
        "webforms/cancel_done.html" if request.method == "POST" else "webforms/cancel_confirm.html"
    )
    response = render(
        request, template, {"answer": answer, "form_page": form_page, "event": form_page.event}
    )
    response["X-Robots-Tag"] = "noindex"
    return response
