"""`python -m factcheck`, and the factcheck command: the same entry point."""

import gc


def run() -> None:
    """The factcheck command. Garbage collection is off from the first import
    until the command has started (factcheck.cli.common.resume_collection)."""
    gc.disable()
    from factcheck.cli import main

    main()


if __name__ == "__main__":
    run()
