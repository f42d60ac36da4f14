namespace Training.Web.Features.Learning.Media;

/// <summary>What a lesson may upload (LEARNING.md §1): a PDF up to 50 MB, an MP4 up to 1 GB, each recognised by its first bytes, not by its name.</summary>
public sealed record MediaKind(string Extension, string ContentType, long MaxBytes, string Accept)
{
    public static readonly MediaKind Pdf = new(".pdf", "application/pdf", 50L * 1024 * 1024, "application/pdf,.pdf");
    public static readonly MediaKind Mp4 = new(".mp4", "video/mp4", 1024L * 1024 * 1024, "video/mp4,.mp4");

    public static MediaKind? OfStoredName(string name) =>
        name.EndsWith(Pdf.Extension, StringComparison.Ordinal) ? Pdf
        : name.EndsWith(Mp4.Extension, StringComparison.Ordinal) ? Mp4
        : null;

    /// <summary>A PDF starts with "%PDF-"; an MP4 has an "ftyp" box first (its type at bytes 4–7).</summary>
    public bool Recognises(ReadOnlySpan<byte> head) =>
        this == Pdf
            ? head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8)
            : head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8);

    public string MaxText => $"{MaxBytes / (1024 * 1024):N0} MB";
}
