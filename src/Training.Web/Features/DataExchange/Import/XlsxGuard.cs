using System.IO.Compression;
using System.Xml;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// Looks inside an uploaded xlsx before any spreadsheet library does. An xlsx is a zip of XML
/// parts; the 20 MB upload cap limits only the compressed size, and a 1 MB file holding one
/// 1 GB cell took the server from 444 MB to 4.4 GB (and its error workbook 684 s of CPU).
/// Every part is inflated through a counting stream that stops at the cap (a zip's declared
/// sizes can lie), the sheets and shared strings are scanned as a stream of XML — cell text
/// counted in chunks, rows counted — and the first excess refuses the file with a Chinese
/// message. Nothing is kept in memory beyond a 4 KB buffer.
/// </summary>
public static class XlsxGuard
{
    /// <summary>One part inflated: a Guangzhou roster's largest sheet is about 8 MB.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>The whole workbook inflated.</summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Far above any name, address or note (and a re-uploaded error workbook's 错误说明); Excel itself stops at 32,767.</summary>
    public const int MaxCellChars = 4_000;

    /// <summary>Rows per sheet: a city's roster has about 30,000 people and 60,000 posts.</summary>
    public const int MaxRows = 300_000;

    private const int Megabyte = 1024 * 1024;

    public static readonly string PartTooLarge = ImportTexts.PartTooLarge(MaxPartBytes / Megabyte);
    public static readonly string TotalTooLarge = ImportTexts.TotalTooLarge(MaxTotalBytes / Megabyte);
    public static readonly string CellTooLong = ImportTexts.CellTooLong(MaxCellChars);
    public static readonly string TooManyRows = ImportTexts.TooManyRows(MaxRows);

    /// <summary>Null when the file is within every limit (or is no zip at all: the reader says so); else why it is refused.
    /// The stream is left at its start.</summary>
    public static string? Check(Stream xlsx)
    {
        var start = xlsx.Position;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxPartBytes) return PartTooLarge;
                using var counted = new CappedStream(entry.Open(), MaxPartBytes);
                var refusal = IsCells(entry.FullName) ? ScanCells(counted) : Drain(counted);
                if (refusal is not null) return refusal;
                total += counted.Count;
                if (total > MaxTotalBytes) return TotalTooLarge;
            }
            return null;
        }
        catch (InvalidDataException) { return null; } // not a zip, or a broken one: the reader answers that
        catch (XmlException) { return null; }          // likewise a broken part
        finally
        {
            xlsx.Position = start;
        }
    }

    private static bool IsCells(string part) =>
        part.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase)
        || (part.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && part.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));

    private static string? Drain(CappedStream part)
    {
        var buffer = new byte[4096];
        while (part.Read(buffer, 0, buffer.Length) > 0) if (part.Exceeded) return PartTooLarge;
        return part.Exceeded ? PartTooLarge : null;
    }

    /// <summary>Counts rows and the length of every text node, reading text in chunks so a huge cell is never held whole.</summary>
    private static string? ScanCells(CappedStream part)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var xml = XmlReader.Create(part, settings);
        var chunk = new char[4096];
        var rows = 0;
        while (xml.Read())
        {
            if (part.Exceeded) return PartTooLarge;
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "row":
                    if (++rows > MaxRows) return TooManyRows;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    var length = 0;
                    int read;
                    while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        length += read;
                        if (length > MaxCellChars) return CellTooLong;
                        if (part.Exceeded) return PartTooLarge;
                    }
                    break;
            }
        }
        return part.Exceeded ? PartTooLarge : null;
    }

    /// <summary>Passes at most <c>cap</c> bytes through, counting them; past the cap it reads as ended and says so.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        public long Count { get; private set; }
        public bool Exceeded { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Exceeded) return 0;
            var read = inner.Read(buffer, offset, (int)Math.Min(count, cap + 1 - Count));
            Count += read;
            if (Count > cap) { Exceeded = true; return 0; }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
