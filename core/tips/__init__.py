"""The peer tip library: writing, finding, voting, flagging and moderating tips."""
