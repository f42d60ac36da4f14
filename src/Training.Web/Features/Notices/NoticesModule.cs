using Training.Web.Features.Notices.Home;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Notices;

/// <summary>
/// 通知公告 (LEARNING.md §8): the city and the districts publish notices to their own scope
/// (Manage/), everyone under them reads them (Index, Details, attachments checked against the
/// reader's scope), and the home shows the latest. All at /Notices.
/// </summary>
public sealed class NoticesModule : TrainingModule
{
    public override string Folder => "Notices";

    public override IReadOnlyList<PageFolder> Pages => [new("", "/Notices")];

    public override IReadOnlyList<Permission> Permissions => NoticesPermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(NoticesTexts.MenuNotices, "/Notices/Index", NoticesPermissions.Read, 7),
        new(NoticesTexts.MenuManage, "/Notices/Manage/Index", NoticesPermissions.Publish, 45),
    ];

    public override IReadOnlyList<HomeCard> HomeCards => [new(typeof(LatestNoticesCard), NoticesPermissions.Read, 6)];

    public override void AddServices(IServiceCollection services, IConfiguration configuration) { }
}
