"""Shared steps of the newsletter tests: a real SMTP server, and links read from the e-mails."""

import re

from tests.mail_server import SmtpServer

LINK = re.compile(r"https?://testserver(/[^\s\"<>]+)")


class MailServerMixin:
    """A real SMTP server for the test, Django's SMTP backend pointed at it."""

    def setUp(self):
        super().setUp()
        self.server = SmtpServer()
        self.mailbox = self.server.__enter__()
        self.addCleanup(self.server.__exit__)
        overridden = self.server.settings()
        overridden.enable()
        self.addCleanup(overridden.disable)


def text_of(message):
    return message.get_body(("plain",)).get_content()


def html_of(message):
    return message.get_body(("html",)).get_content()


def links_in(message, containing):
    return [path for path in LINK.findall(text_of(message)) if containing in path]
