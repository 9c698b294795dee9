"""What changed between two DOCX versions of an act: their paragraphs compared line by line
(difflib), shown as removed and added paragraphs. Only the text: formatting is not compared."""

import difflib
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The text of an act is short; a document.xml larger than this is not read (its upload was
# already checked against zip bombs, this only bounds the work of one page).
MAXIMO_XML = 5 * 1024 * 1024


def parrafos(documento) -> list[str] | None:
    """The paragraphs of a DOCX Adjunto, or None when it cannot be read."""
    try:
        with documento.archivo.open("rb") as archivo, zipfile.ZipFile(archivo) as contenedor:
            info = contenedor.getinfo("word/document.xml")
            if info.file_size > MAXIMO_XML:
                return None
            raiz = ElementTree.fromstring(contenedor.read(info))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return None
    return [
        "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
        for p in raiz.iter(f"{W}p")
        if "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
    ]


def cambios(anterior: list[str], nueva: list[str]) -> list[tuple[str, str]]:
    """[(kind, paragraph)]: "quitado", "agregado" or "igual" (unchanged, kept for context)."""
    resultado = []
    for linea in difflib.ndiff(anterior, nueva):
        codigo, texto = linea[:2], linea[2:]
        if codigo == "- ":
            resultado.append(("quitado", texto))
        elif codigo == "+ ":
            resultado.append(("agregado", texto))
        elif codigo == "  ":
            resultado.append(("igual", texto))
    return resultado
