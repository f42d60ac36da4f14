using Training.Core.Domain;
using Training.Web.Features.Learning.Media;

namespace Training.Web.Features.Notices;

/// <summary>The order readers see notices in, and what a notice may carry as attachments.</summary>
public static class NoticeReads
{
    /// <summary>置顶 first, then the newest published.</summary>
    public static IOrderedQueryable<Notice> Newest(this IQueryable<Notice> notices) =>
        notices.OrderByDescending(n => n.Pinned).ThenByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id);

    /// <summary>An attachment may be at most this large: a notice's file is read on a phone.</summary>
    public const long MaxAttachmentBytes = 20L * 1024 * 1024;

    /// <summary>What may be attached (kept by the lessons' media storage, recognised by their first bytes), by the file's extension.</summary>
    public static readonly IReadOnlyList<MediaKind> AttachmentKinds =
        new[] { MediaKind.Pdf, MediaKind.Docx, MediaKind.Doc, MediaKind.Xlsx, MediaKind.Xls, MediaKind.Png, MediaKind.Jpg }
            .Select(k => k with { MaxBytes = MaxAttachmentBytes }).ToList();

    public static string Accept => string.Join(",", AttachmentKinds.Select(k => k.Extension).Append(".jpeg"));

    public static string Extensions => string.Join(" / ", AttachmentKinds.Select(k => k.Extension.TrimStart('.').ToUpperInvariant()));

    /// <summary>The kind a file name says it is (.jpeg read as .jpg); its content is checked as it is stored.</summary>
    public static MediaKind? KindOf(string? fileName)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext == ".jpeg") ext = ".jpg";
        return AttachmentKinds.FirstOrDefault(k => k.Extension == ext);
    }
}
