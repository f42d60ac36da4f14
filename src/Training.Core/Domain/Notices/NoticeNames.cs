namespace Training.Core.Domain;

/// <summary>The Chinese names of the notice enums.</summary>
public static class NoticeNames
{
    public static readonly IReadOnlyList<NoticeCategory> Categories = Enum.GetValues<NoticeCategory>();

    public static string Name(this NoticeCategory c) => c switch
    {
        NoticeCategory.Admissions => "招生简章",
        NoticeCategory.Policy => "政策文件",
        NoticeCategory.Training => "培训通知",
        _ => "其他",
    };

    public static string Name(this NoticeState s) => s switch
    {
        NoticeState.Draft => "草稿",
        NoticeState.Published => "已发布",
        _ => "已撤回",
    };
}
