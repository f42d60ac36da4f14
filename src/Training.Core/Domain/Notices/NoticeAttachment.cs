namespace Training.Core.Domain;

/// <summary>A file of a notice (PDF, Word, Excel or an image) kept in the media folder under a name of the portal's own.</summary>
public sealed class NoticeAttachment
{
    public const int MaxFileName = 200;

    private NoticeAttachment() { }

    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    /// <summary>The name it had on the author's computer, offered again on download.</summary>
    public string FileName { get; private set; } = "";
    public string StoredName { get; private set; } = "";
    public long Bytes { get; private set; }

    internal static NoticeAttachment Create(Notice notice, string? fileName, string storedName, long bytes)
    {
        var name = System.IO.Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0) throw new DomainException("请选择文件。");
        if (name.Length > MaxFileName) name = name[^MaxFileName..];
        return new NoticeAttachment { NoticeId = notice.Id, FileName = name, StoredName = storedName, Bytes = bytes };
    }
}
