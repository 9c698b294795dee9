"""Reading exports back as a person's spreadsheet would."""

import csv
import io

from openpyxl import load_workbook


def contenido(respuesta) -> bytes:
    """The whole body of a response, streamed or not."""
    return respuesta.getvalue()


def leer_csv(respuesta, separador=";") -> list[list[str]]:
    """The rows of a CSV as Excel with Colombian settings reads it: UTF-8 thanks to the byte
    order mark, fields separated by ";"."""
    datos = contenido(respuesta)
    assert datos.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(datos.decode("utf-8-sig")), delimiter=separador))


def leer_xlsx(respuesta):
    return load_workbook(io.BytesIO(contenido(respuesta))).active
