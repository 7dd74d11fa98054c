"""Accounts for the web app: Argon2-hashed passwords and three roles."""

from __future__ import annotations

import contextlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kirok.errors import InvalidValue, NotFound
from kirok.store.records import now
from kirok.store.schema import ROLES, AppSetting, User

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
_hasher = PasswordHasher()
# verified against when no such user exists, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _hasher.hash("not a password anyone has")

EDIT_ROLES = ("admin", "editor")


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidValue(f"password: at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InvalidValue(f"password: at most {MAX_PASSWORD} characters")


def add_user(session: Session, username: str, password: str, role: str) -> User:
    """A new account; the caller commits."""
    if not USERNAME.fullmatch(username):
        raise InvalidValue(
            f"username: {username!r} must be letters, digits and . _ @ - (at most 100)"
        )
    if role not in ROLES:
        raise InvalidValue(f"role: {role!r} is not one of: {', '.join(ROLES)}")
    check_password(password)
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise InvalidValue(f"username: {username!r} is taken")
    user = User(
        username=username,
        password_hash=_hasher.hash(password),
        role=role,
        active=True,
        created_at=now(),
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The account if the password is right, else None (never saying which part was wrong)."""
    user = session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None or not user.active:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_DUMMY_HASH, password)
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def secret_key(session: Session) -> str:
    """The key that signs web sessions: made once, kept in the database, so every
    server on the same database accepts the same sessions."""
    setting = session.get(AppSetting, "session_key")
    if setting is None:
        setting = AppSetting(key="session_key", value=secrets.token_urlsafe(48))
        session.add(setting)
        session.commit()
    return setting.value


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(func.lower(User.username))))


def change_user(
    session: Session,
    user_id: int,
    role: str | None = None,
    active: bool | None = None,
    password: str | None = None,
) -> User:
    """Change an account's role, whether it may sign in, or its password; the
    caller commits. The last active admin cannot be demoted or switched off."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"There is no account {user_id}.")
    if role is not None and role not in ROLES:
        raise InvalidValue(f"role: {role!r} is not one of: {', '.join(ROLES)}")
    losing_admin = (
        user.role == "admin"
        and user.active
        and ((role is not None and role != "admin") or active is False)
    )
    if losing_admin:
        admins = session.scalar(
            select(func.count(User.id)).where(User.role == "admin", User.active.is_(True))
        )
        if (admins or 0) <= 1:
            raise InvalidValue(f"{user.username} is the only admin left: make another admin first.")
    if password is not None:
        check_password(password)
        user.password_hash = _hasher.hash(password)
    if role is not None:
        user.role = role
    if active is not None:
        user.active = active
    return user
