"""Sending email: through an SMTP server when one is set, otherwise into an
outbox folder as ``.eml`` files a person can open or send by hand.

Settings come from the environment:

==========================  ==================================================
``KIROK_SMTP_HOST``         the mail server; unset: write to the outbox
``KIROK_SMTP_PORT``         587 (STARTTLS) unless given; 465 means TLS at once
``KIROK_SMTP_USER``         and ``KIROK_SMTP_PASSWORD``, when the server asks
``KIROK_MAIL_FROM``         the sender address (``kirok@localhost``)
``KIROK_OUTBOX``            the outbox folder (``./outbox``)
==========================  ==================================================
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from kirok.errors import KirokError


class MailError(KirokError):
    """The message could not be sent or written."""


@dataclass
class Mailer:
    host: str | None = None
    port: int = 587
    user: str | None = None
    password: str | None = None
    sender: str = "kirok@localhost"
    outbox: Path = Path("outbox")

    @classmethod
    def from_environment(cls) -> Mailer:
        port = os.environ.get("KIROK_SMTP_PORT", "587")
        if not port.isdigit():
            raise MailError(f"KIROK_SMTP_PORT: {port!r} is not a port number")
        return cls(
            host=os.environ.get("KIROK_SMTP_HOST") or None,
            port=int(port),
            user=os.environ.get("KIROK_SMTP_USER") or None,
            password=os.environ.get("KIROK_SMTP_PASSWORD") or None,
            sender=os.environ.get("KIROK_MAIL_FROM") or "kirok@localhost",
            outbox=Path(os.environ.get("KIROK_OUTBOX") or "outbox"),
        )

    def message(self, to: str, subject: str, text: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = format_datetime(dt.datetime.now(dt.UTC))
        message["Message-ID"] = make_msgid(domain=self.sender.rpartition("@")[2] or None)
        message.set_content(text)
        return message

    def send(self, message: EmailMessage) -> str:
        """Send or file the message; returns where it went."""
        if self.host:
            return self._smtp(message)
        try:
            self.outbox.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            path = self.outbox / f"{stamp}-{secrets.token_hex(4)}.eml"
            partial = path.with_suffix(".part")
            partial.write_bytes(bytes(message))
            partial.replace(path)  # a reader never sees half a message
        except OSError as error:
            raise MailError(f"outbox {self.outbox}: cannot write ({error.strerror})") from None
        return str(path)

    def _smtp(self, message: EmailMessage) -> str:
        assert self.host is not None
        context = ssl.create_default_context()
        try:
            if self.port == 465:
                server: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, context=context, timeout=30
                )
            else:
                server = smtplib.SMTP(self.host, self.port, timeout=30)
            with server:
                if self.port != 465 and server.has_extn("starttls"):
                    server.starttls(context=context)
                if self.user:
                    server.login(self.user, self.password or "")
                server.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(f"SMTP server {self.host}:{self.port}: {error}") from None
        return f"{self.host}:{self.port}"
