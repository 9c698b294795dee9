/* Buen Gobierno — pick people by typing their name (buengobierno.web.formularios.buscador).

   A <select data-buscador> (one person) or <select multiple data-buscador> (several) stays in
   the page as the form's real field — without JavaScript it is what the person uses — and is
   shown as a combobox: type part of a name or an organism's acronym, choose with a finger,
   the mouse or the arrow keys and Enter. With several, each chosen person is a chip with a
   button to take them out. Changes are made on the select and announced with a "change"
   event, so whatever listens to it (htmx on the live page) works unchanged. Another script
   that sets the select's value sends it an "actualizar" event to refresh what is shown. */
(function () {
  "use strict";

  var MAXIMO = 12; // suggestions shown at once
  var contador = 0;

  function sinTildes(texto) {
    return texto.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function mejorar(select) {
    if (select.dataset.buscadorListo || !select.id) {
      return;
    }
    select.dataset.buscadorListo = "1";
    contador += 1;
    var multiple = select.multiple;
    var idLista = select.id + "-sugerencias";
    var contenedor = document.createElement("div");
    contenedor.className = "buscador" + (multiple ? " buscador-multiple" : "");

    var elegidos = null;
    if (multiple) {
      elegidos = document.createElement("ul");
      elegidos.className = "buscador-elegidos list-unstyled";
      elegidos.setAttribute("aria-label", "Elegidos");
      contenedor.appendChild(elegidos);
    }
    var entrada = document.createElement("input");
    entrada.type = "text";
    entrada.id = select.id + "-buscar";
    entrada.className = "form-control" + (select.classList.contains("is-invalid") ? " is-invalid" : "");
    entrada.autocomplete = "off";
    entrada.spellcheck = false;
    entrada.setAttribute("role", "combobox");
    entrada.setAttribute("aria-autocomplete", "list");
    entrada.setAttribute("aria-expanded", "false");
    entrada.setAttribute("aria-controls", idLista);
    entrada.placeholder =
      select.dataset.buscadorVacio || (multiple ? "Escriba un nombre para agregar…" : "Escriba un nombre…");
    if (select.getAttribute("aria-describedby")) {
      entrada.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
    }
    if (select.disabled) {
      entrada.disabled = true;
    }
    var lista = document.createElement("ul");
    lista.id = idLista;
    lista.className = "buscador-sugerencias list-unstyled shadow";
    lista.setAttribute("role", "listbox");
    lista.hidden = true;
    contenedor.append(entrada, lista);

    // The label names the combobox now; the select stays for the form and for scripts.
    document.querySelectorAll('label[for="' + select.id + '"]').forEach(function (etiqueta) {
      etiqueta.htmlFor = entrada.id;
      lista.setAttribute("aria-label", etiqueta.textContent.replace("*", "").trim());
    });
    select.insertAdjacentElement("afterend", contenedor);
    select.classList.add("buscador-original");
    select.tabIndex = -1;
    select.setAttribute("aria-hidden", "true");

    var activa = -1;
    var opciones = [];

    function textoElegido() {
      var opcion = select.options[select.selectedIndex];
      return opcion && opcion.value ? opcion.text : "";
    }

    function pintarElegidos() {
      if (!multiple) {
        if (document.activeElement !== entrada) {
          entrada.value = textoElegido();
        }
        return;
      }
      elegidos.replaceChildren();
      Array.prototype.forEach.call(select.selectedOptions, function (opcion) {
        var item = document.createElement("li");
        item.className = "buscador-chip";
        var nombre = document.createElement("span");
        nombre.textContent = opcion.text;
        var quitar = document.createElement("button");
        quitar.type = "button";
        quitar.className = "btn-close";
        quitar.setAttribute("aria-label", "Quitar " + opcion.text);
        quitar.addEventListener("click", function () {
          opcion.selected = false;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          pintarElegidos();
          entrada.focus();
        });
        item.append(nombre, quitar);
        elegidos.appendChild(item);
      });
    }

    function cerrarLista() {
      lista.hidden = true;
      entrada.setAttribute("aria-expanded", "false");
      entrada.removeAttribute("aria-activedescendant");
      activa = -1;
    }

    function marcar(indice) {
      var items = lista.querySelectorAll('[role="option"]');
      items.forEach(function (item, i) {
        item.classList.toggle("activa", i === indice);
        item.setAttribute("aria-selected", i === indice ? "true" : "false");
      });
      activa = indice;
      if (indice >= 0 && items[indice]) {
        entrada.setAttribute("aria-activedescendant", items[indice].id);
        items[indice].scrollIntoView({ block: "nearest" });
      } else {
        entrada.removeAttribute("aria-activedescendant");
      }
    }

    function sugerir() {
      var palabras = sinTildes(entrada.value).split(/\s+/).filter(Boolean);
      opciones = Array.prototype.filter.call(select.options, function (opcion) {
        if (!opcion.value || (multiple && opcion.selected)) {
          return false;
        }
        var texto = sinTildes(opcion.text);
        return palabras.every(function (p) {
          return texto.indexOf(p) >= 0;
        });
      });
      var total = opciones.length;
      opciones = opciones.slice(0, MAXIMO);
      lista.replaceChildren();
      opciones.forEach(function (opcion, i) {
        var item = document.createElement("li");
        item.id = idLista + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = opcion.text;
        item.addEventListener("mousedown", function (evento) {
          evento.preventDefault(); // keep the focus in the box
        });
        item.addEventListener("click", function () {
          escoger(opcion);
        });
        lista.appendChild(item);
      });
      if (!opciones.length) {
        var vacio = document.createElement("li");
        vacio.className = "buscador-vacio";
        vacio.textContent = "Nada coincide con «" + entrada.value.trim() + "».";
        lista.appendChild(vacio);
      } else if (total > opciones.length) {
        var mas = document.createElement("li");
        mas.className = "buscador-vacio";
        mas.textContent = "Hay " + (total - opciones.length) + " más: escriba más letras para encontrarlas.";
        lista.appendChild(mas);
      }
      lista.hidden = false;
      entrada.setAttribute("aria-expanded", "true");
      marcar(opciones.length && entrada.value.trim() ? 0 : -1);
    }

    function escoger(opcion) {
      if (multiple) {
        opcion.selected = true;
        entrada.value = "";
      } else {
        select.value = opcion.value;
        entrada.value = opcion.text;
      }
      cerrarLista();
      select.dispatchEvent(new Event("change", { bubbles: true }));
      pintarElegidos();
      entrada.focus();
    }

    entrada.addEventListener("input", sugerir);
    entrada.addEventListener("focus", function () {
      if (!multiple) {
        entrada.select();
      }
    });
    entrada.addEventListener("click", function () {
      if (lista.hidden) {
        sugerir();
      }
    });
    entrada.addEventListener("keydown", function (evento) {
      if (evento.key === "ArrowDown" || evento.key === "ArrowUp") {
        evento.preventDefault();
        if (lista.hidden) {
          sugerir();
        }
        var paso = evento.key === "ArrowDown" ? 1 : -1;
        marcar(Math.max(0, Math.min(opciones.length - 1, activa + paso)));
      } else if (evento.key === "Enter") {
        if (!lista.hidden && activa >= 0 && opciones[activa]) {
          evento.preventDefault();
          escoger(opciones[activa]);
        }
      } else if (evento.key === "Escape") {
        if (!lista.hidden) {
          evento.preventDefault();
          cerrarLista();
        }
      }
    });
    entrada.addEventListener("blur", function () {
      cerrarLista();
      if (!multiple) {
        if (!entrada.value.trim() && select.value) {
          // Emptying the box clears the choice, where the field allows no one.
          if (select.querySelector('option[value=""]')) {
            select.value = "";
            select.dispatchEvent(new Event("change", { bubbles: true }));
          }
        }
        entrada.value = textoElegido();
      }
    });
    select.addEventListener("change", pintarElegidos);
    select.addEventListener("actualizar", pintarElegidos);
    pintarElegidos();
  }

  function preparar(raiz) {
    if (raiz.matches && raiz.matches("select[data-buscador]")) {
      mejorar(raiz);
    }
    if (raiz.querySelectorAll) {
      raiz.querySelectorAll("select[data-buscador]").forEach(mejorar);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    preparar(document);
    // Sections swapped in by htmx and rows added by scripts (the ficha's commitments).
    new MutationObserver(function (cambios) {
      cambios.forEach(function (cambio) {
        cambio.addedNodes.forEach(function (nodo) {
          if (nodo.nodeType === 1) {
            preparar(nodo);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
