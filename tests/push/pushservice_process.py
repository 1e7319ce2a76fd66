"""The push-service stand-in in a process of its own, for the benchmarks.

The sender under test must not share a core's GIL with its receiver, so the
benchmarks run the same ``Checker`` (verify VAPID, decrypt) here under uvloop,
driven over a pipe: ``stats``, ``received``, ``reset``, ``stop``.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from tests.push.pushservice import Checker, Subscriber, _serve


def _process_main(
    connection: Any, subscribers: list[tuple[str, str, str]], vapid_public_key: str | None,
    verify_every: int, decrypt_every: int,
) -> None:  # fmt: skip
    """The stand-in in a process of its own (benchmarks): serve until told to stop."""
    try:
        import uvloop

        uvloop.install()
    except ImportError:  # pragma: no cover
        pass
    checker = Checker(
        vapid_public_key=vapid_public_key,
        verify_every=verify_every,
        decrypt_every=decrypt_every,
        keep_headers=False,
    )
    for path, der, auth in subscribers:
        checker.subscribers[path] = Subscriber.from_secrets(path, der, auth)
    lock = threading.Lock()

    async def main() -> None:
        server = await _serve(checker, lock)
        checker.origin = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        connection.send(server.sockets[0].getsockname()[1])
        loop = asyncio.get_running_loop()
        while True:
            command = await loop.run_in_executor(None, connection.recv)
            with lock:
                if command == "stats":
                    connection.send(
                        {
                            "count": checker.count,
                            "errors": checker.errors[:20],
                            "error_count": len(checker.errors),
                            "accepted": sum(1 for r in checker.received if r.status < 300),
                            "decrypted": sum(1 for r in checker.received if r.payload is not None),
                            "cpu_seconds": time.process_time(),
                        }
                    )
                elif command == "received":
                    connection.send(
                        [(r.path, r.topic, r.status, r.payload) for r in checker.received]
                    )
                elif command == "reset":
                    checker.received.clear()
                    checker.errors.clear()
                    checker.count = 0
                    connection.send("ok")
                else:
                    server.close()
                    connection.send("bye")
                    return

    asyncio.run(main())


class PushServiceProcess:
    """The stand-in in its own process, so the benchmark measures only the sender."""

    def __init__(
        self, subscribers: list[Subscriber], vapid_public_key: str | None, *,
        verify_every: int = 1, decrypt_every: int = 1,
    ) -> None:  # fmt: skip
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        secrets = [(s.path, *s.secrets()) for s in subscribers]
        self._process = context.Process(
            target=_process_main,
            args=(child, secrets, vapid_public_key, verify_every, decrypt_every),
            daemon=True,
        )
        self.subscribers = subscribers
        self.port = 0

    def __enter__(self) -> PushServiceProcess:
        self._process.start()
        if not self._connection.poll(60):
            raise RuntimeError("the push service process did not start")
        self.port = self._connection.recv()
        for subscriber in self.subscribers:
            subscriber.endpoint = f"http://127.0.0.1:{self.port}{subscriber.path}"
        return self

    def ask(self, command: str) -> Any:
        self._connection.send(command)
        return self._connection.recv()

    def __exit__(self, *exc: object) -> None:
        try:
            self.ask("stop")
        finally:
            self._process.join(10)
            if self._process.is_alive():
                self._process.kill()


def make_subscribers(count: int, prefix: str = "device") -> list[Subscriber]:
    """Browser-side key pairs for ``count`` subscriptions (endpoints set when served)."""
    return [
        Subscriber(
            path=f"/push/{prefix}-{n}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth=os.urandom(16),
        )
        for n in range(count)
    ]
