from datetime import datetime, time

import pytest
from django.core.cache import cache
from django.utils import timezone

from buengobierno.organizacion.models import CODIGO_SECRETARIA_DE_GOBIERNO
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import comprobar_version
from buengobierno.web import opciones
from tests.factories import OrganismoFactory, UsuarioFactory


@pytest.fixture(autouse=True)
def _cache_limpia():
    # The cache outlives each test's rollback; so does the business-day calendar each process
    # holds in memory (a test may have added a non-working day): compare it again; and the
    # filters' option lists each process keeps.
    cache.clear()
    comprobar_version()
    opciones.olvidar()
    yield
    cache.clear()
    comprobar_version()
    opciones.olvidar()


@pytest.fixture
def gobierno(db):
    return OrganismoFactory(
        codigo=CODIGO_SECRETARIA_DE_GOBIERNO, nombre="Secretaría de Gobierno", sigla="SG"
    )


@pytest.fixture
def otro_organismo(db):
    return OrganismoFactory(codigo="4161", nombre="Secretaría de Salud Pública", sigla="SSP")


@pytest.fixture
def crear_usuario(db):
    """crear_usuario(rol, organismo=None, **campos) -> a user holding that role."""

    def crear(rol=None, organismo=None, **campos):
        if organismo is not None:
            campos["organismo"] = organismo
        return UsuarioFactory(rol=rol, **campos)

    return crear


@pytest.fixture
def despacho(crear_usuario, gobierno):
    return crear_usuario(Rol.DESPACHO, gobierno, username="despacho")


@pytest.fixture
def consulta(crear_usuario):
    return crear_usuario(Rol.CONSULTA, username="consulta")


# --- people of other organisms, shared by the procedures' tests ---


@pytest.fixture
def hoy():
    return timezone.localdate()


@pytest.fixture
def directivo_salud(crear_usuario, otro_organismo):
    """The head of Salud (Organismo.jefe): a usual delegate and responsible person."""
    jefe = crear_usuario(
        Rol.DIRECTIVO,
        otro_organismo,
        username="jefe.salud",
        first_name="Carlos",
        last_name="Valencia",
        cargo="Secretario de Salud Pública",
    )
    otro_organismo.jefe = jefe
    otro_organismo.save()
    return jefe


@pytest.fixture
def enlace_salud(crear_usuario, otro_organismo):
    return crear_usuario(
        Rol.ENLACE, otro_organismo, username="enlace.salud", first_name="Diana", last_name="Riascos"
    )


@pytest.fixture
def tercer_organismo(db):
    return OrganismoFactory(codigo="4148", nombre="Secretaría de Educación", sigla="SE")


@pytest.fixture
def directivo_educacion(crear_usuario, tercer_organismo):
    return crear_usuario(Rol.DIRECTIVO, tercer_organismo, username="jefe.educacion")


@pytest.fixture
def al_confirmar(django_capture_on_commit_callbacks):
    """`with al_confirmar():` runs the on_commit callbacks (the e-mails) when the block ends,
    as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def momento(fecha, hora=9):
    """An aware datetime in Bogotá: `fecha` at `hora`:00."""
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


# --- navegador ---
# Browser tests: Playwright for Python driving Debian's chromium. Mark them
# @pytest.mark.browser and @pytest.mark.django_db(transaction=True) and use `live_server`.
ARGUMENTOS_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def navegador():
    """One headless chromium for the whole session."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django would then
    # refuse ORM calls made by the test itself (factories, call_command, asserts on rows).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=ARGUMENTOS_CHROMIUM
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def contexto_navegador(navegador):
    """A browser profile (cookies, viewport 1366×900, Spanish) shared by one test module."""
    contexto = navegador.new_context(
        locale="es-CO", timezone_id="America/Bogota", viewport={"width": 1366, "height": 900}
    )
    contexto.set_default_timeout(15_000)
    # The browser reports on the console what the Content-Security-Policy blocked; every
    # page check (tests.navegador.revisar_pagina) asserts there was nothing.
    contexto.violaciones_csp = []
    contexto.on(
        "console",
        lambda mensaje: (
            contexto.violaciones_csp.append(f"{mensaje.page and mensaje.page.url}: {mensaje.text}")
            if "Content Security Policy" in mensaje.text
            else None
        ),
    )
    yield contexto
    contexto.close()


@pytest.fixture(scope="module")
def pagina(contexto_navegador):
    """A Playwright Page in the module's browser context."""
    pagina = contexto_navegador.new_page()
    yield pagina
    pagina.close()


@pytest.fixture
def entrar(live_server):
    """entrar(pagina, usuario, clave): log in through the real login form; waits for the desk."""
    from django.urls import reverse

    def entrar_(pagina, usuario, clave):
        pagina.context.clear_cookies()  # the context is shared by the module: start anonymous
        pagina.goto(live_server.url + reverse("login"))
        pagina.get_by_label("Usuario").fill(usuario)
        pagina.get_by_label("Contraseña").fill(clave)
        pagina.get_by_role("button", name="Ingresar").click()
        pagina.wait_for_url(lambda url: "/cuentas/entrar/" not in url)
        return pagina

    return entrar_


# --- fin navegador ---
