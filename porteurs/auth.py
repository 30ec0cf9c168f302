"""Signing in to the porteurs' space: Django's authentication views with the space's French
templates, and the password reset e-mail sent through the outbox (`hub.mail`)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.urls import path, reverse, reverse_lazy

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


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PorteurPasswordResetForm
    template_name = "porteurs/password_reset_form.html"
    success_url = reverse_lazy("porteurs:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "porteurs/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "porteurs/password_reset_confirm.html"
    success_url = reverse_lazy("porteurs:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "porteurs/password_reset_complete.html"


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
