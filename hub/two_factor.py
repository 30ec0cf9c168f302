"""Two-factor authentication for the admin: TOTP (an authenticator app) with recovery codes.

Built on django-otp: a `TOTPDevice` holds the key shared with the app, a `StaticDevice` holds ten
single-use recovery codes. After the password, a person with a confirmed device is asked for a
code before any admin screen; national administrators (superusers) without a device are sent to
enrolment first when `TWO_FACTOR_REQUIRED_FOR_ADMINS` is on (always in production). Coordinators
may enrol from the "Double authentification" menu. Wrong codes count as failed logins for the
throttle of `hub.login_throttle`. `manage.py reset_two_factor USERNAME` removes someone's devices.
"""

import io
from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.login_throttle import count_failure, is_locked, lockout_seconds, reset_failures

RECOVERY_CODES = 10
# Admin paths reachable before the second factor: signing in and out, password reset, and the
# two-factor screens themselves.
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "two_factor_verify",
    "two_factor_enrol",
)
GATED_PREFIXES = ("/admin/", "/django-admin/")


def required_for(user):
    """National administrators must use a second factor (unless switched off in development)."""
    return user.is_superuser and getattr(settings, "TWO_FACTOR_REQUIRED_FOR_ADMINS", True)


class TwoFactorMiddleware:
    """Send a signed-in person to the code screen, or to enrolment, before any admin screen."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def open_paths(self):
        if self._open_paths is None:
            self._open_paths = tuple(reverse(name) for name in OPEN_URL_NAMES)
        return self._open_paths

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.path.startswith(GATED_PREFIXES)
            and not request.path.startswith(self.open_paths())
            and not user.is_verified()
        ):
            if user_has_device(user):
                return redirect_with_next("two_factor_verify", request)
            if required_for(user):
                return redirect_with_next("two_factor_enrol", request)
        return self.get_response(request)


def redirect_with_next(name, request):
    return redirect(f"{reverse(name)}?next={request.get_full_path()}")


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code à usage unique"),
        max_length=16,
        help_text=gettext_lazy(
            "Les six chiffres affichés par votre application, ou l'un de vos codes de secours."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


def _locked(request):
    return is_locked(request.user.get_username(), request)


def _too_many(request):
    minutes = max(1, lockout_seconds() // 60)
    return render(request, "429.html", {"minutes": minutes}, status=429)


def verify(request):
    """The second step of signing in: a TOTP code or a recovery code (used once)."""
    if not user_has_device(request.user):
        return redirect(next_url(request))
    if request.method == "POST" and _locked(request):
        return _too_many(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            reset_failures(request.user.get_username(), request)
            return redirect(next_url(request))
        count_failure(request.user.get_username(), request)
        form.add_error("code", _("Ce code n'est pas valide. Vérifiez l'heure de votre téléphone."))
    return render(request, "hub/two_factor/verify.html", {"form": form, "next": next_url(request)})


def qr_code_svg(url):
    """The provisioning URL as an inline SVG QR code, made here (no outside service)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=5, xmldecl=False, svgns=True)
    return out.getvalue().decode()


@transaction.atomic
def enrol(request):
    """Pair an authenticator app (QR code or key), confirm with a code, get recovery codes."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Application"), confirmed=False)
    if request.method == "POST" and _locked(request):
        return _too_many(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save()
            codes = new_recovery_codes(user)
            otp_login(request, device)
            reset_failures(user.get_username(), request)
            return render(
                request,
                "hub/two_factor/recovery_codes.html",
                {"codes": codes, "next": next_url(request)},
            )
        count_failure(user.get_username(), request)
        form.add_error("code", _("Ce code n'est pas valide. Vérifiez l'heure de votre téléphone."))
    return render(
        request,
        "hub/two_factor/enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": qr_code_svg(device.config_url),
            "key": spaced_base32(device.bin_key),
            "enrolled": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        },
    )


def spaced_base32(key):
    """The key as authenticator apps take it typed in: base32, in groups of four."""
    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[start : start + 4] for start in range(0, len(text), 4))


def new_recovery_codes(user):
    """Replace `user`'s recovery codes with RECOVERY_CODES new single-use ones."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
