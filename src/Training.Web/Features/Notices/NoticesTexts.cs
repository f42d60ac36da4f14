namespace Training.Web.Features.Notices;

/// <summary>What the notices pages say to their users, in one place to be reviewed.</summary>
public static class NoticesTexts
{
    public const string MenuNotices = "通知公告", MenuManage = "发布通知";
    public const string ReadPermission = "阅读通知公告", PublishPermission = "发布本单位通知公告";

    public const string ChooseCategory = "请选择类别。";
    public const string ExpiresOn = "截止日期";
    public const string ChooseFile = "请选择要上传的附件。";
    public static string KindRefused(string extensions) => $"附件只能是 {extensions} 文件。";

    public const string CreatedAudit = "新建通知", ChangedAudit = "修改通知", PublishedAudit = "发布通知", WithdrawnAudit = "撤回通知";
    public const string AttachedAudit = "添加通知附件", DetachedAudit = "删除通知附件";
    public static string Created(string title) => $"已保存草稿“{title}”。请检查后发布。";
    public static string Changed(string title) => $"已保存“{title}”。";
    public static string Published(string title) => $"已发布“{title}”。";
    public static string Withdrawn(string title) => $"已撤回“{title}”，读者不再看到它。";
    public static string Attached(string file) => $"已添加附件“{file}”。";
    public static string Detached(string file) => $"已删除附件“{file}”。";
    public const string AttachmentNotInNotice = "该附件不属于这条通知。";

    public static string Describe(string title, string category, string state) => $"{title}（{category}，{state}）";
    public static string OfNotice(string title, string detail) => $"通知“{title}”：{detail}";

    public const string Expired = "已过期", Pinned = "置顶";
    /// <summary>"1.2 MB", "350 KB": an attachment's size as a reader sees it.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{Math.Max(1, (bytes + 1023) / 1024)} KB";
}
