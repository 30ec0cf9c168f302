"""Signing in to the porteurs' space: Django's authentication views with the space's French
templates, and the password reset e-mail sent through the outbox (`hub.mail`)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from hub import mail

from .models import PorteurAccess


class PorteurPasswordResetForm(PasswordResetForm):
    """Reset for the people who have an active access to a structure, and only them: a
    coordinator's account (second factor, admin) is reset from the admin, not here.

    The members' space resets its members' passwords with the same form: it names its own
    URL namespace, e-mail and accesses (`namespace`, `template`, `has_access`)."""

    namespace = "porteurs"
    template = "porteurs/email/password_reset"

    @staticmethod
    def has_access(user):
        return PorteurAccess.objects.active().filter(user=user).exists()

    def get_users(self, email):
        for user in super().get_users(email):
            if self.has_access(user):
                yield user

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        path = reverse(
            f"{self.namespace}:password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        mail.send(
            self.template,
            {"user": context["user"], "reset_url": mail.absolute_url(path)},
            to=to_email,
            key=f"password-reset:{context['uid']}:{context['token']}",
        )


class LoginView(auth_views.LoginView):
    template_name = "porteurs/login.html"

    def get_default_redirect_url(self):
        return reverse("porteurs:home")


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("porteurs:login")


class SpacePages:
    """The password pages shared by the spaces (templates/spaces/): `space` is the URL namespace,
    whose base template they extend and whose sign-in they link to."""

    space = "porteurs"
    space_name = _("l'espace porteurs")

    def get_context_data(self, **kwargs):
        kwargs.update(
            space_base=f"{self.space}/base.html",
            space_name=self.space_name,
            space_login=reverse(f"{self.space}:login"),
            space_reset=reverse(f"{self.space}:password_reset"),
        )
        return super().get_context_data(**kwargs)

    def get_success_url(self):
        return reverse(f"{self.space}:{self.next_step}")


class PasswordResetView(SpacePages, auth_views.PasswordResetView):
    form_class = PorteurPasswordResetForm
    template_name = "spaces/password_reset_form.html"
    next_step = "password_reset_done"


class PasswordResetDoneView(SpacePages, auth_views.PasswordResetDoneView):
    template_name = "spaces/password_reset_done.html"


class PasswordResetConfirmView(SpacePages, auth_views.PasswordResetConfirmView):
    template_name = "spaces/password_reset_confirm.html"
    next_step = "password_reset_complete"


class PasswordResetCompleteView(SpacePages, auth_views.PasswordResetCompleteView):
    template_name = "spaces/password_reset_complete.html"


def auth_urlpatterns(views):
    """Sign-in, sign-out and password reset URLs of a space, from the module `views` that
    holds its six views (this one, or `members.auth`)."""
    return [
        path("connexion/", views.LoginView.as_view(), name="login"),
        path("deconnexion/", views.LogoutView.as_view(), name="logout"),
        path("mot-de-passe/", views.PasswordResetView.as_view(), name="password_reset"),
        path(
            "mot-de-passe/envoye/",
            views.PasswordResetDoneView.as_view(),
            name="password_reset_done",
        ),
        path(
            "mot-de-passe/<uidb64>/<token>/",
            views.PasswordResetConfirmView.as_view(),
            name="password_reset_confirm",
        ),
        path(
            "mot-de-passe/modifie/",
            views.PasswordResetCompleteView.as_view(),
            name="password_reset_complete",
        ),
    ]
