"""Codes the Oficina de Relaciones y Cooperación records with: countries (ISO 3166-1 alpha-2),
currencies (ISO 4217) and the Objetivos de Desarrollo Sostenible.

Assumption: the lists hold the countries and currencies the Alcaldía deals with in practice
(the Americas, Europe, Asia-Pacific, Africa and the Middle East's usual partners), not all of
ISO 3166 / ISO 4217; a code missing here is one line to add (no migration: choices only).
"""

from django.utils.translation import gettext_lazy as _

PAISES = [
    ("AR", _("Argentina")),
    ("AU", _("Australia")),
    ("AT", _("Austria")),
    ("BE", _("Bélgica")),
    ("BO", _("Bolivia")),
    ("BR", _("Brasil")),
    ("CA", _("Canadá")),
    ("CL", _("Chile")),
    ("CN", _("China")),
    ("CO", _("Colombia")),
    ("KR", _("Corea del Sur")),
    ("CR", _("Costa Rica")),
    ("CU", _("Cuba")),
    ("DK", _("Dinamarca")),
    ("EC", _("Ecuador")),
    ("EG", _("Egipto")),
    ("SV", _("El Salvador")),
    ("AE", _("Emiratos Árabes Unidos")),
    ("ES", _("España")),
    ("US", _("Estados Unidos")),
    ("FI", _("Finlandia")),
    ("FR", _("Francia")),
    ("GH", _("Ghana")),
    ("GT", _("Guatemala")),
    ("HN", _("Honduras")),
    ("IN", _("India")),
    ("ID", _("Indonesia")),
    ("IE", _("Irlanda")),
    ("IL", _("Israel")),
    ("IT", _("Italia")),
    ("JM", _("Jamaica")),
    ("JP", _("Japón")),
    ("KE", _("Kenia")),
    ("MA", _("Marruecos")),
    ("MX", _("México")),
    ("NI", _("Nicaragua")),
    ("NG", _("Nigeria")),
    ("NO", _("Noruega")),
    ("NZ", _("Nueva Zelanda")),
    ("NL", _("Países Bajos")),
    ("PA", _("Panamá")),
    ("PY", _("Paraguay")),
    ("PE", _("Perú")),
    ("PL", _("Polonia")),
    ("PT", _("Portugal")),
    ("GB", _("Reino Unido")),
    ("CZ", _("República Checa")),
    ("DO", _("República Dominicana")),
    ("RU", _("Rusia")),
    ("SN", _("Senegal")),
    ("SG", _("Singapur")),
    ("ZA", _("Sudáfrica")),
    ("SE", _("Suecia")),
    ("CH", _("Suiza")),
    ("TH", _("Tailandia")),
    ("TR", _("Turquía")),
    ("UA", _("Ucrania")),
    ("UY", _("Uruguay")),
    ("VE", _("Venezuela")),
    ("VN", _("Vietnam")),
    ("DE", _("Alemania")),
    ("XX", _("Varios países (organismo multilateral)")),
]
PAISES.sort(key=lambda par: str(par[1]))

MONEDA_LOCAL = "COP"
MONEDAS = [
    ("COP", _("COP — peso colombiano")),
    ("USD", _("USD — dólar estadounidense")),
    ("EUR", _("EUR — euro")),
    ("GBP", _("GBP — libra esterlina")),
    ("JPY", _("JPY — yen japonés")),
    ("KRW", _("KRW — won surcoreano")),
    ("CNY", _("CNY — yuan chino")),
    ("CAD", _("CAD — dólar canadiense")),
    ("CHF", _("CHF — franco suizo")),
    ("SEK", _("SEK — corona sueca")),
    ("NOK", _("NOK — corona noruega")),
    ("DKK", _("DKK — corona danesa")),
    ("AUD", _("AUD — dólar australiano")),
    ("MXN", _("MXN — peso mexicano")),
    ("BRL", _("BRL — real brasileño")),
]

ODS = [
    (1, _("Fin de la pobreza")),
    (2, _("Hambre cero")),
    (3, _("Salud y bienestar")),
    (4, _("Educación de calidad")),
    (5, _("Igualdad de género")),
    (6, _("Agua limpia y saneamiento")),
    (7, _("Energía asequible y no contaminante")),
    (8, _("Trabajo decente y crecimiento económico")),
    (9, _("Industria, innovación e infraestructura")),
    (10, _("Reducción de las desigualdades")),
    (11, _("Ciudades y comunidades sostenibles")),
    (12, _("Producción y consumo responsables")),
    (13, _("Acción por el clima")),
    (14, _("Vida submarina")),
    (15, _("Vida de ecosistemas terrestres")),
    (16, _("Paz, justicia e instituciones sólidas")),
    (17, _("Alianzas para lograr los objetivos")),
]

AVISO_LEY_1581 = _(
    "Los datos personales de contacto se tratan conforme a la Ley 1581 de 2012 y la política "
    "de tratamiento de datos personales de la Alcaldía de Santiago de Cali, solo para la "
    "gestión de la cooperación y las visitas internacionales. El titular fue informado de la "
    "finalidad y de sus derechos a conocer, actualizar, rectificar y suprimir sus datos."
)
