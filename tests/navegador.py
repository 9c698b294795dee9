"""Checks every browser test makes of the pages it visits (issue 10's Definition of done).

revisar_pagina(pagina)                # axe-core: no serious or critical violation, and
                                      # nothing blocked by the Content-Security-Policy
sin_desplazamiento_lateral(pagina)    # nothing pushes the page sideways at 320, 390…
elegir_persona(zona, "Responsable", "Carlos")   # the type-ahead person picker
escribir_fecha(zona, "Fecha límite", fecha)     # a day-first date input
"""

from axe_playwright_python.sync_playwright import Axe

from buengobierno.documentos.formato import fecha_entrada

_AXE = Axe()
IMPACTOS_GRAVES = {"serious", "critical"}
ANCHOS_TELEFONO = (320, 390)


def violaciones_graves(pagina) -> list[str]:
    """The serious and critical axe-core violations of the page as it is now, one line each."""
    resultado = _AXE.run(pagina, options={"resultTypes": ["violations"]})
    lineas = []
    for violacion in resultado.response["violations"]:
        if violacion["impact"] in IMPACTOS_GRAVES:
            lugares = ", ".join(" ".join(n["target"]) for n in violacion["nodes"][:4])
            lineas.append(f"{violacion['id']} ({violacion['impact']}): {lugares}")
    return lineas


def revisar_pagina(pagina, *, ancho_telefono=True) -> None:
    """axe-core at the current size, then (on a phone too) no horizontal scroll.

    The page keeps the viewport it had when the check ends.
    """
    graves = violaciones_graves(pagina)
    assert not graves, f"{pagina.url}: " + "; ".join(graves)
    bloqueado = getattr(pagina.context, "violaciones_csp", [])
    assert not bloqueado, "Content-Security-Policy: " + "; ".join(bloqueado)
    if ancho_telefono:
        sin_desplazamiento_lateral(pagina)


def sin_desplazamiento_lateral(pagina, anchos=ANCHOS_TELEFONO) -> None:
    """At each phone width nothing is wider than the screen (the page never scrolls sideways)."""
    original = pagina.viewport_size
    try:
        for ancho in anchos:
            pagina.set_viewport_size({"width": ancho, "height": 844})
            sobra = pagina.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert sobra <= 0, f"{pagina.url} se desplaza {sobra} px de lado a {ancho} px"
    finally:
        pagina.set_viewport_size(original)


def elegir_persona(zona, etiqueta: str, texto: str, *, exacta: bool = True) -> None:
    """Type part of a name in the person picker labelled `etiqueta` and choose the match."""
    caja = zona.get_by_role("combobox", name=etiqueta, exact=exacta)
    caja.fill(texto)
    pagina = getattr(zona, "page", zona)  # a Locator or the Page itself
    pagina.get_by_role("option", name=texto).first.click()


def escribir_fecha(zona, etiqueta: str, fecha) -> None:
    """Type a date day first, as a person does (09/12/2026)."""
    zona.get_by_label(etiqueta).first.fill(fecha_entrada(fecha))
