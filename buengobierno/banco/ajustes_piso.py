"""Settings of the floor page's server: the project's, without middleware, with one URL.

Only `python3 dev.py bench` starts a server with these settings; production never does.
"""

from pathlib import Path

from buengobierno.settings import *  # noqa: F403
from buengobierno.settings import TEMPLATES

MIDDLEWARE = []
ROOT_URLCONF = "buengobierno.banco.piso"
TEMPLATES = [
    {**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], Path(__file__).parent / "plantillas"]}
]
