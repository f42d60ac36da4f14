using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Training.Web.Features.Certificates.Pdf;

/// <summary>What one certificate prints; <see cref="VerifyUrl"/> is what its QR code holds.</summary>
public sealed record CertificateContent(string Name, string ClassName, DateOnly StartOn, DateOnly EndOn, decimal Hours,
    string IssuerName, string Number, DateOnly IssuedOn, string VerifyUrl);

/// <summary>
/// The certificate as an A4 PDF (PDFsharp 6.2, MIT): WenQuanYi Micro Hei embedded as a subset, every
/// word real text (the name and number can be searched and read back), and the QR code of the public
/// verification page as an image. Written straight to the stream it is given; nothing is kept.
/// </summary>
public static class CertificatePdf
{
    public const string ContentType = "application/pdf";

    private static readonly XColor Red = XColor.FromArgb(0xA3, 0x1F, 0x24);
    private static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    private static readonly XColor Grey = XColor.FromArgb(0x66, 0x66, 0x66);

    public static void Write(CertificateContent c, Stream output)
    {
        CertificateFont.EnsureRegistered();
        using var document = new PdfDocument();
        // Most of a certificate's cost is compressing the embedded font subset: the fastest level halves
        // it for a few KB more per file.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = $"{CertificatesTexts.Title} {c.Number}";
        document.Info.Creator = CertificatesTexts.Title;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
            Draw(g, page.Width.Point, page.Height.Point, c);
        document.Save(output, closeStream: false);
    }

    private static void Draw(XGraphics g, double width, double height, CertificateContent c)
    {
        var title = Font(44);
        var name = Font(22);
        var body = Font(16);
        var small = Font(11.5);
        var ink = new XSolidBrush(Ink);
        var grey = new XSolidBrush(Grey);

        g.DrawRectangle(new XPen(Red, 4), 28, 28, width - 56, height - 56);
        g.DrawRectangle(new XPen(Red, 0.8), 38, 38, width - 76, height - 76);

        g.DrawString(CertificatesTexts.Title, title, new XSolidBrush(Red), new XRect(0, 95, width, 60), XStringFormats.Center);

        const double left = 80;
        var right = width - 80;
        var y = 215.0;
        g.DrawString(CertificatesTexts.Salutation(c.Name), name, ink, left, y);
        y += 44;
        var hours = CertificatesTexts.Hours(c.Hours);
        foreach (var line in Wrap(g, "\u3000\u3000" + CertificatesTexts.Body(c.StartOn, c.EndOn, c.IssuerName, c.ClassName, hours), body, right - left))
        {
            g.DrawString(line, body, ink, left, y);
            y += 30;
        }
        g.DrawString("\u3000\u3000" + CertificatesTexts.Closing, body, ink, left, y);

        // The facts, one per line, as a reader checks them against the verification page.
        y = 470;
        g.DrawLine(new XPen(Red, 0.6), left, y - 22, right, y - 22);
        foreach (var (label, value) in new[]
        {
            (CertificatesTexts.NameLabel, c.Name),
            (CertificatesTexts.ClassLabel, c.ClassName),
            (CertificatesTexts.DatesLabel, CertificatesTexts.Dates(c.StartOn, c.EndOn)),
            (CertificatesTexts.HoursLabel, hours),
            (CertificatesTexts.IssuerLabel, c.IssuerName),
            (CertificatesTexts.NumberLabel, c.Number),
        })
        {
            g.DrawString(label, small, grey, left, y);
            var lines = Wrap(g, value, small, right - left - 70);
            foreach (var line in lines)
            {
                g.DrawString(line, small, ink, left + 70, y);
                y += 20;
            }
        }

        // Bottom: the QR code on the left, the issuing unit and the date on the right.
        const double qr = 112;
        var qrTop = height - 80 - qr - 18;
        using (var image = QrImage(c.VerifyUrl))
            g.DrawImage(image, left, qrTop, qr, qr);
        g.DrawString(CertificatesTexts.ScanToVerify, small, grey, new XRect(left - 20, qrTop + qr + 4, qr + 40, 16), XStringFormats.TopCenter);

        var sign = new XRect(width / 2, qrTop + 30, right - width / 2, 28);
        g.DrawString(c.IssuerName, body, ink, sign, XStringFormats.CenterRight);
        sign.Offset(0, 32);
        g.DrawString(CertificatesTexts.Date(c.IssuedOn), body, ink, sign, XStringFormats.CenterRight);
    }

    /// <summary>Every string in the one Unicode (CID) font: ASCII-only strings such as the number would otherwise embed a second subset.</summary>
    private static XFont Font(double size) =>
        new(CertificateFont.Family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>
    /// The QR code as a bitmap of one pixel a module (with its quiet zone), marked not to be interpolated,
    /// so that viewers and printers scale it up with sharp edges.
    /// </summary>
    private static XImage QrImage(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var bmp = new BitmapByteQRCode(data).GetGraphic(1);
        var image = XImage.FromStream(new MemoryStream(bmp, writable: false));
        image.Interpolate = false;
        return image;
    }

    /// <summary>Breaks Chinese text anywhere (it has no spaces to break at) to fit <paramref name="width"/>.</summary>
    private static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var start = 0;
        var lineWidth = 0.0;
        for (var i = 0; i < text.Length; i++)
        {
            var w = g.MeasureString(text[i].ToString(), font).Width;
            if (lineWidth + w > width && i > start)
            {
                lines.Add(text[start..i]);
                start = i;
                lineWidth = 0;
            }
            lineWidth += w;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
