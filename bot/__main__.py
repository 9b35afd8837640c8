"""Run the command line with ``python -m bot``."""

from bot.launch import main

raise SystemExit(main())
