"""Email transport: SMTP sending and the text + HTML templates.

Nothing here touches the database: requests never send mail themselves, they
enqueue it (``core.notifications.mail_outbox.enqueue_mail``) and a scheduler
job hands due mail to ``core.mail.smtp.send`` outside any transaction.
"""
