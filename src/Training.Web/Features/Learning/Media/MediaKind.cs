namespace Training.Web.Features.Learning.Media;

/// <summary>
/// What the media folder keeps, each recognised by its first bytes, not by its name: a lesson's PDF (up to
/// 50 MB) or MP4 (up to 1 GB) (LEARNING.md §1), and a notice's attachments (PDF, Word, Excel, images), whose
/// limit the notices set with <c>kind with { MaxBytes = … }</c>.
/// </summary>
public sealed record MediaKind(string Extension, string ContentType, long MaxBytes, string Accept)
{
    public static readonly MediaKind Pdf = new(".pdf", "application/pdf", 50L * 1024 * 1024, "application/pdf,.pdf");
    public static readonly MediaKind Mp4 = new(".mp4", "video/mp4", 1024L * 1024 * 1024, "video/mp4,.mp4");
    public static readonly MediaKind Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 20L * 1024 * 1024, ".docx");
    public static readonly MediaKind Doc = new(".doc", "application/msword", 20L * 1024 * 1024, ".doc");
    public static readonly MediaKind Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 20L * 1024 * 1024, ".xlsx");
    public static readonly MediaKind Xls = new(".xls", "application/vnd.ms-excel", 20L * 1024 * 1024, ".xls");
    public static readonly MediaKind Png = new(".png", "image/png", 20L * 1024 * 1024, "image/png,.png");
    public static readonly MediaKind Jpg = new(".jpg", "image/jpeg", 20L * 1024 * 1024, "image/jpeg,.jpg,.jpeg");

    public static readonly IReadOnlyList<MediaKind> All = [Pdf, Mp4, Docx, Doc, Xlsx, Xls, Png, Jpg];

    public static MediaKind? OfStoredName(string name) => All.FirstOrDefault(k => name.EndsWith(k.Extension, StringComparison.Ordinal));

    /// <summary>
    /// A PDF starts with "%PDF-"; an MP4 has an "ftyp" box first (its type at bytes 4–7); .docx and .xlsx
    /// are zip files ("PK\3\4"); .doc and .xls are OLE compound files; PNG and JPEG have their signatures.
    /// </summary>
    public bool Recognises(ReadOnlySpan<byte> head) => Extension switch
    {
        ".pdf" => head.StartsWith("%PDF-"u8),
        ".mp4" => head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8),
        ".docx" or ".xlsx" => head.StartsWith("PK\u0003\u0004"u8),
        ".doc" or ".xls" => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ".png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        _ => false,
    };

    public string MaxText => $"{MaxBytes / (1024 * 1024):N0} MB";
}
