from migresearch.cli import main

raise SystemExit(main())
