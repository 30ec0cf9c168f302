"""Signing in to the members' space: the porteurs' authentication views (`porteurs.auth`) with
the members' templates, addresses and accesses."""

from django.urls import reverse, reverse_lazy

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


class PasswordResetView(auth.PasswordResetView):
    form_class = MemberPasswordResetForm
    template_name = "members/password_reset_form.html"
    success_url = reverse_lazy("members:password_reset_done")


class PasswordResetDoneView(auth.PasswordResetDoneView):
    template_name = "members/password_reset_done.html"


class PasswordResetConfirmView(auth.PasswordResetConfirmView):
    template_name = "members/password_reset_confirm.html"
    success_url = reverse_lazy("members:password_reset_complete")


class PasswordResetCompleteView(auth.PasswordResetCompleteView):
    template_name = "members/password_reset_complete.html"
