using System.Text;
using Training.Testing;
using Training.Web.Features.Certificates.Pdf;
using UglyToad.PdfPig;

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
        Assert.Equal(Content.VerifyUrl, CertificateReader.Decode(png));
    }

    /// <summary>Any code, any port: the reader once missed about one code in 60 (a journey failed on it now and then).</summary>
    [Fact]
    public void Should_carry_a_QR_code_that_decodes_whatever_the_certificate_code()
    {
        var failed = new List<string>();
        for (var n = 0; n < 100; n++)
        {
            var url = $"http://127.0.0.1:{30000 + n * 7}/Verify/{Training.Core.Domain.Certificate.NewCode()}";
            using var pdf = PdfDocument.Open(Pdf(Content with { VerifyUrl = url }));
            pdf.GetPage(1).GetImages().Single().TryGetPng(out var png);
            string? text = null;
            try { text = CertificateReader.Decode(png!); } catch (Exception) { }
            if (text != url) failed.Add(url);
        }
        Assert.True(failed.Count == 0, failed.Count + " failed: " + string.Join(" ", failed.Take(5)));
    }
}
