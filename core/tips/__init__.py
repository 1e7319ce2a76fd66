"""The peer tip library: writing, finding, voting, flagging and moderating tips.

- ``service``: writes (with history, profile and full-text index), reads, ``to_public``.
- ``text``, ``votes``, ``moderation``, ``importer``: Markdown and tags, votes, flags, import.
- ``feedback``: "this helped (or not) in this meeting", kept with the meeting.
"""
