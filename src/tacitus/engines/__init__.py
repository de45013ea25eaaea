"""Execution engines beyond this machine's processes; each is imported only when asked for (`--engine ray`).

The plain engine (one process, or a fork pool) lives in `tacitus.runner`; `runner.run(engine=...)` picks one.
"""
