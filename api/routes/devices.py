"""Push devices: the VAPID public key, subscriptions, and "send a test"."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import CurrentUser, IdPath, SessionDep
from core import ratelimit
from core.models.push import (
    DeviceCreate,
    DeviceList,
    DevicePublic,
    NotificationPublic,
    PushKey,
    PushReceipt,
)
from core.notifications import devices, receipts
from core.push import vapid

router = APIRouter(tags=["devices"])
TEST_PUSH_LIMIT = "12/hour"  # each one buzzes a phone and spends push-service quota
# Receipts need no sign-in (the service worker may have no session), so they are
# limited per address: a phone sends two per notification at most.
RECEIPT_LIMIT = "120/minute"


@router.get("/api/push/key", response_model=PushKey)
def push_key(session: SessionDep) -> PushKey:
    """Public by design: the browser needs it to subscribe, and it signs nothing."""
    return PushKey(public_key=vapid.public_key(session))


@router.post("/api/devices", status_code=201, response_model=DevicePublic)
def add_device(data: DeviceCreate, user: CurrentUser, session: SessionDep) -> DevicePublic:
    device = devices.register(session, user, data)
    return DevicePublic.model_validate(device)


@router.get("/api/devices", response_model=DeviceList)
def list_devices(user: CurrentUser, session: SessionDep) -> DeviceList:
    return devices.list_devices(session, user)


@router.delete("/api/devices/{device_id}", status_code=204)
def delete_device(device_id: IdPath, user: CurrentUser, session: SessionDep) -> Response:
    devices.delete(session, user, device_id)
    return Response(status_code=204)


@router.post("/api/devices/{device_id}/test", status_code=202, response_model=NotificationPublic)
def test_device(device_id: IdPath, user: CurrentUser, session: SessionDep) -> NotificationPublic:
    """Queue a test push; the next worker pass (seconds) sends it."""
    ratelimit.check("push-test", f"user:{user.id}", TEST_PUSH_LIMIT)
    return NotificationPublic.model_validate(devices.queue_test(session, user, device_id))


@router.post("/api/push/receipts", status_code=204, responses={404: {"description": "unknown"}})
def push_receipt(data: PushReceipt, request: Request, session: SessionDep) -> Response:
    """The service worker says a notification was shown or opened. No cookie needed:
    the receipt token is the proof, and it is good for nothing else."""
    address = request.client.host if request.client else "unknown"
    ratelimit.check("push-receipt", f"ip:{address}", RECEIPT_LIMIT)
    receipts.record(session, data.receipt, data.event)
    return Response(status_code=204)
