"""Registering the browsers a person gets pushes on.

A subscription is checked before it is stored, so the sender never meets a key
it cannot use: the endpoint goes through the SSRF policy (https only unless
private networks are allowed; every resolved address checked), ``p256dh`` must
be a point on P-256 and ``auth`` exactly 16 bytes (RFC 8291).
"""

from __future__ import annotations

import binascii
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from uuid import uuid4

from cryptography.hazmat.primitives.asymmetric import ec
from sqlmodel import Session, col, func, select

from core.errors import Conflict, InvalidInput
from core.models import Device, Notification, NotificationKind, User, utcnow
from core.models.ownership import owned
from core.models.push import DeviceCreate, DeviceList, SubscriptionKeys
from core.net.ssrf import Unreachable, UrlRefused, checked_addresses, normalise_url
from core.notifications import outbox, receipts
from core.push import payloads
from core.push.vapid import b64url_decode
from core.settings import get_settings

TEST_TTL = timedelta(minutes=10)
MAX_DEVICES = 20  # per person: each device multiplies every push


def _decode(value: str, what: str) -> bytes:
    try:
        return b64url_decode(value.strip())
    except (binascii.Error, ValueError):
        raise InvalidInput(f"keys.{what} is not base64url") from None


def check_keys(keys: SubscriptionKeys) -> None:
    public = _decode(keys.p256dh, "p256dh")
    if len(public) != 65 or public[0] != 4:
        raise InvalidInput("keys.p256dh must be an uncompressed P-256 public key (65 bytes)")
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), public)
    except ValueError:
        raise InvalidInput("keys.p256dh is not a point on the P-256 curve") from None
    if len(_decode(keys.auth, "auth")) != 16:
        raise InvalidInput("keys.auth must be a 16-byte secret")


def check_endpoint(endpoint: str) -> str:
    """The normalised endpoint, or a 422 saying why pushes may not go there."""
    allow_private = get_settings().allow_private_networks
    scheme = urlsplit(endpoint.strip()).scheme.lower()
    if scheme != "https" and not (allow_private and scheme == "http"):
        raise InvalidInput("the push endpoint must be an https URL")
    try:
        normal = normalise_url(endpoint)
        parts = urlsplit(normal)
        if parts.username is not None or parts.password is not None:
            raise InvalidInput("the push endpoint must not carry a user name or password")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        checked_addresses(parts.hostname or "", port, allow_private=allow_private)
    except UrlRefused as exc:
        raise InvalidInput(f"push endpoint refused: {exc.detail}") from None
    except Unreachable as exc:
        raise InvalidInput(f"push endpoint refused: {exc.detail}") from None
    return normal


def register(session: Session, user: User, data: DeviceCreate) -> Device:
    """Store (or refresh) a subscription and plan pushes for the user's upcoming meetings."""
    check_keys(data.keys)
    endpoint = check_endpoint(data.endpoint)
    expires_at = (
        datetime.fromtimestamp(data.expirationTime / 1000, UTC)
        if data.expirationTime is not None and data.expirationTime < 2**45
        else None
    )
    device = session.exec(select(Device).where(Device.endpoint == endpoint)).first()
    if device is not None and device.user_id != user.id:
        # The browser now belongs to someone else (signed out, signed in as another person).
        session.delete(device)
        session.flush()
        device = None
    if device is None:
        assert user.id is not None
        owned = session.exec(select(func.count()).where(Device.user_id == user.id)).one()
        if owned >= MAX_DEVICES:
            raise Conflict(f"at most {MAX_DEVICES} devices per person: remove one first")
        device = Device(user_id=user.id, endpoint=endpoint, p256dh="", auth="")
    device.p256dh = data.keys.p256dh.strip()
    device.auth = data.keys.auth.strip()
    device.expires_at = expires_at
    if data.name or not device.name:
        device.name = data.name.strip() or "This device"
    session.add(device)
    session.flush()
    outbox.plan_device(session, device)
    return device


def list_devices(session: Session, user: User) -> DeviceList:
    devices = session.exec(
        select(Device).where(Device.user_id == user.id).order_by(col(Device.id))
    ).all()
    now = utcnow()
    return DeviceList(items=[receipts.device_health(session, d, now=now) for d in devices])


def delete(session: Session, user: User, device_id: int) -> None:
    session.delete(owned(session, Device, device_id, user))
    session.flush()


def queue_test(session: Session, user: User, device_id: int) -> Notification:
    """A test push, due at once: the next worker pass sends it."""
    device = owned(session, Device, device_id, user)
    assert device.id is not None and user.id is not None
    now = utcnow()
    notification = Notification(
        device_id=device.id,
        user_id=user.id,
        occurrence=f"test-{uuid4().hex}",
        kind=NotificationKind.test,
        due_at=now,
        expires_at=now + TEST_TTL,
    )
    notification.payload = payloads.test(
        device.id, device.name, receipt=receipts.arm(notification)
    ).decode()
    session.add(notification)
    session.flush()
    return notification
