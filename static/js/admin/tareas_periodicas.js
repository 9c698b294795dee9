/* The crontab of a periodic task in words under its field (django-celery-beat's admin form,
   whose inline script the Content-Security-Policy blocks). */
(function ($) {
  "use strict";
  $(function () {
    var legibles = JSON.parse($("#readable-crontabs").text());
    var ayuda = $(".field-crontab .help");
    var original = ayuda.html() || "";
    $(".field-crontab_translation").hide();
    $(".field-crontab").on("change", function () {
      var texto = legibles[$("#id_crontab").val()];
      ayuda.html(original).append($("<br>"), document.createTextNode(texto || ""));
    });
  });
})(django.jQuery);
