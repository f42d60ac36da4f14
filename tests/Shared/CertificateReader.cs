using StbImageSharp;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Training.Testing;

/// <summary>
/// Reads a certificate PDF back as a person with a phone would: the QR code's image taken out of the page and decoded.
/// Shared by the unit tests and the browser journeys (linked into both projects).
/// </summary>
public static class CertificateReader
{
    /// <summary>The text of the QR code on the certificate's first page; null when there is none or it does not decode.</summary>
    public static string? QrText(byte[] pdfBytes)
    {
        using var pdf = PdfDocument.Open(pdfBytes);
        var image = pdf.GetPage(1).GetImages().SingleOrDefault();
        return image is not null && image.TryGetPng(out var png) ? Decode(png) : null;
    }

    /// <summary>Decodes a QR code from a PNG of one pixel a module, scaled up as a screen or printer does.</summary>
    public static string? Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.Grey);
        const int scale = 6;
        var (w, h) = (image.Width * scale, image.Height * scale);
        var pixels = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                pixels[y * w + x] = image.Data[y / scale * image.Width + x / scale];
        var source = new PlanarYUVLuminanceSource(pixels, w, h, 0, 0, w, h, reverseHoriz: false);
        // The image is a generated code, one pixel a module with its quiet zone: read as a pure barcode (the module
        // grid taken from the finder patterns) rather than located like a photo, which missed about one code in 60.
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true, [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return result?.Text;
    }
}
