"""Signing in to the members' space: the porteurs' authentication views (`porteurs.auth`) with
the members' templates, addresses and accesses."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from porteurs import auth

from .models import Membership


class MemberPasswordResetForm(auth.PorteurPasswordResetForm):
    namespace = "members"
    template = "members/email/password_reset"

    @staticmethod
    def has_access(user):
        return Membership.objects.active().filter(user=user).exists()


class LoginView(auth.LoginView):
    template_name = "members/login.html"

    def get_default_redirect_url(self):
        return reverse("members:home")


class LogoutView(auth.LogoutView):
    next_page = reverse_lazy("members:login")


class MembersPages:
    space = "members"
    space_name = _("l'espace des membres")


class PasswordResetView(MembersPages, auth.PasswordResetView):
    form_class = MemberPasswordResetForm


class PasswordResetDoneView(MembersPages, auth.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(MembersPages, auth.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(MembersPages, auth.PasswordResetCompleteView):
    pass
