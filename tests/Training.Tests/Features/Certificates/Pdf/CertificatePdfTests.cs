using System.Text;
using StbImageSharp;
using Training.Web.Features.Certificates.Pdf;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Training.Tests.Features.Certificates.Pdf;

/// <summary>
/// The certificate PDF read back as a reader's software reads it (PdfPig): one A4 page, the full name and
/// the number as real text, WenQuanYi Micro Hei embedded (a subset), and the QR code, taken out of the PDF
/// and decoded by ZXing, holding the verification address.
/// </summary>
public sealed class CertificatePdfTests
{
    private static readonly CertificateContent Content = new("欧阳建国", "2026年白云区农村基层干部乡村振兴专题培训班（第一期）",
        new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 30), 32.5m, "中共广州市白云区委组织部", "440111-2026-00042",
        new DateOnly(2026, 7, 1), "https://px.example.gov.cn/Verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static byte[] Pdf(CertificateContent? content = null)
    {
        using var output = new MemoryStream();
        CertificatePdf.Write(content ?? Content, output);
        return output.ToArray();
    }

    [Fact]
    public void Should_open_as_one_A4_page()
    {
        using var pdf = PdfDocument.Open(Pdf());

        var page = Assert.Single(pdf.GetPages());
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
    }

    [Fact]
    public void Should_hold_the_full_name_number_class_dates_hours_and_issuer_as_text()
    {
        using var pdf = PdfDocument.Open(Pdf());
        var text = pdf.GetPage(1).Text;

        Assert.Contains("结业证书", text);
        Assert.Contains("欧阳建国", text);
        Assert.Contains("440111-2026-00042", text);
        Assert.Contains("乡村振兴专题培训班", text);
        Assert.Contains("2026年3月2日", text);
        Assert.Contains("2026年6月30日", text);
        Assert.Contains("32.5", text);
        Assert.Contains("中共广州市白云区委组织部", text);
        Assert.Contains("2026年7月1日", text);
    }

    [Fact]
    public void Should_embed_WenQuanYi_Micro_Hei_as_the_one_font_of_every_letter()
    {
        var bytes = Pdf();
        using var pdf = PdfDocument.Open(bytes);

        var fonts = pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        var font = Assert.Single(fonts);
        Assert.EndsWith("WenQuanYi Micro Hei", font); // a subset: "ABCDEF+WenQuanYi Micro Hei"
        Assert.Matches("^[A-Z]{6}\\+", font);
        // The font program itself is in the file (TrueType: FontFile2), not only its name.
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Should_wrap_a_long_class_name_without_losing_a_character()
    {
        var name = string.Concat(Enumerable.Repeat("农村基层干部乡村振兴", 6)) + "专题班";

        using var pdf = PdfDocument.Open(Pdf(Content with { ClassName = name }));

        Assert.Contains(name, string.Concat(pdf.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c))));
    }

    [Fact]
    public void Should_carry_a_QR_code_that_decodes_to_the_verification_address()
    {
        using var pdf = PdfDocument.Open(Pdf());
        var image = Assert.Single(pdf.GetPage(1).GetImages());

        Assert.True(image.TryGetPng(out var png), "the QR image cannot be read back as PNG");
        Assert.Equal(Content.VerifyUrl, Decode(png));
    }

    /// <summary>Decodes a QR code from a PNG of one pixel a module, scaled up as a screen or printer does.</summary>
    internal static string? Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.Grey);
        const int scale = 6;
        var (w, h) = (image.Width * scale, image.Height * scale);
        var pixels = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                pixels[y * w + x] = image.Data[y / scale * image.Width + x / scale];
        var source = new PlanarYUVLuminanceSource(pixels, w, h, 0, 0, w, h, reverseHoriz: false);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        return result?.Text;
    }
}
