// Upload forms of the import pages: a file over the limit is refused before it is sent
// (the server says the same after the upload, for browsers without JavaScript).
document.addEventListener("change", function (evt) {
    var input = evt.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) return;
    var max = Number(input.getAttribute("data-max-bytes"));
    var file = input.files && input.files[0];
    input.setCustomValidity(file && file.size > max ? input.getAttribute("data-too-large") : "");
    input.reportValidity();
});
