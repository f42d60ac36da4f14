using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace Training.Web.Features.Certificates.Pdf;

/// <summary>
/// PDFsharp's font source: WenQuanYi Micro Hei from the assembly (Fonts/README.md), whatever family a
/// page asks for, so that no certificate depends on the fonts a server happens to have. PDFsharp's
/// resolver is process-wide; <see cref="EnsureRegistered"/> sets it once.
/// </summary>
public sealed class CertificateFont : IFontResolver
{
    public const string Family = "WenQuanYi Micro Hei";
    private const string Face = "wqy-microhei";
    private const string Resource = "Training.Certificates.wqy-microhei.ttc";

    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> Data = new(Load);

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is CertificateFont) return;
            if (GlobalFontSettings.FontResolver is not null)
                throw new InvalidOperationException("Another PDFsharp font resolver is registered; certificates need theirs.");
            GlobalFontSettings.FontResolver = new CertificateFont();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Face);

    public byte[] GetFont(string faceName) => Data.Value;

    private static byte[] Load()
    {
        using var stream = typeof(CertificateFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The font resource {Resource} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FaceOf(buffer.ToArray(), 0);
    }

    /// <summary>
    /// One face of a TrueType collection (.ttc) as a standalone font: its table directory with the
    /// tables copied after it (4-byte aligned) and the offsets moved. A plain .ttf comes back as is.
    /// </summary>
    public static byte[] FaceOf(byte[] font, int index)
    {
        var data = font.AsSpan();
        if (!data[..4].SequenceEqual("ttcf"u8)) return font;
        var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (index < 0 || index >= faces) throw new ArgumentOutOfRangeException(nameof(index));
        var face = (int)BinaryPrimitives.ReadUInt32BigEndian(data[(12 + 4 * index)..]);
        var tables = BinaryPrimitives.ReadUInt16BigEndian(data[(face + 4)..]);
        var head = 12 + 16 * tables;
        var size = head;
        for (var i = 0; i < tables; i++)
            size += Aligned((int)BinaryPrimitives.ReadUInt32BigEndian(data[(face + 12 + 16 * i + 12)..]));

        var result = new byte[size];
        data.Slice(face, head).CopyTo(result);
        var at = head;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + 16 * i;
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(data[(face + record + 8)..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(data[(face + record + 12)..]);
            data.Slice(offset, length).CopyTo(result.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(record + 8), (uint)at);
            at += Aligned(length);
        }
        return result;
    }

    private static int Aligned(int length) => (length + 3) & ~3;
}
