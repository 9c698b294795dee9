from django.test import override_settings

from buengobierno.avisos.correo import construir_correo, url_absoluta


def _contexto(dia, destinatario, **extra):
    return {
        "objeto": dia,
        "destinatario": destinatario,
        "url": "https://buengobierno.cali.gov.co/admin/plazos/dianohabil/",
        **extra,
    }


def test_the_generic_email_carries_the_records_data_in_subject_text_and_html(
    dia_no_habil, administrador
):
    correo = construir_correo(
        "aviso_generico",
        _contexto(dia_no_habil, administrador, titulo="Día cívico", mensaje=dia_no_habil.motivo),
        administrador,
    )
    html = correo.alternatives[0].content

    assert correo.subject == "[Buen Gobierno] Día cívico"
    assert correo.to == ["ana.zuniga@cali.gov.co"]
    assert "Hola, Ana Zúñiga:" in correo.body
    assert "Juegos Panamericanos & Parapanamericanos" in correo.body
    assert str(dia_no_habil) in correo.body
    assert "https://buengobierno.cali.gov.co/admin/plazos/dianohabil/" in correo.body
    assert correo.alternatives[0].mimetype == "text/html"
    assert "Juegos Panamericanos &amp; Parapanamericanos" in html
    assert 'href="https://buengobierno.cali.gov.co/admin/plazos/dianohabil/"' in html
    assert "Alcaldía de Santiago de Cali" in html
    assert "Secretaría de Gobierno" in html
    assert correo.extra_headers["Auto-Submitted"] == "auto-generated"


def test_without_a_title_the_subject_names_the_record_on_one_line(dia_no_habil, administrador):
    dia_no_habil.motivo = "Motivo\ncon dos líneas"
    correo = construir_correo(
        "aviso_generico", _contexto(dia_no_habil, administrador), administrador
    )

    assert "\n" not in correo.subject
    assert correo.subject.startswith("[Buen Gobierno] Aviso sobre ")
    assert "Motivo con dos líneas" in correo.subject


@override_settings(EMAIL_SUBJECT_PREFIX="[Pruebas] ")
def test_the_subject_prefix_comes_from_the_settings(dia_no_habil, administrador):
    correo = construir_correo(
        "aviso_generico", _contexto(dia_no_habil, administrador, titulo="Hola"), "x@cali.gov.co"
    )

    assert correo.subject == "[Pruebas] Hola"
    assert correo.to == ["x@cali.gov.co"]


@override_settings(SITE_URL="https://buengobierno.cali.gov.co")
def test_links_in_emails_are_absolute():
    assert url_absoluta("/actos/3/") == "https://buengobierno.cali.gov.co/actos/3/"
    assert url_absoluta("actos/3/") == "https://buengobierno.cali.gov.co/actos/3/"
    assert url_absoluta("") == "https://buengobierno.cali.gov.co/"
    assert url_absoluta("https://otro.gov.co/x") == "https://otro.gov.co/x"
