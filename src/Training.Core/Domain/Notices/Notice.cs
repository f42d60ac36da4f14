namespace Training.Core.Domain;

/// <summary>
/// 通知公告 (LEARNING.md §8): a notice the city or a district publishes to its own scope — its staff and
/// those below, and the persons of its villages. 草稿 → 已发布 → 已撤回; a pinned notice is listed first,
/// and after its expiry date readers no longer see it (its authors still do, as 已过期).
/// </summary>
public sealed class Notice : IVersioned
{
    public const int MaxTitle = 100;
    public const int MaxBody = 20_000;
    public const int MaxAttachments = 10;

    private readonly List<NoticeAttachment> _attachments = [];

    private Notice() { }

    public int Id { get; private set; }
    /// <summary>The city or district that publishes it; everyone under it reads it.</summary>
    public int OwnerId { get; private set; }
    public OrgUnit Owner { get; private set; } = null!;
    public string Title { get; private set; } = "";
    /// <summary>Markdown, shown through the portal's safe renderer (raw HTML is dropped).</summary>
    public string Body { get; private set; } = "";
    public NoticeCategory Category { get; private set; }
    /// <summary>置顶: listed before the others.</summary>
    public bool Pinned { get; private set; }
    /// <summary>The last day readers see it; null for a notice that does not expire.</summary>
    public DateOnly? ExpiresOn { get; private set; }
    public NoticeState State { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<NoticeAttachment> Attachments => _attachments;

    /// <summary>Past its expiry date on <paramref name="day"/>.</summary>
    public bool IsExpiredOn(DateOnly day) => ExpiresOn is { } last && last < day;

    public static Notice Create(OrgUnit owner, string? title, string? body, NoticeCategory category, bool pinned, DateOnly? expiresOn,
        DateOnly today, string by, DateTime now)
    {
        if (owner.Level is not (OrgLevel.City or OrgLevel.District))
            throw new DomainException($"通知公告由市或区组织发布，“{owner.Name}”是{owner.Level.Name()}。");
        var n = new Notice { Owner = owner, OwnerId = owner.Id, State = NoticeState.Draft, CreatedBy = by, CreatedAt = now };
        n.Change(title, body, category, pinned, expiresOn, today);
        return n;
    }

    public void Change(string? title, string? body, NoticeCategory category, bool pinned, DateOnly? expiresOn, DateOnly today)
    {
        if (State == NoticeState.Withdrawn) throw new DomainException("已撤回的通知不能再修改。");
        var t = (title ?? "").Trim();
        if (t.Length == 0) throw new DomainException("请填写标题。", nameof(Title));
        if (t.Length > MaxTitle) throw new DomainException($"标题不能超过 {MaxTitle} 个字。", nameof(Title));
        var text = (body ?? "").Trim();
        if (text.Length == 0) throw new DomainException("请填写正文。", nameof(Body));
        if (text.Length > MaxBody) throw new DomainException($"正文不能超过 {MaxBody} 个字。", nameof(Body));
        if (!Enum.IsDefined(category)) throw new DomainException("请选择类别。", nameof(Category));
        if (expiresOn is { } last && last < today) throw new DomainException("截止日期不能早于今天。", nameof(ExpiresOn));
        Title = t;
        Body = text;
        Category = category;
        Pinned = pinned;
        ExpiresOn = expiresOn;
        Touch();
    }

    /// <summary>发布: readers in its scope see it from now on.</summary>
    public void Publish(DateOnly today, DateTime now)
    {
        if (State != NoticeState.Draft) throw new DomainException("只有草稿可以发布。");
        if (IsExpiredOn(today)) throw new DomainException("截止日期已过，请先修改截止日期。", nameof(ExpiresOn));
        State = NoticeState.Published;
        PublishedAt = now;
        Touch();
    }

    /// <summary>撤回: readers no longer see it; its authors still do.</summary>
    public void Withdraw()
    {
        if (State != NoticeState.Published) throw new DomainException("只有已发布的通知可以撤回。");
        State = NoticeState.Withdrawn;
        Touch();
    }

    public NoticeAttachment Attach(string? fileName, string storedName, long bytes)
    {
        if (State == NoticeState.Withdrawn) throw new DomainException("已撤回的通知不能再添加附件。");
        if (_attachments.Count >= MaxAttachments) throw new DomainException($"每条通知最多 {MaxAttachments} 个附件。");
        var a = NoticeAttachment.Create(this, fileName, storedName, bytes);
        _attachments.Add(a);
        Touch();
        return a;
    }

    public void Detach(NoticeAttachment attachment)
    {
        if (State == NoticeState.Withdrawn) throw new DomainException("已撤回的通知不能再修改。");
        if (!_attachments.Remove(attachment)) throw new DomainException("该附件不属于这条通知。");
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
