using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Classes;

/// <summary>培训班: classes with sessions, enrolment, attendance and completion, at /Classes; the trainee's own at /Classes/Mine.</summary>
public sealed class ClassesModule : TrainingModule
{
    public override string Folder => "Classes";

    public override IReadOnlyList<PageFolder> Pages => [new("", "/Classes")];

    public override IReadOnlyList<Permission> Permissions => ClassesPermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(ClassesTexts.MenuMine, "/Classes/Mine", ClassesPermissions.Mine, 20, Primary: true),
        new(ClassesTexts.MenuClasses, "/Classes/Index", ClassesPermissions.View, 45),
    ];
}
