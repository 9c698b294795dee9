"""Shared by the tests of frozen documents (P001 and P005): each test stores its files in its
own MEDIA_ROOT, and a download is read whole."""

import pytest


@pytest.fixture
def media_propia(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def descargar_pdf(client, url: str) -> bytes:
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    return b"".join(respuesta.streaming_content)
