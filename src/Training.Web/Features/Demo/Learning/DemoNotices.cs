using Training.Core.Domain;

namespace Training.Web.Features.Demo.Learning;

/// <summary>
/// The demo's 通知公告 (issue 14): this year's 招生简章 of the city, pinned; a city policy notice with the
/// demo's PDF attached; 白云区's announcement of its class (trainee-demo's district); a 荔湾区 notice that
/// 白云区's people do not see; a city notice past its expiry date; and a city draft. Dated back from the
/// seeding day, so the same day gives the same rows.
/// </summary>
internal static class DemoNotices
{
    public const string Actor = "demo";

    public static int Add(DemoStore store, IReadOnlyDictionary<string, OrgUnit> units, DemoFiles files, DateOnly today)
    {
        var city = units[DemoCourses.City];
        var baiyun = units[DemoCourses.Baiyun];
        var liwan = units[DemoCourses.Yuexiu];
        var year = today.Year;
        var notices = new List<Notice>
        {
            Published(city, $"{year}年“羊城村官上大学”学历教育招生简章", NoticeCategory.Admissions, pinned: true, null, today.AddDays(-20), $"""
                为提高村（社区）干部队伍学历层次和综合素质，市委组织部联合有关院校开展 {year} 年“羊城村官上大学”学历教育招生工作。

                ## 一、招生对象
                - 全市在职村（社区）“两委”干部；
                - 列入后备干部库的村（社区）后备干部；
                - 经村党组织推荐的优秀党员。

                ## 二、报名方式
                符合条件的人员登录本平台，在“学历报名”中选择专业并提交，经镇（街）、区、市三级审核。

                ## 三、学费
                学费由市、区财政和个人按比例分担，个人负担部分以录取通知为准。

                咨询电话：020-83000000（工作日 9:00—17:30）
                """),
            Published(city, "关于印发《村务公开工作指引》的通知", NoticeCategory.Policy, pinned: false, null, today.AddDays(-12), """
                各区委组织部：

                现将《村务公开工作指引》印发给你们，请组织村（社区）干部认真学习，结合实际抓好落实。

                指引全文见附件，也可在“在线学习”中学习课程 **村民委员会组织法要点**。
                """, files.NoticePdf is { } pdf ? ("村务公开工作指引.pdf", pdf.StoredName, pdf.Bytes) : null),
            Published(baiyun, "白云区村干部履职能力提升班开班通知", NoticeCategory.Training, pinned: false, null, today.AddDays(-5), """
                白云区村干部履职能力提升班近期开班，请参训学员：

                1. 按时参加集中授课，现场签到；
                2. 开班前在平台完成必修课 **白云区村干部履职实务**；
                3. 结业须满足考勤和学时要求。

                联系人：区委组织部干部培训科。
                """),
            Published(liwan, "荔湾区后备干部集中培训报名通知", NoticeCategory.Training, pinned: false, null, today.AddDays(-3), """
                荔湾区各镇（街）：请于本月底前组织辖区村（社区）后备干部报名参加集中培训。
                """),
            Published(city, "关于在线学习平台系统维护的通知", NoticeCategory.Other, pinned: false, today.AddDays(-40), today.AddDays(-45), """
                平台将于近日夜间进行系统维护，维护期间暂停在线学习，已学习的进度和学时不受影响。
                """),
        };
        var draft = Notice.Create(city, "关于做好年度学时统计工作的通知", """
            请各区于年底前核对本区村（社区）干部全年学时，线下培训学时按模板导入平台。
            """, NoticeCategory.Policy, pinned: false, expiresOn: null, today, Actor, At(today));
        notices.Add(draft);
        foreach (var n in notices) store.Add(n);
        return notices.Count;
    }

    /// <summary>A notice written and published on <paramref name="on"/> (as the portal would have, that day).</summary>
    private static Notice Published(OrgUnit owner, string title, NoticeCategory category, bool pinned, DateOnly? expiresOn, DateOnly on, string body,
        (string FileName, string StoredName, long Bytes)? attachment = null)
    {
        var n = Notice.Create(owner, title, body, category, pinned, expiresOn, on, Actor, At(on));
        if (attachment is { } a) n.Attach(a.FileName, a.StoredName, a.Bytes);
        n.Publish(on, At(on));
        return n;
    }

    /// <summary>A day's instant: 10:00 in China.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
}
