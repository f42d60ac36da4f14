using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>Files the tests upload and read: MP4 boxes (a movie header with a duration) and small PDFs with pages.</summary>
public static class TestMedia
{
    public static byte[] Box(string type, params byte[][] content)
    {
        var body = content.SelectMany(c => c).ToArray();
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    public static byte[] Mvhd(uint timescale, ulong duration, bool version1 = false)
    {
        var body = new byte[version1 ? 4 + 28 + 80 : 4 + 16 + 80];
        body[0] = (byte)(version1 ? 1 : 0);
        if (version1)
        {
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4 + 16), timescale);
            BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(4 + 20), duration);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4 + 8), timescale);
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4 + 12), (uint)duration);
        }
        return Box("mvhd", body);
    }

    public static readonly byte[] Ftyp = Box("ftyp", Encoding.ASCII.GetBytes("isom\0\0\0\0isomavc1"));

    /// <summary>An MP4 of <paramref name="seconds"/> seconds by its header, with <paramref name="mediaBytes"/> bytes of media data.</summary>
    public static byte[] Mp4(double seconds, int mediaBytes = 4096) =>
        [.. Ftyp, .. Box("moov", Mvhd(1000, (ulong)(seconds * 1000))), .. Box("mdat", new byte[mediaBytes])];

    /// <summary>A valid PDF of <paramref name="pages"/> empty A4 pages (objects and cross-reference table written out).</summary>
    public static byte[] Pdf(int pages)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{3 + i} 0 R"))}] /Count {pages} >>",
        };
        objects.AddRange(Enumerable.Range(0, pages).Select(_ => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
