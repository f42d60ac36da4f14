// A lesson's PDF drawn page by page inside the lesson page (pdf.js, vendored): WeChat on Android
// cannot show a PDF inline, and reading it elsewhere would leave the page whose visible time counts.
import * as pdfjs from "/lib/pdfjs/pdf.min.mjs";

const box = document.querySelector("[data-pdf]");
if (box) {
    pdfjs.GlobalWorkerOptions.workerSrc = "/lib/pdfjs/pdf.worker.min.mjs";
    const status = box.querySelector("[data-pdf-status]");
    try {
        // No eval: the page's Content-Security-Policy forbids it, and pdf.js draws fonts without it.
        const doc = await pdfjs.getDocument({ url: box.dataset.pdf, cMapUrl: "/lib/pdfjs/cmaps/", cMapPacked: true, isEvalSupported: false }).promise;
        for (let n = 1; n <= doc.numPages; n++) {
            const page = await doc.getPage(n);
            const width = page.getViewport({ scale: 1 }).width;
            const viewport = page.getViewport({ scale: Math.min(3, box.clientWidth * (window.devicePixelRatio || 1) / width) });
            const canvas = document.createElement("canvas");
            canvas.width = Math.floor(viewport.width);
            canvas.height = Math.floor(viewport.height);
            canvas.setAttribute("aria-label", "第 " + n + " 页");
            box.append(canvas);
            await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
        }
        if (status) status.remove();
    } catch (e) {
        if (status) status.textContent = "文件未能在页面中显示，请点下方“打开文件”阅读。";
    }
}
