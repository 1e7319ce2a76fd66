"""The mail outbox against a real SMTP server on loopback, next to a naive inline send.

    .venv/bin/python bench/mail.py [--mails 1000] [--rounds 3]

An aiosmtpd server runs in another process. This process queues ``--mails``
rendered invite mails into a throwaway SQLite database through the production
path (``render_mail`` + ``enqueue_mail``, one unit of work), then the
scheduler's job function (``deliver_due_mail``, batches of 50 on one SMTP
connection) sends them. Printed, all measured in this run (medians of
``--rounds``):

- enqueue: what a request pays per mail (render + insert), in ms;
- outbox: mails per second delivered by one worker;
- naive: ``smtplib`` connect + send + quit per mail, as a request that mailed
  inline would do — per-mail latency a request would wait for, and mails/s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import smtplib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def serve(port: int, counter: Any, ready: Any) -> None:
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            with counter.get_lock():
                counter.value += 1
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from tests.mail.smtpserver import free_port

    port = free_port()
    counter = multiprocessing.Value("i", 0)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(port, counter, ready), daemon=True)
    server.start()
    ready.wait(30)

    scratch = tempfile.mkdtemp(prefix="tipoff-bench-mail-")
    os.environ.update(
        {
            "TIPOFF_DATA_DIR": scratch,
            "TIPOFF_DATABASE_URL": f"sqlite:///{scratch}/bench.db",
            "TIPOFF_SECRET_KEY": "bench",
            "TIPOFF_SMTP_URL": f"smtp://127.0.0.1:{port}",
            "TIPOFF_MAIL_FROM": "Tipoff <tipoff@bench.example>",
        }
    )
    from core.db import get_engine, session_scope
    from core.mail.render import render_mail
    from core.mail.smtp import build_message
    from core.migrate import upgrade
    from core.notifications.mail_outbox import deliver_due_mail, enqueue_mail

    upgrade(get_engine())

    def rendered(n: int) -> Any:
        return render_mail(
            "invite",
            subject="Pat Admin invites you to Tipoff",
            inviter="Pat Admin",
            role="member",
            url=f"https://tips.example.com/join/inv_{n:040d}",
            expires="8 December 2026, 10:00 UTC",
            site="https://tips.example.com",
        )

    enqueue_ms, outbox_rate, naive_ms, naive_rate = [], [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        with session_scope() as session:
            for n in range(args.mails):
                mail = rendered(n)
                enqueue_mail(
                    session,
                    to=f"p{n}@bench.example",
                    subject=mail.subject,
                    text=mail.text,
                    html=mail.html,
                    kind="invite",
                )
        enqueue_ms.append((time.perf_counter() - start) * 1000 / args.mails)

        before = counter.value
        start = time.perf_counter()
        while deliver_due_mail():
            pass
        elapsed = time.perf_counter() - start
        assert counter.value - before == args.mails, (counter.value, before)
        outbox_rate.append(args.mails / elapsed)

        sample = max(50, args.mails // 10)
        start = time.perf_counter()
        for n in range(sample):
            mail = rendered(n)
            message = build_message(
                sender="tipoff@bench.example",
                to=f"p{n}@bench.example",
                subject=mail.subject,
                text=mail.text,
                html=mail.html,
                domain="bench.example",
            )
            with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
                client.send_message(message)
        elapsed = time.perf_counter() - start
        naive_ms.append(elapsed * 1000 / sample)
        naive_rate.append(sample / elapsed)

    median = statistics.median
    print(f"mails per round: {args.mails}, rounds: {args.rounds} (medians)")
    print(f"enqueue (what a request pays): {median(enqueue_ms):.2f} ms per mail")
    print(f"outbox, one worker:            {median(outbox_rate):.0f} mails/s")
    ratio = median(outbox_rate) / median(naive_rate)
    print(
        f"naive inline send:             {median(naive_ms):.1f} ms per mail "
        f"({median(naive_rate):.0f} mails/s); outbox/naive {ratio:.1f}x"
    )
    server.terminate()


if __name__ == "__main__":
    main()
