"""python -m reformdash"""

import sys

from reformdash.cli import main

sys.exit(main())
