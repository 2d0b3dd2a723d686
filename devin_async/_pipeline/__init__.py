"""The request pipeline, one module per layer, outermost first.

retry -> rate limit / 429 gate -> auth -> logging -> (user middleware) -> attempt counting
-> transport. ``compose`` binds them into one handler.
"""
