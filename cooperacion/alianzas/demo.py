"""Demo data of P006: cooperantes foreign and national, alliances in every state with
resources in USD, EUR and COP. Built through the services with e-mail switched off; dated
relative to today (one alliance expires within 90 days). Idempotent: skipped when loaded."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from cooperacion.alianzas import services
from cooperacion.alianzas.models import Alianza, Cooperante, sembrar_ods

COOPERANTES = [
    # nombre, sigla, tipo, país, áreas
    (
        "Agencia de Cooperación Internacional del Japón",
        "JICA",
        "agencia_bilateral",
        "JP",
        "Gestión del riesgo, movilidad, agua",
    ),
    ("Embajada de Francia en Colombia", "", "embajada", "FR", "Cultura, educación, ciudades"),
    (
        "Agencia Alemana de Cooperación Internacional",
        "GIZ",
        "agencia_bilateral",
        "DE",
        "Paz, clima, movilidad eléctrica",
    ),
    (
        "Programa de las Naciones Unidas para el Desarrollo",
        "PNUD",
        "multilateral",
        "XX",
        "Paz, gobernanza, desarrollo sostenible",
    ),
    ("Ciudad de Miami", "", "ciudad_hermana", "US", "Comercio, turismo, salsa"),
    (
        "Agencia Presidencial de Cooperación Internacional de Colombia",
        "APC-Colombia",
        "nacional",
        "CO",
        "Articulación de la cooperación en el país",
    ),
]


def _recurso(alianza, usuario, descripcion, anio, monto, moneda, tasa=None, dias_tasa=0):
    hoy = timezone.localdate()
    services.agregar_recurso(
        alianza=alianza,
        datos={
            "tipo": "financiero",
            "descripcion": descripcion,
            "anio": anio,
            "monto": Decimal(monto),
            "moneda": moneda,
            "tasa_cambio": Decimal(tasa) if tasa else None,
            "fecha_tasa": hoy - timedelta(days=dias_tasa) if tasa else None,
        },
        usuario=usuario,
    )


def cargar(*, usuarios, stdout):
    if Cooperante.objects.filter(sigla="JICA").exists():
        stdout.write("Alianzas: los datos de demostración ya estaban cargados.")
        return
    sembrar_ods()
    relaciones, juridica = usuarios["relaciones"], usuarios["juridica"]
    hoy = timezone.localdate()
    with sin_avisos():
        cooperantes = {}
        for nombre, sigla, tipo, pais, areas in COOPERANTES:
            cooperantes[sigla or nombre] = services.registrar_cooperante(
                datos={
                    "nombre": nombre,
                    "sigla": sigla,
                    "tipo": tipo,
                    "pais": pais,
                    "areas_interes": areas,
                },
                usuario=relaciones,
            )
        services.agregar_contacto(
            cooperante=cooperantes["JICA"],
            datos={
                "nombre": "Hiroshi Tanaka",
                "cargo": "Representante residente",
                "correo": "tanaka@example.org",
                "aviso_informado": True,
            },
            usuario=relaciones,
        )

        def alianza(nombre, instrumento, cooperante, ods, fin=None, **cambios):
            return services.registrar_alianza(
                datos={
                    "nombre": nombre,
                    "instrumento": instrumento,
                    "cooperante": cooperantes[cooperante],
                    "objeto": cambios.pop("objeto", f"Cooperación para {nombre.lower()}."),
                    "organismo": relaciones.organismo,
                    "responsable": relaciones,
                    "fecha_fin_vigencia": fin,
                    **cambios,
                },
                ods=ods,
                usuario=relaciones,
            )

        def firmar(a, firma, fin):
            services.solicitar_concepto(alianza=a, usuario=relaciones)
            services.emitir_concepto(alianza=a, favorable=True, observaciones="", usuario=juridica)
            return services.firmar_alianza(
                alianza=a, fecha_firma=firma, fecha_fin_vigencia=fin, usuario=relaciones
            )

        movilidad = alianza(
            "Movilidad sostenible del MIO",
            "memorando",
            "JICA",
            [11, 13],
            objeto="Asistencia técnica para la electrificación de la flota del MIO.",
        )
        movilidad = firmar(movilidad, hoy - timedelta(days=400), hoy + timedelta(days=60))
        _recurso(
            movilidad,
            relaciones,
            "Estudios de electrificación",
            hoy.year - 1,
            "250000",
            "USD",
            "3950.50",
            30,
        )
        _recurso(movilidad, relaciones, "Contrapartida municipal", hoy.year - 1, "300000000", "COP")

        clima = alianza("Cali resiliente al clima", "acuerdo", "GIZ", [13, 6])
        clima = firmar(clima, hoy - timedelta(days=120), hoy + timedelta(days=1000))
        _recurso(clima, relaciones, "Fondo de adaptación", hoy.year, "180000", "EUR", "4410.20", 10)

        hermanamiento = alianza(
            "Hermanamiento Cali–Miami",
            "hermanamiento",
            "Ciudad de Miami",
            [8, 17],
            renovacion_automatica=True,
        )
        firmar(hermanamiento, hoy - timedelta(days=900), hoy + timedelta(days=500))

        paz = alianza(
            "Territorios de paz", "convenio", "PNUD", [16, 5], fin=hoy + timedelta(days=720)
        )
        services.solicitar_concepto(alianza=paz, usuario=relaciones)
        _recurso(paz, relaciones, "Aporte del PNUD", hoy.year, "95000", "USD", "4012.00", 2)

        cultura = alianza(
            "Intercambio cultural", "carta_intencion", "Embajada de Francia en Colombia", [4]
        )
        vencida = firmar(cultura, hoy - timedelta(days=800), hoy - timedelta(days=10))
        assert vencida.estado == Alianza.Estado.VENCIDA

        apc = alianza("Ventanilla de cooperación", "convenio", "APC-Colombia", [17])
        services.terminar_alianza(
            alianza=apc, motivo="La APC atenderá por su plataforma nacional.", usuario=relaciones
        )
    stdout.write("Alianzas: 6 cooperantes y 6 alianzas en todos los estados.")
